package io.augmill.ops.geometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Exact expectations for the geometric pixel functions on small hand-made images. */
class GeometricTest {

  private static Mat grey(int width, int height, int... values) {
    byte[] px = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      px[i] = (byte) values[i];
    }
    return TestImages.fromPixels(px, width, height, 1);
  }

  private static int[] values(Mat m) {
    byte[] px = TestImages.pixels(m);
    int[] out = new int[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = px[i] & 0xff;
    }
    return out;
  }

  @Test
  void cropCopiesTheWindowAndLeavesTheInput() {
    Mat src = grey(4, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    Mat out = Geometric.crop(src, 1, 1, 3, 2);
    assertThat(values(out)).containsExactly(6, 7, 8, 10, 11, 12);
    out.put(0, 0, new byte[] {99});
    assertThat(values(src)[5]).as("the crop is a copy, not a view").isEqualTo(6);
  }

  @Test
  void cropOutsideTheImageNamesTheImageSize() {
    Mat src = TestImages.chart(40, 36);
    assertThatThrownBy(() -> Geometric.crop(src, 30, 0, 20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("crop")
        .hasMessageContaining("x=30")
        .hasMessageContaining("40x36 image");
    assertThatThrownBy(() -> Geometric.crop(src, -1, 0, 5, 5)).hasMessageContaining("40x36 image");
    assertThatThrownBy(() -> Geometric.crop(src, 0, 0, 0, 5)).hasMessageContaining("width and height must be >= 1");
  }

  @Test
  void padModesMatchNumpy() {
    Mat row = grey(3, 1, 1, 2, 3);
    assertThat(values(Geometric.pad(row, 0, 0, 2, 2, Border.CONSTANT, Fill.constant(9))))
        .containsExactly(9, 9, 1, 2, 3, 9, 9);
    assertThat(values(Geometric.pad(row, 0, 0, 2, 2, Border.REFLECT, Fill.BLACK)))
        .as("numpy reflect: the edge pixel is not repeated").containsExactly(3, 2, 1, 2, 3, 2, 1);
    assertThat(values(Geometric.pad(row, 0, 0, 5, 5, Border.REFLECT, Fill.BLACK)))
        .as("numpy reflect, pads wider than the image").containsExactly(2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2);
    assertThat(values(Geometric.pad(row, 0, 0, 2, 1, Border.REPLICATE, Fill.BLACK)))
        .containsExactly(1, 1, 1, 2, 3, 3);
    Mat padded = Geometric.pad(row, 1, 2, 0, 0, Border.CONSTANT, Fill.BLACK);
    assertThat(padded.rows()).isEqualTo(4);
    assertThat(values(padded)).containsExactly(0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void padFillsRgbPerChannelAndGreyWithTheLuma() {
    Mat rgb = TestImages.fromPixels(new byte[] {10, 20, 30}, 1, 1, 3);
    assertThat(values(Geometric.pad(rgb, 0, 0, 1, 0, Border.CONSTANT, Fill.constant(255, 128, 0))))
        .containsExactly(255, 128, 0, 10, 20, 30);
    Mat g = grey(1, 1, 7);
    int luma = (int) Math.rint(0.299 * 255 + 0.587 * 128 + 0.114 * 0);
    assertThat(values(Geometric.pad(g, 0, 0, 0, 1, Border.CONSTANT, Fill.constant(255, 128, 0))))
        .containsExactly(7, luma);
  }

  @Test
  void centerCropRoundsHalfOffsetsToEvenLikeTorchvision() {
    Mat src = grey(5, 5, range(25));
    // (5 - 2) / 2 = 1.5 rounds to 2 (Python round), so the window starts at (2, 2).
    assertThat(values(Geometric.centerCrop(src, 2, 2))).containsExactly(12, 13, 17, 18);
    // (5 - 4) / 2 = 0.5 rounds to 0; (5 - 1) / 2 = 2.
    assertThat(values(Geometric.centerCrop(src, 4, 1))).containsExactly(10, 11, 12, 13);
  }

  @Test
  void centerCropLargerThanTheImageZeroPadsLikeTorchvision() {
    Mat src = grey(2, 2, 1, 2, 3, 4);
    // Width 5: left (5-2)/2 = 1, right (5-2+1)/2 = 2; height 3: top 0, bottom 1.
    assertThat(values(Geometric.centerCrop(src, 5, 3)))
        .containsExactly(0, 1, 2, 0, 0, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void resizeNearestRepeatsAndAreaAverages() {
    Mat src = grey(2, 2, 10, 20, 30, 40);
    assertThat(values(Geometric.resize(src, 4, 2, Interpolation.NEAREST))).containsExactly(10, 10, 20, 20, 30, 30, 40, 40);
    Mat big = grey(4, 2, 0, 10, 100, 200, 20, 30, 50, 50);
    assertThat(values(Geometric.resize(big, 2, 1, Interpolation.AREA))).containsExactly(15, 100);
    Mat down = Geometric.resize(TestImages.chart(40, 36), 7, 5, Interpolation.BILINEAR);
    assertThat(down.cols()).isEqualTo(7);
    assertThat(down.rows()).isEqualTo(5);
    assertThat(down.type()).isEqualTo(CvType.CV_8UC3);
  }

  @Test
  void rotateBySquareAnglesIsExact() {
    Mat src = grey(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(values(Geometric.rotate(src, 90, Interpolation.BILINEAR, Border.CONSTANT, Fill.BLACK)))
        .as("counter-clockwise").containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
    assertThat(values(Geometric.rotate(src, -90, Interpolation.NEAREST, Border.CONSTANT, Fill.BLACK)))
        .containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
    assertThat(values(Geometric.rotate(src, 180, Interpolation.BICUBIC, Border.CONSTANT, Fill.BLACK)))
        .containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(values(Geometric.rotate(src, 720, Interpolation.BICUBIC, Border.CONSTANT, Fill.BLACK)))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void rotateNinetyOnANonSquareImageTurnsTheCentreAndFillsTheRest() {
    // 4x2: the centre 2x2 block [[20,30],[60,70]] turns counter-clockwise; the side columns come from
    // outside the image and take the fill.
    Mat src = grey(4, 2, 10, 20, 30, 40, 50, 60, 70, 80);
    for (Interpolation interp : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR}) {
      assertThat(values(Geometric.rotate(src, 90, interp, Border.CONSTANT, Fill.constant(5))))
          .as(interp.specName()).containsExactly(5, 30, 70, 5, 5, 20, 60, 5);
    }
  }

  @Test
  void rotateKeepsTheCentrePixelAndFillsTheCorners() {
    Mat src = TestImages.chart(31, 21);
    Mat out = Geometric.rotate(src, 45, Interpolation.BILINEAR, Border.CONSTANT, Fill.constant(1, 2, 3));
    assertThat(out.get(10, 15)).containsExactly(src.get(10, 15));
    assertThat(out.get(0, 0)).containsExactly(1, 2, 3);
    assertThat(out.get(20, 30)).containsExactly(1, 2, 3);
  }

  @Test
  void replicateAndReflectBordersLeaveNoFill() {
    Mat flat = TestImages.fromPixels(filled(15 * 11, 77), 15, 11, 1);
    for (Border border : new Border[] {Border.REPLICATE, Border.REFLECT}) {
      for (Interpolation interp : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR, Interpolation.BICUBIC}) {
        Mat out = Geometric.rotate(flat, 33, interp, border, Fill.BLACK);
        assertThat(values(out)).as(border + " " + interp).containsOnly(77);
      }
    }
    Mat constant = Geometric.rotate(flat, 33, Interpolation.BILINEAR, Border.CONSTANT, Fill.BLACK);
    assertThat(values(constant)).contains(0, 77);
  }

  /**
   * A border mode behaves as padding the image with that mode first: rotating with {@code border=B}
   * equals padding with B, rotating with a constant border, and cropping back, up to the last-bit
   * rounding of the shifted rotation centre.
   */
  @Test
  void borderModesAgreeWithPaddingFirst() {
    Mat src = TestImages.chart(21, 17);
    int p = 8;
    for (Border border : new Border[] {Border.REPLICATE, Border.REFLECT}) {
      for (Interpolation interp : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR, Interpolation.BICUBIC}) {
        Mat direct = Geometric.rotate(src, 30, interp, border, Fill.BLACK);
        Mat padded = Geometric.pad(src, p, p, p, p, border, Fill.BLACK);
        Mat rotated = Geometric.rotate(padded, 30, interp, Border.CONSTANT, Fill.BLACK);
        Mat viaPad = Geometric.crop(rotated, p, p, 21, 17);
        int total = 21 * 17 * 3;
        assertThat(TestImages.countOver(direct, viaPad, 0)).as(border + " " + interp).isLessThan(total / 100);
        assertThat(TestImages.countOver(direct, viaPad, 1)).as(border + " " + interp).isLessThan(total / 200);
      }
    }
  }

  @Test
  void affineFollowsPilsInverseMapping() {
    Mat src = grey(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    // Output (X, Y) reads input (X + 1, Y): a shift left by one, the last column filled (PIL gives the same).
    assertThat(values(Geometric.affine(src, new double[] {1, 0, 1, 0, 1, 0}, 3, 3, Interpolation.NEAREST,
        Border.CONSTANT, Fill.constant(99)))).containsExactly(2, 3, 99, 5, 6, 99, 8, 9, 99);
    // A shear x' = x + 0.5 y, as PIL's transform(AFFINE, (1, 0.5, 0, 0, 1, 0)).
    assertThat(values(Geometric.affine(src, new double[] {1, 0.5, 0, 0, 1, 0}, 3, 3, Interpolation.NEAREST,
        Border.CONSTANT, Fill.constant(99)))).containsExactly(1, 2, 3, 5, 6, 99, 8, 9, 99);
    assertThat(values(Geometric.affine(src, new double[] {1, 0, 1, 0, 1, 0}, 3, 3, Interpolation.NEAREST,
        Border.REPLICATE, Fill.BLACK))).containsExactly(2, 3, 3, 5, 6, 6, 8, 9, 9);
  }

  @Test
  void reflectIndexMirrorsWithoutRepeatingTheEdge() {
    int[] expected = {2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2};
    for (int i = -5; i <= 7; i++) {
      assertThat(AffineSampler.reflect101(i, 3) + 1).as("index " + i).isEqualTo(expected[i + 5]);
    }
    assertThat(AffineSampler.reflect101(-4, 1)).isZero();
  }

  @Test
  void rotationAnglesAreTakenModulo360AsPythonDoes() {
    assertThat(Geometric.pythonMod360(-90)).isEqualTo(270.0);
    assertThat(Geometric.pythonMod360(-360)).isEqualTo(0.0);
    assertThat(Geometric.pythonMod360(400)).isEqualTo(40.0);
    assertThat(Geometric.pythonMod360(-17.5)).isEqualTo(342.5);
  }

  @Test
  void rejectsWhatItCannotDo() {
    Mat src = TestImages.chart(8, 8);
    assertThatThrownBy(() -> Geometric.rotate(src, 10, Interpolation.AREA, Border.CONSTANT, Fill.BLACK))
        .hasMessageContaining("nearest|bilinear|bicubic");
    assertThatThrownBy(() -> Geometric.rotate(src, Double.NaN, Interpolation.NEAREST, Border.CONSTANT, Fill.BLACK))
        .hasMessageContaining("finite");
    Mat deep = new Mat(4, 4, CvType.CV_16UC1);
    assertThatThrownBy(() -> Geometric.rotate(deep, 10, Interpolation.NEAREST, Border.CONSTANT, Fill.BLACK))
        .hasMessageContaining("CV_16UC1");
    assertThatThrownBy(() -> Geometric.pad(src, -1, 0, 0, 0, Border.CONSTANT, Fill.BLACK)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> Geometric.resize(src, 0, 3, Interpolation.AREA)).hasMessageContaining(">= 1");
  }

  @Test
  void noFunctionMutatesItsInput() {
    Mat src = TestImages.chart(20, 14);
    byte[] before = TestImages.pixels(src);
    Geometric.crop(src, 1, 1, 5, 5);
    Geometric.pad(src, 1, 1, 1, 1, Border.REFLECT, Fill.BLACK);
    Geometric.centerCrop(src, 30, 8);
    Geometric.resize(src, 9, 9, Interpolation.AREA);
    Geometric.rotate(src, 12, Interpolation.BICUBIC, Border.REFLECT, Fill.BLACK);
    Geometric.rotate(src, 180, Interpolation.NEAREST, Border.CONSTANT, Fill.BLACK);
    assertThat(TestImages.pixels(src)).isEqualTo(before);
    Mat roi = src.submat(2, 12, 3, 17);
    Mat fromRoi = Geometric.rotate(roi, 20, Interpolation.BILINEAR, Border.CONSTANT, Fill.BLACK);
    Mat fromCopy = Geometric.rotate(roi.clone(), 20, Interpolation.BILINEAR, Border.CONSTANT, Fill.BLACK);
    assertThat(TestImages.maxAbsDiff(fromRoi, fromCopy)).as("a non-continuous view reads the same pixels").isZero();
  }

  private static int[] range(int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }

  private static byte[] filled(int n, int value) {
    byte[] px = new byte[n];
    java.util.Arrays.fill(px, (byte) value);
    return px;
  }
}
