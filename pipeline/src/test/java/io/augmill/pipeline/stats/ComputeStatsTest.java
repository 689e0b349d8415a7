package io.augmill.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.augmill.pipeline.image.DecodedImage;
import io.augmill.pipeline.image.ElementCoders;
import io.augmill.pipeline.image.Pixels;
import io.augmill.pipeline.testing.TestPipelines;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;

class ComputeStatsTest {

  static DecodedImage rgb(String key, int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return new DecodedImage(key, key, 0, new Pixels(values.length / 3, 1, 3, b));
  }

  @Test
  void meanStdCovarianceAndEigenvectorsOfKnownPixels() throws Throwable {
    // Two pixels: (0, 0, 0) and (255, 255, 0): R and G vary together, B is constant.
    List<DecodedImage> images = List.of(rgb("a", 0, 0, 0), rgb("b", 255, 255, 0));
    TestPipelines.run(getClass(), "stats", p -> {
      PAssert.thatSingleton(p.apply(Create.of(images).withCoder(ElementCoders.DecodedImageCoder.of()))
          .apply(new ComputeStats())).satisfies(s -> {
            assertThat(s.images()).isEqualTo(2);
            assertThat(s.pixels()).isEqualTo(2);
            assertThat(s.channels()).isEqualTo(3);
            assertThat(s.mean()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-12));
            assertThat(s.std()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-12));
            assertThat(s.covariance()[0]).containsExactly(new double[] {0.25, 0.25, 0}, within(1e-12));
            assertThat(s.eigval()).containsExactly(new double[] {0.5, 0, 0}, within(1e-12));
            double r = Math.sqrt(0.5);
            assertThat(new double[] {s.eigvec()[0][0], s.eigvec()[1][0], s.eigvec()[2][0]})
                .containsExactly(new double[] {r, r, 0}, within(1e-9));
            return null;
          });
      p.run().waitUntilFinish();
    });
  }

  @Test
  void greyOnlyDatasetsGiveOneChannelAndMixedOnesCountGreyAsEqualRgb() {
    StatsAccumulator grey = new StatsAccumulator();
    grey.add(new Pixels(2, 1, 1, new byte[] {10, 30}));
    ChannelStats g = ChannelStats.from(grey);
    assertThat(g.channels()).isEqualTo(1);
    assertThat(g.mean()[0]).isCloseTo(20 / 255.0, within(1e-12));
    assertThat(g.std()[0]).isCloseTo(10 / 255.0, within(1e-12));

    StatsAccumulator mixed = new StatsAccumulator();
    mixed.add(new Pixels(1, 1, 1, new byte[] {60}));
    mixed.add(new Pixels(1, 1, 3, new byte[] {0, 60, 120}));
    ChannelStats m = ChannelStats.from(mixed);
    assertThat(m.channels()).isEqualTo(3);
    assertThat(m.mean()).containsExactly(new double[] {30 / 255.0, 60 / 255.0, 90 / 255.0}, within(1e-12));
  }

  @Test
  void mergingIsExactSoSplittingDoesNotChangeTheResult() {
    StatsAccumulator whole = new StatsAccumulator();
    StatsAccumulator left = new StatsAccumulator();
    StatsAccumulator right = new StatsAccumulator();
    for (int i = 0; i < 10; i++) {
      Pixels p = new Pixels(2, 2, 3, new byte[] {(byte) i, 7, (byte) (3 * i), 1, 2, 3, (byte) 200, 9, 9, 4, 4, (byte) i});
      whole.add(p);
      (i % 3 == 0 ? left : right).add(p);
    }
    left.merge(right);
    assertThat(left).isEqualTo(whole);
    assertThat(ChannelStats.from(left)).isEqualTo(ChannelStats.from(whole));
  }
}
