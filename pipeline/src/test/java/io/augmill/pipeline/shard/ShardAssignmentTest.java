package io.augmill.pipeline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardAssignmentTest {

  @Test
  void pinnedValuesNeverChange() {
    // Changing the hash changes every shard set written before: these values are part of the format.
    assertThat(ShardAssignment.shardOf("cifar10/train/000000", 0, 16)).isEqualTo(2);
    int[] got = new int[8];
    for (int v = 0; v < 8; v++) {
      got[v] = ShardAssignment.shardOf("synthetic/train/000042", v, 1000);
    }
    assertThat(got).containsExactly(762, 939, 157, 61, 250, 83, 710, 830);
  }

  @Test
  void spreadsRecordsEvenlyAndStaysInRange() {
    int shards = 7;
    int[] counts = new int[shards];
    for (int i = 0; i < 7000; i++) {
      int s = ShardAssignment.shardOf("key/" + i, i % 3, shards);
      assertThat(s).isBetween(0, shards - 1);
      counts[s]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(850, 1150);
    }
    assertThat(ShardAssignment.shardOf("x", 0, 1)).isZero();
    assertThatThrownBy(() -> ShardAssignment.shardOf("x", 0, 0)).hasMessageContaining("shards must be at least 1");
  }
}
