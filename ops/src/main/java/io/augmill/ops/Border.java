package io.augmill.ops;

import org.opencv.core.Core;

/** How pixels outside the image are filled ({@code border=constant|reflect|replicate}). */
public enum Border {
  /** A constant value, given by the op's {@code fill}. */
  CONSTANT(Core.BORDER_CONSTANT),
  /** Mirror without repeating the edge pixel (numpy/torchvision {@code reflect}, OpenCV {@code BORDER_REFLECT_101}). */
  REFLECT(Core.BORDER_REFLECT_101),
  /** Repeat the edge pixel. */
  REPLICATE(Core.BORDER_REPLICATE);

  private final int cvFlag;

  Border(int cvFlag) {
    this.cvFlag = cvFlag;
  }

  /** The OpenCV {@code BORDER_*} flag. */
  public int cvFlag() {
    return cvFlag;
  }

  /** The spec name, e.g. {@code reflect}. */
  public String specName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
