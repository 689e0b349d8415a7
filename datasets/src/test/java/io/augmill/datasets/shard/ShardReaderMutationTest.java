package io.augmill.datasets.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.testing.Examples;
import io.augmill.datasets.tfrecord.TFRecordException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random corruption of a valid shard (flipped bytes, overwritten runs, truncation, appended
 * garbage): reading must always end, and may only fail with the documented exceptions.
 */
class ShardReaderMutationTest {

  @TempDir Path dir;

  @Test
  void corruptedShardsEndWithDocumentedErrorsOnly() throws IOException {
    ShardName name = new ShardName("train", 0, 1);
    try (ShardWriter w = ShardWriter.create(dir, name)) {
      for (int i = 0; i < 12; i++) {
        w.write(Examples.raw(i));
      }
      w.finish();
    }
    byte[] original = Files.readAllBytes(dir.resolve(name.fileName()));
    Path mutated = dir.resolve("m.tfrecord");
    SplittableRandom rng = new SplittableRandom(2024);
    int failures = 0;
    for (int trial = 0; trial < 400; trial++) {
      byte[] b = original.clone();
      switch (trial % 4) {
        case 0 -> b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
        case 1 -> {
          int at = rng.nextInt(b.length - 8);
          for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) rng.nextInt(256);
          }
        }
        case 2 -> b = java.util.Arrays.copyOf(b, rng.nextInt(b.length));
        default -> {
          b = java.util.Arrays.copyOf(b, b.length + 20);
          for (int i = original.length; i < b.length; i++) {
            b[i] = (byte) rng.nextInt(256);
          }
        }
      }
      Files.write(mutated, b);
      int read = 0;
      try (ShardReader r = ShardReader.open(mutated)) {
        while (true) {
          try {
            ImageExample e = r.next();
            if (e == null) {
              break;
            }
            read++;
          } catch (ShardRecordException e) {
            failures++;
          } catch (TFRecordException e) {
            failures++;
            assertThat(e.getMessage()).contains(mutated.toString()).contains("record " + e.recordIndex());
            if (!e.recoverable()) {
              break;
            }
          }
          assertThat(read).isLessThanOrEqualTo(12);
        }
      }
    }
    assertThat(failures).isGreaterThan(300);
  }
}
