package io.augmill.ops.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.testing.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class ContactSheetTest {

  static {
    io.augmill.ops.image.OpenCv.load();
  }

  @Test
  void framesMarkedTilesAllAroundAndEnlargesSmallImages() {
    Mat white = new Mat(16, 16, CvType.CV_8UC3, new Scalar(255, 255, 255));
    Mat grey = TestImages.grey(16, 16);
    Mat sheet = ContactSheet.render(List.of(new ContactSheet.Tile(white, "original", true),
        new ContactSheet.Tile(grey, "draw", false)), 2, 64);
    assertThat(sheet.type()).isEqualTo(CvType.CV_8UC3);
    assertThat(sheet.cols()).isEqualTo(2 * (64 + 6) + 6);
    // The 16 px image is enlarged 4x to fill the 64 px cell starting at (6, 6).
    assertThat(sheet.get(6 + 63, 6 + 63)).containsExactly(255, 255, 255);
    // The green frame runs along all four sides of the marked tile, not only at a corner.
    double[] green = {40, 200, 60};
    assertThat(sheet.get(3 + 1, 6 + 32)).containsExactly(green);
    assertThat(sheet.get(6 + 64 + 2, 6 + 32)).containsExactly(green);
    assertThat(sheet.get(6 + 32, 3 + 1)).containsExactly(green);
    assertThat(sheet.get(6 + 32, 6 + 64 + 2)).containsExactly(green);
    // The unmarked tile has no frame.
    assertThat(sheet.get(3 + 1, 76 + 32)).containsExactly(32, 32, 32);
  }

  @Test
  void rejectsEmptyAndBadLayouts() {
    assertThatThrownBy(() -> ContactSheet.render(List.of(), 2, 64)).hasMessageContaining("at least one image");
    Mat m = TestImages.chart(8, 8);
    assertThatThrownBy(() -> ContactSheet.render(List.of(new ContactSheet.Tile(m, "", false)), 0, 64))
        .hasMessageContaining("columns must be >= 1");
  }
}
