package io.augmill.ops.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@link ImageSamples} for a plain image file: the file itself, whatever the count. */
public final class FileImageSamples implements ImageSamples {

  @Override
  public boolean accepts(String source) {
    return Files.isRegularFile(Path.of(source));
  }

  @Override
  public List<Sample> take(String source, int count, long seed) throws IOException {
    Path file = Path.of(source);
    return List.of(new Sample(file.getFileName().toString(), "", ImageCodec.read(file)));
  }
}
