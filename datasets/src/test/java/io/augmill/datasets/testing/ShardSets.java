package io.augmill.datasets.testing;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.RejectedLog;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes complete, valid shard sets (PNG records, manifest, rejected log) for tests. */
public final class ShardSets {

  private ShardSets() {}

  /** A PNG record of a small chart whose size depends on {@code i}. */
  public static ImageExample png(int i) {
    return ImageExample.of(String.format("test/train/%06d", i), i % 3, 0, TestImages.chart(8 + i % 3, 8),
        ImageCodec.Format.PNG, 95, "[]");
  }

  /** {@code shards} shards of {@code perShard} PNG records, a manifest with one rejected input, and its log. */
  public static Manifest write(Path dir, int shards, int perShard) throws IOException {
    List<ShardInfo> infos = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      try (ShardWriter w = ShardWriter.create(dir, new ShardName("train", s, shards))) {
        for (int i = 0; i < perShard; i++) {
          w.write(png(s * perShard + i));
        }
        infos.add(w.finish());
      }
    }
    try (RejectedLog log = RejectedLog.create(dir.resolve("rejected").resolve("train.jsonl"))) {
      log.write(new RejectedRecord("test/train/999999", "in.bin@0", null, "undecodable", "bad bytes"));
    }
    Manifest m = new Manifest(1, "train", (long) shards * perShard, List.of("a", "b", "c"), "png", null, 1, 1, false,
        "synthetic:test", Manifest.currentToolVersion(), infos, (long) shards * perShard + 1,
        new Manifest.Rejected(1, 0, Map.of("undecodable", 1L)), null);
    m.write(dir.resolve(Manifest.FILE_NAME));
    return m;
  }
}
