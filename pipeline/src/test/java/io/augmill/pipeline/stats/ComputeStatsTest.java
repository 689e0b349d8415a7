package io.augmill.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.augmill.pipeline.image.DecodedImage;
import io.augmill.pipeline.image.ElementCoders;
import io.augmill.pipeline.image.Pixels;
import io.augmill.pipeline.testing.TestPipelines;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
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

  static StatsAccumulator merged(StatsAccumulator... parts) {
    StatsAccumulator out = new StatsAccumulator();
    for (StatsAccumulator a : parts) {
      out.merge(a);
    }
    return out;
  }

  @Test
  void partialSumsMergeToTheStatisticsOfTheImagesThemselves() throws Throwable {
    List<DecodedImage> images = List.of(rgb("a", 0, 0, 0, 9, 8, 7), rgb("b", 255, 255, 0), rgb("c", 1, 2, 3),
        new DecodedImage("d", "d", 0, new Pixels(2, 1, 1, new byte[] {40, (byte) 200})));
    StatsAccumulator first = new StatsAccumulator();
    StatsAccumulator second = new StatsAccumulator();
    for (int i = 0; i < images.size(); i++) {
      (i < 1 ? first : second).add(images.get(i).pixels());
    }
    TestPipelines.run(getClass(), "merge", p -> {
      PCollection<ChannelStats> fromImages = p.apply("Images", Create.of(images).withCoder(ElementCoders.DecodedImageCoder.of()))
          .apply("FromImages", new ComputeStats());
      PCollection<ChannelStats> fromPartials = p.apply("Partials", Create.of(first, second).withCoder(StatsAccumulator.CODER))
          .apply("FromPartials", new MergeStats());
      PCollection<ChannelStats> none = p.apply("NoPartials", Create.empty(StatsAccumulator.CODER))
          .apply("FromNothing", new MergeStats());
      PAssert.thatSingleton(fromPartials).isEqualTo(ChannelStats.from(merged(first, second)));
      PAssert.thatSingleton(fromImages).satisfies(s -> {
        assertThat(s.images()).isEqualTo(4);
        return null;
      });
      PAssert.thatSingleton(none).isEqualTo(ChannelStats.from(new StatsAccumulator()));
      p.run().waitUntilFinish();
    });
  }

  @Test
  void accumulatorCoderRoundTripsEveryField() throws Exception {
    StatsAccumulator acc = new StatsAccumulator();
    acc.add(new Pixels(2, 1, 3, new byte[] {(byte) 255, 0, 7, 1, 2, (byte) 250}));
    acc.add(new Pixels(1, 1, 1, new byte[] {(byte) 129}));
    CoderProperties.coderDecodeEncodeEqual(StatsAccumulator.CODER, acc);
    CoderProperties.coderDecodeEncodeEqual(StatsAccumulator.CODER, new StatsAccumulator());
    CoderProperties.coderDeterministic(StatsAccumulator.CODER, acc, merged(acc));
  }

  @Test
  void addingPartOfAReusedBufferCountsOnlyThatPart() {
    StatsAccumulator fromBuffer = new StatsAccumulator();
    byte[] buffer = {10, 20, 30, 40, 50, 60, 99, 99, 99};
    fromBuffer.add(buffer, 6, 3);
    fromBuffer.add(buffer, 2, 1);
    StatsAccumulator exact = new StatsAccumulator();
    exact.add(new Pixels(2, 1, 3, new byte[] {10, 20, 30, 40, 50, 60}));
    exact.add(new Pixels(2, 1, 1, new byte[] {10, 20}));
    assertThat(fromBuffer).isEqualTo(exact);
    assertThatThrownBy(() -> fromBuffer.add(buffer, 5, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole 3-channel pixels");
    assertThatThrownBy(() -> fromBuffer.add(buffer, 4, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channels must be 1 or 3, got 2");
  }

  @Test
  void sumsOfImagesLargerThanOneIntChunkAreExact() {
    // 300x200 white RGB and grey pixels: every product is 255 * 255 and the image spans two int chunks, so a
    // chunk sum that overflowed an int, or a chunk boundary counted twice or skipped, changes the totals.
    int w = 300;
    int h = 200;
    byte[] rgb = new byte[w * h * 3];
    java.util.Arrays.fill(rgb, (byte) 255);
    byte[] grey = new byte[w * h];
    java.util.Arrays.fill(grey, (byte) 255);
    StatsAccumulator acc = new StatsAccumulator();
    acc.add(new Pixels(w, h, 3, rgb));
    acc.add(new Pixels(w, h, 1, grey));
    long n = 2L * w * h;
    for (int c = 0; c < 3; c++) {
      assertThat(acc.sum(c)).isEqualTo(255 * n);
      for (int d = 0; d < 3; d++) {
        assertThat(acc.product(c, d)).isEqualTo(255 * 255 * n);
      }
    }
    assertThat(acc.pixels()).isEqualTo(n);
    assertThat(acc.images()).isEqualTo(2);
  }

  @Test
  void sumsMatchAPixelByPixelReference() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int w = 257;
    int h = 131;
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) random.nextInt(256);
    }
    long[] sums = new long[3];
    long[][] products = new long[3][3];
    for (int i = 0; i < rgb.length; i += 3) {
      for (int c = 0; c < 3; c++) {
        sums[c] += rgb[i + c] & 0xff;
        for (int d = 0; d < 3; d++) {
          products[c][d] += (long) (rgb[i + c] & 0xff) * (rgb[i + d] & 0xff);
        }
      }
    }
    StatsAccumulator acc = new StatsAccumulator();
    acc.add(new Pixels(w, h, 3, rgb));
    for (int c = 0; c < 3; c++) {
      assertThat(acc.sum(c)).isEqualTo(sums[c]);
      for (int d = 0; d < 3; d++) {
        assertThat(acc.product(c, d)).isEqualTo(products[c][d]);
      }
    }
  }
}
