package io.augmill.ops.preview;

import io.augmill.ops.image.Images;
import io.augmill.ops.image.OpenCv;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Renders images as a captioned grid. Small images are enlarged by whole factors with nearest-neighbour
 * sampling so individual pixels stay visible; large ones are shrunk with area averaging. Marked tiles
 * (originals) get a green frame.
 */
public final class ContactSheet {

  /**
   * One cell of the sheet.
   *
   * @param image grey or RGB; not released by the sheet
   * @param caption text under the image (truncated to fit)
   * @param marked whether to frame it (originals)
   */
  public record Tile(Mat image, String caption, boolean marked) {}

  private static final int CAPTION = 18;
  private static final int GAP = 6;
  private static final Scalar BACKGROUND = new Scalar(32, 32, 32);
  private static final Scalar MARK = new Scalar(40, 200, 60);
  private static final Scalar TEXT = new Scalar(235, 235, 235);

  static {
    OpenCv.load();
  }

  private ContactSheet() {}

  /**
   * Renders the tiles row by row.
   *
   * @param columns tiles per row, at least 1
   * @param tileSize the longer side of each image cell in pixels, at least 16
   * @return an RGB image owned by the caller
   */
  public static Mat render(List<Tile> tiles, int columns, int tileSize) {
    if (tiles.isEmpty()) {
      throw new IllegalArgumentException("contact sheet needs at least one image");
    }
    if (columns < 1 || tileSize < 16) {
      throw new IllegalArgumentException("columns must be >= 1 and tile size >= 16, got " + columns + " and " + tileSize);
    }
    int rows = (tiles.size() + columns - 1) / columns;
    int cellW = tileSize + GAP;
    int cellH = tileSize + CAPTION + GAP;
    Mat sheet = new Mat(rows * cellH + GAP, Math.min(columns, tiles.size()) * cellW + GAP, CvType.CV_8UC3, BACKGROUND);
    for (int i = 0; i < tiles.size(); i++) {
      Tile tile = tiles.get(i);
      Images.requireSupported(tile.image(), "contact sheet");
      int x0 = GAP + (i % columns) * cellW;
      int y0 = GAP + (i / columns) * cellH;
      Mat fitted = fit(tile.image(), tileSize);
      int ox = x0 + (tileSize - fitted.cols()) / 2;
      int oy = y0 + (tileSize - fitted.rows()) / 2;
      int fw = fitted.cols();
      int fh = fitted.rows();
      Mat roi = sheet.submat(new Rect(ox, oy, fw, fh));
      fitted.copyTo(roi);
      Images.release(roi, fitted);
      if (tile.marked()) {
        Imgproc.rectangle(sheet, new Point(ox - 3, oy - 3), new Point(ox + fw + 2, oy + fh + 2), MARK, 2);
      }
      Imgproc.putText(sheet, truncate(tile.caption(), tileSize), new Point(x0, y0 + tileSize + CAPTION - 5),
          Imgproc.FONT_HERSHEY_SIMPLEX, 0.38, tile.marked() ? MARK : TEXT, 1, Imgproc.LINE_AA);
    }
    return sheet;
  }

  private static Mat fit(Mat image, int tileSize) {
    Mat rgb = new Mat();
    if (image.channels() == 1) {
      Imgproc.cvtColor(image, rgb, Imgproc.COLOR_GRAY2RGB);
    } else {
      image.copyTo(rgb);
    }
    int longer = Math.max(rgb.cols(), rgb.rows());
    if (longer == tileSize) {
      return rgb;
    }
    Mat out = new Mat();
    if (longer < tileSize) {
      int factor = Math.max(1, tileSize / longer);
      Imgproc.resize(rgb, out, new Size(rgb.cols() * factor, rgb.rows() * factor), 0, 0, Imgproc.INTER_NEAREST);
    } else {
      double scale = (double) tileSize / longer;
      Imgproc.resize(rgb, out, new Size(Math.max(1, Math.round(rgb.cols() * scale)), Math.max(1, Math.round(rgb.rows() * scale))),
          0, 0, Imgproc.INTER_AREA);
    }
    rgb.release();
    return out;
  }

  private static String truncate(String caption, int tileSize) {
    int max = Math.max(4, tileSize / 7);
    return caption.length() <= max ? caption : caption.substring(0, max - 1) + "~";
  }
}
