package io.augmill.ops.geometric;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;

/**
 * Registers the geometric ops. Defaults follow the reference libraries: {@code rotate} and
 * {@code random_rotate} use nearest, a constant border and fill 0 (PIL {@code Image.rotate} and
 * torchvision {@code RandomRotation}); {@code resize} and {@code random_resized_crop} use bilinear
 * ({@code cv2.resize} and torchvision {@code RandomResizedCrop}).
 */
public final class GeometricOps implements OpProvider {

  /** Default area range of {@code random_resized_crop}, as torchvision. */
  static final double[] DEFAULT_SCALE = {0.08, 1.0};
  /** Default aspect-ratio range of {@code random_resized_crop}: 3/4 to 4/3, as torchvision. */
  static final double[] DEFAULT_RATIO = {3.0 / 4.0, 4.0 / 3.0};

  private static final int MAX = GeometricArgs.MAX_SIDE;

  @Override
  public void register(OpRegistry registry) {
    registry.register("hflip", "geometric", "mirror left-right", args -> new Flip(Flip.Axis.HORIZONTAL));
    registry.register("vflip", "geometric", "mirror top-bottom", args -> new Flip(Flip.Axis.VERTICAL));
    registry.register("random_hflip", "geometric", "random_hflip(p=0.5): mirror left-right with probability p",
        0.5, args -> new Flip(Flip.Axis.HORIZONTAL));
    registry.register("random_vflip", "geometric", "random_vflip(p=0.5): mirror top-bottom with probability p",
        0.5, args -> new Flip(Flip.Axis.VERTICAL));

    registry.register("crop", "geometric", "crop(x,y,width,height): the window with top-left corner (x, y)",
        args -> new Crop(args.integer("x", 0, MAX), args.integer("y", 0, MAX), args.integer("width", 1, MAX),
            args.integer("height", 1, MAX)));
    registry.register("pad", "geometric",
        "pad(top=0,bottom=0,left=0,right=0,border=constant,fill=0): add pixels around the image (numpy.pad)",
        args -> new Pad(args.integer("top", 0, 0, MAX), args.integer("bottom", 0, 0, MAX),
            args.integer("left", 0, 0, MAX), args.integer("right", 0, 0, MAX),
            GeometricArgs.border(args, Border.CONSTANT), GeometricArgs.fill(args, Fill.BLACK)));
    registry.register("center_crop", "geometric",
        "center_crop(size=N|[W,H]): centred window, zero-padded if larger (torchvision CenterCrop)",
        args -> {
          int[] size = GeometricArgs.size(args, "size");
          return new CenterCrop(size[0], size[1]);
        });
    registry.register("resize", "geometric",
        "resize(width,height,interp=bilinear): resize as cv2.resize (nearest|bilinear|bicubic|area)",
        args -> new Resize(args.integer("width", 1, MAX), args.integer("height", 1, MAX),
            args.choice("interp", Interpolation.BILINEAR, Interpolation.values())));
    registry.register("rotate", "geometric",
        "rotate(degrees,interp=nearest,border=constant,fill=0): counter-clockwise about the centre (PIL Image.rotate)",
        args -> new Rotate(args.number("degrees", -360, 360), GeometricArgs.interp(args, Interpolation.NEAREST),
            GeometricArgs.border(args, Border.CONSTANT), GeometricArgs.fill(args, Fill.BLACK)));

    registry.register("random_crop", "geometric",
        "random_crop(size=N|[W,H],padding=0,border=constant,fill=0): pad, then crop at a uniform offset (CIFAR)",
        args -> {
          int[] size = GeometricArgs.size(args, "size");
          return new RandomCrop(size[0], size[1], args.integer("padding", 0, 0, MAX),
              GeometricArgs.border(args, Border.CONSTANT), GeometricArgs.fill(args, Fill.BLACK));
        });
    registry.register("random_resized_crop", "geometric",
        "random_resized_crop(size=N|[W,H],scale=[0.08,1],ratio=[0.75,1.333],interp=bilinear): Inception crop",
        args -> {
          int[] size = GeometricArgs.size(args, "size");
          double[] scale = args.numbers("scale", 2, DEFAULT_SCALE, 0, 1);
          if (scale[0] <= 0 || scale[0] > scale[1]) {
            throw args.invalid("scale", "[min, max] with 0 < min <= max <= 1");
          }
          double[] ratio = args.numbers("ratio", 2, DEFAULT_RATIO, 0, 1e6);
          if (ratio[0] <= 0 || ratio[0] > ratio[1]) {
            throw args.invalid("ratio", "[min, max] with 0 < min <= max");
          }
          return new RandomResizedCrop(size[0], size[1], scale, ratio,
              args.choice("interp", Interpolation.BILINEAR, Interpolation.values()));
        });
    registry.register("random_rotate", "geometric",
        "random_rotate(max_degrees,interp=nearest,border=constant,fill=0): rotate by a uniform angle in [-max, max]",
        args -> new RandomRotate(args.number("max_degrees", 0, 180), GeometricArgs.interp(args, Interpolation.NEAREST),
            GeometricArgs.border(args, Border.CONSTANT), GeometricArgs.fill(args, Fill.BLACK)));
  }
}
