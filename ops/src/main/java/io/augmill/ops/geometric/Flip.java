package io.augmill.ops.geometric;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code hflip} or {@code vflip}; the random forms are these with a probability. */
public final class Flip extends FixedTransform {

  /** The mirroring axis. */
  public enum Axis {
    /** Left-right ({@code hflip}). */
    HORIZONTAL,
    /** Top-bottom ({@code vflip}). */
    VERTICAL
  }

  private final Axis axis;

  /** @param axis which way to mirror */
  public Flip(Axis axis) {
    super(OpSpec.of(axis == Axis.HORIZONTAL ? "hflip" : "vflip"));
    this.axis = axis;
  }

  @Override
  protected Mat apply(Mat image) {
    return axis == Axis.HORIZONTAL ? Geometric.hflip(image) : Geometric.vflip(image);
  }
}
