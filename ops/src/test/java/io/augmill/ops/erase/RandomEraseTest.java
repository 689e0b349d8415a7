package io.augmill.ops.erase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.compose.RandomApply;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class RandomEraseTest {

  private static final ImageInfo INFO = new ImageInfo(40, 36, 3);

  static {
    OpRegistry.builtin();
  }

  private static double chiSquare(int[] counts, double expected) {
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }

  @Test
  void cutoutCentresAreUniformOverTheWholeImage() {
    RandomCutout t = new RandomCutout(16, 2, Fill.BLACK);
    SplittableRandom rng = new SplittableRandom(3);
    int draws = 18000;
    int[] xs = new int[INFO.width()];
    int[] ys = new int[INFO.height()];
    for (int i = 0; i < draws; i++) {
      RandomCutout.Draw d = t.sample(rng, INFO);
      assertThat(d.holes()).hasSize(2);
      for (RandomCutout.Hole h : d.holes()) {
        xs[h.x()]++;
        ys[h.y()]++;
        assertThat(h.seed()).isZero();
      }
    }
    int n = draws * 2;
    // chi-square critical values at p = 0.001 for 39 and 35 degrees of freedom
    assertThat(chiSquare(xs, (double) n / INFO.width())).isLessThan(72.05);
    assertThat(chiSquare(ys, (double) n / INFO.height())).isLessThan(66.62);
  }

  @Test
  void cutoutHolesReplayAsFixedCutoutsWithSeedsForRandomFill() {
    RandomCutout t = new RandomCutout(8, 3, Fill.RANDOM);
    Mat chart = TestImages.chart(40, 36);
    RandomCutout.Draw d = t.sample(new SplittableRandom(8), ImageInfo.of(chart));
    var replay = t.replay(d);
    assertThat(replay).hasSize(3);
    Mat current = chart.clone();
    for (int i = 0; i < 3; i++) {
      OpSpec s = replay.get(i);
      assertThat(s.toString()).isEqualTo("cutout(x=" + d.holes().get(i).x() + ",y=" + d.holes().get(i).y()
          + ",size=8,fill=random,seed=" + d.holes().get(i).seed() + ")");
      current = Erasing.cutout(current, d.holes().get(i).x(), d.holes().get(i).y(), 8, Fill.RANDOM, d.holes().get(i).seed());
    }
    assertThat(TestImages.pixels(t.apply(chart, d))).isEqualTo(TestImages.pixels(current));
    assertThat(d.holes().stream().map(RandomCutout.Hole::seed).distinct().count()).isEqualTo(3);
  }

  @Test
  void erasingRectanglesStayWithinTheAreaAndAspectBoundsAndCoverThem() {
    double sl = 0.02;
    double sh = 0.4;
    double r1 = 0.3;
    RandomErasing t = new RandomErasing(sl, sh, r1, Fill.RANDOM);
    SplittableRandom rng = new SplittableRandom(21);
    double area = INFO.width() * INFO.height();
    double minFrac = 1;
    double maxFrac = 0;
    double minAspect = Double.MAX_VALUE;
    double maxAspect = 0;
    int tall = 0;
    int wide = 0;
    for (int i = 0; i < 20000; i++) {
      RandomErasing.Draw d = t.sample(rng, INFO);
      assertThat(d.erased()).isTrue();
      assertThat(d.x()).isBetween(0, INFO.width() - d.width());
      assertThat(d.y()).isBetween(0, INFO.height() - d.height());
      assertThat(d.width()).isBetween(1, INFO.width() - 1);
      assertThat(d.height()).isBetween(1, INFO.height() - 1);
      double h = d.height();
      double w = d.width();
      // h and w are rounded from sqrt(area * aspect) and sqrt(area / aspect): allow half a pixel each
      assertThat((h + 0.5) * (w + 0.5) / area).isGreaterThanOrEqualTo(sl);
      assertThat((h - 0.5) * (w - 0.5) / area).isLessThanOrEqualTo(sh);
      assertThat((h + 0.5) / (w - 0.5)).isGreaterThanOrEqualTo(r1);
      assertThat((h - 0.5) / (w + 0.5)).isLessThanOrEqualTo(1 / r1);
      minFrac = Math.min(minFrac, h * w / area);
      maxFrac = Math.max(maxFrac, h * w / area);
      minAspect = Math.min(minAspect, h / w);
      maxAspect = Math.max(maxAspect, h / w);
      tall += h > w ? 1 : 0;
      wide += w > h ? 1 : 0;
    }
    assertThat(minFrac).isLessThan(0.03);
    assertThat(maxFrac).isGreaterThan(0.37);
    assertThat(minAspect).isLessThan(0.4);
    assertThat(maxAspect).isGreaterThan(2.5);
    // log-uniform aspect: tall and wide rectangles are equally likely (before the fit test, which
    // rejects more tall ones on this wider-than-high image, hence the loose bound)
    assertThat((double) tall / wide).isBetween(0.7, 1.1);
  }

  @Test
  void nothingIsErasedWhenNoTryFits() {
    RandomErasing t = new RandomErasing(0.99, 1.0, 1.0, Fill.BLACK);
    Mat chart = TestImages.chart(40, 36);
    RandomErasing.Draw d = t.sample(new SplittableRandom(1), ImageInfo.of(chart));
    assertThat(d.erased()).isFalse();
    assertThat(t.replay(d)).isEmpty();
    assertThat(TestImages.pixels(t.apply(chart, d))).isEqualTo(TestImages.pixels(chart));
  }

  @Test
  void erasingReplaysAsEraseAndDefaultsToProbabilityHalf() {
    assertThat(OpRegistry.builtin().entries().get("random_erasing").defaultP()).isEqualTo(0.5);
    Transform<?> fromSpec = OpRegistry.builtin().create(OpSpec.parse("random_erasing"));
    assertThat(fromSpec).isInstanceOf(RandomApply.class);
    assertThat(((RandomApply) fromSpec).p()).isEqualTo(0.5);
    assertThat(fromSpec.toJson().toString()).isEqualTo(
        "{\"op\":\"random_erasing\",\"p\":0.5,\"args\":{\"scale\":[0.02,0.4],\"ratio\":0.3,\"fill\":\"random\"}}");

    RandomErasing t = new RandomErasing(0.1, 0.3, 0.5, Fill.MEAN);
    Mat chart = TestImages.chart(40, 36);
    RandomErasing.Draw d = t.sample(new SplittableRandom(4), ImageInfo.of(chart));
    assertThat(t.replay(d)).extracting(OpSpec::toString).containsExactly("erase(x=" + d.x() + ",y=" + d.y()
        + ",width=" + d.width() + ",height=" + d.height() + ",fill=mean)");
  }

  @Test
  void anExplicitProbabilityOfOneSurvivesARoundTrip() {
    OpRegistry r = OpRegistry.builtin();
    Transform<?> always = r.json().read("{op: random_erasing, p: 1}");
    assertThat(always.toJson().get("p").asDouble()).isEqualTo(1.0);
    Transform<?> reread = r.json().read(always.toJson());
    assertThat(((RandomApply) reread).p()).isEqualTo(1.0);
    // an op whose default is already 1 stays unwrapped
    assertThat(r.json().read("{op: cutout, p: 1, args: {size: 4}}")).isInstanceOf(RandomCutout.class);
  }

  @Test
  void invalidArgumentsAreRejectedNamingThem() {
    OpRegistry r = OpRegistry.builtin();
    assertThatThrownBy(() -> r.create(OpSpec.parse("random_erasing(scale=[0.5,0.2])")))
        .hasMessageContaining("'scale'").hasMessageContaining("sl <= sh");
    assertThatThrownBy(() -> r.create(OpSpec.parse("random_erasing(scale=[0.1,1.5])")))
        .hasMessageContaining("'scale'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("random_erasing(ratio=3.3)")))
        .hasMessageContaining("'ratio'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("random_erasing(p=1.5)")))
        .hasMessageContaining("'p'");
  }
}
