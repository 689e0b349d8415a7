package io.augmill.training.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SchedulesTest {

  @Test
  void cosineHitsExactValues() {
    CosineSchedule c = new CosineSchedule(0.1, 0.0, 0, 100);
    assertThat(c.at(0)).isEqualTo(0.1);
    assertThat(c.at(50)).isCloseTo(0.05, within(1e-15));
    assertThat(c.at(25)).isCloseTo(0.1 * (1 + Math.cos(Math.PI / 4)) / 2, within(1e-15));
    assertThat(c.at(100)).isEqualTo(0.0);
    assertThat(c.at(1000)).isEqualTo(0.0);
    assertThat(new CosineSchedule(0.1, 0.01, 0, 100).at(50)).isCloseTo(0.055, within(1e-15));
  }

  @Test
  void stepDecaysAtMilestones() {
    StepSchedule s = new StepSchedule(0.1, new long[] {10, 20}, 0.1);
    assertThat(s.at(9)).isEqualTo(0.1);
    assertThat(s.at(10)).isCloseTo(0.01, within(1e-15));
    assertThat(s.at(19)).isCloseTo(0.01, within(1e-15));
    assertThat(s.at(20)).isCloseTo(0.001, within(1e-15));
    assertThatThrownBy(() -> new StepSchedule(0.1, new long[] {20, 10}, 0.1)).hasMessageContaining("--milestones");
  }

  @Test
  void linearWarmupRampsPerIterationThenCosineFromThePeak() {
    // 2 warm-up epochs of 10 steps, then cosine over the remaining 80 steps (10 epochs in all).
    LrSchedule s = Schedules.build("cosine", 0.4, 0.0, new double[0], 0.1, 2, "linear", 0.0, 10, 10);
    assertThat(s.at(0)).isEqualTo(0.0);
    assertThat(s.at(5)).isCloseTo(0.1, within(1e-15));
    assertThat(s.at(10)).isCloseTo(0.2, within(1e-15));
    assertThat(s.at(19)).isCloseTo(0.38, within(1e-15));
    assertThat(s.at(20)).isEqualTo(0.4);
    assertThat(s.at(60)).isCloseTo(0.2, within(1e-15));
    assertThat(s.at(100)).isEqualTo(0.0);
  }

  @Test
  void constantWarmupHoldsThenJumps() {
    // He et al.'s ResNet-110 recipe: 0.01 until training is going, then 0.1 with step decay.
    LrSchedule s = Schedules.build("step", 0.1, 0, new double[] {5}, 0.1, 1, "constant", 0.01, 8, 4);
    assertThat(s.at(0)).isEqualTo(0.01);
    assertThat(s.at(3)).isEqualTo(0.01);
    assertThat(s.at(4)).isEqualTo(0.1);
    assertThat(s.at(19)).isEqualTo(0.1);
    assertThat(s.at(20)).isCloseTo(0.01, within(1e-15));
  }

  @Test
  void linearScalingFollowsGoyal() {
    assertThat(Schedules.Scaling.parse("linear").apply(0.1, 1024)).isCloseTo(0.4, within(1e-15));
    assertThat(Schedules.Scaling.parse("none").apply(0.1, 1024)).isEqualTo(0.1);
    assertThatThrownBy(() -> Schedules.Scaling.parse("sqrt")).hasMessageContaining("--lr-scaling");
  }

  @Test
  void constantAndDjlView() {
    LrSchedule s = Schedules.build("constant", 0.3, 0, new double[0], 0.1, 0, "linear", 0, 5, 3);
    assertThat(s.at(0)).isEqualTo(0.3);
    assertThat(s.at(14)).isEqualTo(0.3);
    assertThat(s.getNewValue(7)).isEqualTo(0.3f);
  }

  @Test
  void badSettingsNameTheOption() {
    assertThatThrownBy(() -> Schedules.build("poly", 0.1, 0, new double[0], 0.1, 0, "linear", 0, 5, 3))
        .hasMessageContaining("--schedule");
    assertThatThrownBy(() -> Schedules.build("cosine", 0.1, 0, new double[0], 0.1, 9, "linear", 0, 5, 3))
        .hasMessageContaining("--warmup-epochs");
    assertThatThrownBy(() -> Schedules.build("cosine", 0.1, 0, new double[0], 0.1, 1, "exp", 0, 5, 3))
        .hasMessageContaining("--warmup");
    assertThatThrownBy(() -> new ConstantSchedule(-1)).hasMessageContaining("--lr");
  }
}
