package io.augmill.training.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.augmill.training.data.ImageShape;
import io.augmill.training.data.Normalization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code model/model.json}: what a saved model needs besides its parameters to be rebuilt and fed.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param architecture {@code --model} name
 * @param classes class names by output index
 * @param channels input channels
 * @param height input height
 * @param width input width
 * @param mean normalisation mean per channel, 0–1 scale
 * @param std normalisation std per channel, 0–1 scale
 * @param dropout dropout rate before the classifier (inactive at inference)
 * @param parameters the DJL parameter file's model name ({@code <name>-0000.params})
 * @param epoch epoch the parameters come from (1-based)
 */
public record ModelInfo(
    @JsonProperty("format_version") int formatVersion,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("classes") List<String> classes,
    @JsonProperty("channels") int channels,
    @JsonProperty("height") int height,
    @JsonProperty("width") int width,
    @JsonProperty("mean") double[] mean,
    @JsonProperty("std") double[] std,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("parameters") String parameters,
    @JsonProperty("epoch") int epoch) {

  /** The schema version. */
  public static final int FORMAT_VERSION = 1;

  /** File name inside {@code model/}. */
  public static final String FILE_NAME = "model.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The input shape. */
  public ImageShape shape() {
    return new ImageShape(channels, height, width);
  }

  /** The normalisation. */
  public Normalization normalization() {
    return new Normalization(mean, std);
  }

  /** Writes the JSON file. */
  public void write(Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  /** Reads {@code model.json}; errors name the file. */
  public static ModelInfo read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no model.json (is this a run directory or its model/ folder?)");
    }
    ModelInfo info;
    try {
      info = JSON.readValue(file.toFile(), ModelInfo.class);
    } catch (IOException e) {
      throw new IOException(file + ": unreadable model.json: " + e.getMessage(), e);
    }
    if (info.formatVersion() != FORMAT_VERSION) {
      throw new IOException(file + ": format_version " + info.formatVersion() + ", this tool reads " + FORMAT_VERSION);
    }
    return info;
  }
}
