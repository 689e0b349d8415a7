package io.augmill.training;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.ops.image.ImageCodec;
import io.augmill.training.data.DecodedImage;
import io.augmill.training.data.InMemorySource;
import io.augmill.training.data.RecordStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Writes shard sets for tests with the datasets module's writer. Variant {@code v} of an image has
 * its first pixel byte replaced by {@code 10·v + 1}, so tests can tell which variant they read.
 */
public final class TestShards {

  private TestShards() {}

  /** Writes {@code images} as {@code shards} PNG shards with {@code variants} variants each. */
  public static Path write(Path dir, InMemorySource images, int variants, int shards, boolean manifest,
      double[] mean, double[] std) throws IOException {
    return write(dir, images, "train", variants, shards, manifest, mean, std, true);
  }

  /**
   * Writes with a split name; {@code markVariants} false keeps pixels as they are (one variant only).
   */
  public static Path write(Path dir, InMemorySource images, String split, int variants, int shards, boolean manifest,
      double[] mean, double[] std, boolean markVariants) throws IOException {
    Files.createDirectories(dir);
    List<DecodedImage> all = new ArrayList<>();
    try (RecordStream s = images.open(0, null)) {
      while (s.hasNext()) {
        all.add(s.next().decode());
      }
    }
    List<ShardInfo> infos = new ArrayList<>();
    long records = 0;
    for (int sh = 0; sh < shards; sh++) {
      try (ShardWriter w = ShardWriter.create(dir, new ShardName(split, sh, shards))) {
        for (int i = sh; i < all.size(); i += shards) {
          DecodedImage im = all.get(i);
          for (int v = 0; v < variants; v++) {
            byte[] px = im.pixels().clone();
            if (markVariants) {
              px[0] = (byte) (10 * v + 1);
            }
            Mat m = ImageCodec.fromRaw(px, im.width(), im.height(), im.channels());
            w.write(ImageExample.of(im.key(), im.label(), v, m, ImageCodec.Format.PNG, 90, "[]"));
            m.release();
            records++;
          }
        }
        infos.add(w.finish());
      }
    }
    if (manifest) {
      ObjectNode stats = JsonNodeFactory.instance.objectNode();
      if (mean != null) {
        stats.put("scale", "0-1");
        stats.set("mean", JsonNodeFactory.instance.arrayNode().addAll(java.util.Arrays.stream(mean)
            .mapToObj(JsonNodeFactory.instance::numberNode).toList()));
        stats.set("std", JsonNodeFactory.instance.arrayNode().addAll(java.util.Arrays.stream(std)
            .mapToObj(JsonNodeFactory.instance::numberNode).toList()));
      }
      new Manifest(Manifest.FORMAT_VERSION, split, records, images.classes(), "png", null, 0, variants, false,
          "test", "test", infos, all.size(), Manifest.Rejected.none(), stats).write(dir.resolve(Manifest.FILE_NAME));
    }
    return dir;
  }
}
