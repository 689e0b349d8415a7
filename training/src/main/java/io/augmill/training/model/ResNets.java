package io.augmill.training.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the ResNets of {@link Architecture} from DJL blocks. Input is NCHW float. Convolutions have no
 * bias (BatchNorm follows each); a shortcut that changes shape is a 1×1 convolution + BatchNorm
 * (option B of He et al.). Every residual unit is {@code relu(branch(x) + shortcut(x))}.
 */
public final class ResNets {

  private ResNets() {}

  /**
   * Builds a network.
   *
   * @param arch the architecture
   * @param classes number of output classes (≥ 2)
   * @param dropout dropout probability before the classifier, in [0, 1)
   */
  public static Network build(Architecture arch, int classes, double dropout) {
    if (classes < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
    }
    List<Parameter> gammas = new ArrayList<>();
    SequentialBlock net = new SequentialBlock();
    switch (arch) {
      case RESNET20, RESNET32, RESNET56, RESNET110 -> {
        net.add(conv(16, 3, 1)).add(bn(null)).add(Activation::relu);
        int n = arch.cifarBlocksPerStage();
        int in = 16;
        int[] widths = {16, 32, 64};
        for (int s = 0; s < widths.length; s++) {
          for (int b = 0; b < n; b++) {
            int stride = s > 0 && b == 0 ? 2 : 1;
            net.add(basic(in, widths[s], stride, gammas));
            in = widths[s];
          }
        }
      }
      case RESNET18 -> {
        net.add(conv(64, 3, 1)).add(bn(null)).add(Activation::relu);
        int in = 64;
        int[] widths = {64, 128, 256, 512};
        for (int s = 0; s < widths.length; s++) {
          for (int b = 0; b < 2; b++) {
            int stride = s > 0 && b == 0 ? 2 : 1;
            net.add(basic(in, widths[s], stride, gammas));
            in = widths[s];
          }
        }
      }
      case RESNET50 -> {
        net.add(conv(64, 7, 2)).add(bn(null)).add(Activation::relu);
        net.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int in = 64;
        int[] widths = {64, 128, 256, 512};
        int[] counts = {3, 4, 6, 3};
        for (int s = 0; s < widths.length; s++) {
          for (int b = 0; b < counts[s]; b++) {
            int stride = s > 0 && b == 0 ? 2 : 1;
            net.add(bottleneck(in, widths[s], stride, gammas));
            in = widths[s] * 4;
          }
        }
      }
      default -> throw new IllegalArgumentException("unsupported architecture " + arch);
    }
    net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    if (dropout > 0) {
      net.add(Dropout.builder().optRate((float) dropout).build());
    }
    net.add(Linear.builder().setUnits(classes).build());
    return new Network(net, gammas);
  }

  private static Block basic(int in, int out, int stride, List<Parameter> gammas) {
    SequentialBlock branch = new SequentialBlock()
        .add(conv(out, 3, stride)).add(bn(null)).add(Activation::relu)
        .add(conv(out, 3, 1)).add(bn(gammas));
    return residual(branch, shortcut(in, out, stride));
  }

  private static Block bottleneck(int in, int width, int stride, List<Parameter> gammas) {
    int out = width * 4;
    SequentialBlock branch = new SequentialBlock()
        .add(conv(width, 1, 1)).add(bn(null)).add(Activation::relu)
        .add(conv(width, 3, stride)).add(bn(null)).add(Activation::relu)
        .add(conv(out, 1, 1)).add(bn(gammas));
    return residual(branch, shortcut(in, out, stride));
  }

  private static Block shortcut(int in, int out, int stride) {
    if (in == out && stride == 1) {
      return Blocks.identityBlock();
    }
    return new SequentialBlock().add(conv(out, 1, stride)).add(bn(null));
  }

  private static Block residual(Block branch, Block shortcut) {
    return new ParallelBlock(
        outputs -> new NDList(Activation.relu(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow()))),
        List.of(branch, shortcut));
  }

  private static Block conv(int filters, int kernel, int stride) {
    int pad = kernel / 2;
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .optBias(false)
        .build();
  }

  private static BatchNorm bn(List<Parameter> gammas) {
    // Momentum 0.9 in DJL's convention equals PyTorch's default momentum of 0.1.
    BatchNorm bn = BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
    if (gammas != null) {
      gammas.add(bn.getDirectParameters().get("gamma"));
    }
    return bn;
  }
}
