package io.augmill.ops.cli;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.ImageSamples;
import io.augmill.ops.image.ImageSamplesFinder;
import io.augmill.ops.image.Images;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.preview.ContactSheet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code augmill preview}: a contact sheet of augmented draws, from one image (the original first, then
 * N draws) or from a dataset (N images, each original followed by one draw). Originals are framed.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Write a PNG contact sheet of N augmented draws: from one image (original first, then N draws),",
        "or one draw each of N dataset images (each next to its original). Originals are framed in green."})
final class PreviewCommand implements Callable<Integer> {

  @Option(names = "--policy", paramLabel = "P", required = true, description = "Policy name, compact string or YAML/JSON file.")
  String policy;

  @Option(names = "--input", paramLabel = "SRC", required = true,
      description = "An image file, or a dataset source such as cifar10:DIR or synthetic:shapes.")
  String input;

  @Option(names = "--count", paramLabel = "N", defaultValue = "8", description = "Number of draws or dataset images (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the draws and of the dataset sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--tile", paramLabel = "PX", defaultValue = "128", description = "Cell size in pixels (default: ${DEFAULT-VALUE}).")
  int tile;

  @Option(names = "--output", paramLabel = "grid.png", required = true, description = "The PNG to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (count < 1 || count > 1024) {
      throw new UsageException("--count must be in [1, 1024], got " + count);
    }
    if (tile < 16 || tile > 1024) {
      throw new UsageException("--tile must be in [16, 1024], got " + tile);
    }
    if (!output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new UsageException("--output must be a .png file, got " + output);
    }
    Policy p;
    ImageSamples samples;
    try {
      p = Policies.builtin().resolve(policy);
      samples = ImageSamplesFinder.forSource(input);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    List<ImageSamples.Sample> images = samples.take(input, count, seed);
    if (images.isEmpty()) {
      throw new IllegalStateException(input + ": no images to preview");
    }
    List<Mat> owned = new ArrayList<>();
    List<ContactSheet.Tile> tiles = new ArrayList<>();
    int columns;
    if (images.size() == 1) {
      ImageSamples.Sample s = images.get(0);
      owned.add(s.image());
      tiles.add(new ContactSheet.Tile(s.image(), "original", true));
      for (int v = 0; v < count; v++) {
        Mat out = p.augment(s.image(), seed, s.key(), v).image();
        owned.add(out);
        tiles.add(new ContactSheet.Tile(out, "draw " + v, false));
      }
      columns = (int) Math.ceil(Math.sqrt(tiles.size()));
    } else {
      for (ImageSamples.Sample s : images) {
        owned.add(s.image());
        Mat out = p.augment(s.image(), seed, s.key(), 0).image();
        owned.add(out);
        tiles.add(new ContactSheet.Tile(s.image(), s.label().isEmpty() ? s.key() : s.label(), true));
        tiles.add(new ContactSheet.Tile(out, "augmented", false));
      }
      columns = 2 * Math.max(1, (int) Math.round(Math.sqrt(images.size())));
    }
    Mat sheet = ContactSheet.render(tiles, columns, tile);
    ImageCodec.write(output, sheet);
    System.err.printf("preview: %d tile(s) of policy %s from %s%n", tiles.size(), p.name(), input);
    System.out.println(output);
    owned.forEach(Mat::release);
    Images.release(sheet);
    return CliSupport.OK;
  }
}
