package io.augmill.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

  @Test
  void glibcAcceptsEverySetting() {
    assertThat(NativeHeap.keepFreedMemory(Map.of())).isEqualTo(3);
  }

  @Test
  void aSettingTheUserMadeInTheEnvironmentIsLeftAlone() {
    assertThat(NativeHeap.keepFreedMemory(Map.of("MALLOC_TRIM_THRESHOLD_", "131072", "MALLOC_TOP_PAD_", "0")))
        .isEqualTo(1);
  }
}
