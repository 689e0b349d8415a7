package io.augmill.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.augmill.training.run.DjlEnvironment;
import org.junit.jupiter.api.Test;

class ResNetsTest {

  static long count(Network n, Shape input) {
    try (NDManager m = NDManager.newBaseManager()) {
      n.block().setInitializer(Initialization.KAIMING.initializer(), Parameter.Type.WEIGHT);
      n.block().initialize(m, DataType.FLOAT32, input);
      long total = 0;
      for (Pair<String, Parameter> p : n.block().getParameters()) {
        if (p.getValue().requiresGradient()) {
          total += p.getValue().getArray().size();
        }
      }
      NDList out = n.block().forward(new ParameterStore(m, false), new NDList(m.ones(input)), false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(input.get(0), 10));
      return total;
    }
  }

  @Test
  void parameterCountsMatchThePapers() {
    DjlEnvironment.configure(1);
    // He et al. report 0.27 M for ResNet-20 with identity (option A) shortcuts; the two 1x1 projections add ~3 k.
    long r20 = count(ResNets.build(Architecture.RESNET20, 10, 0), new Shape(2, 3, 32, 32));
    assertThat(r20).isBetween(270_000L, 276_000L);
    long r56 = count(ResNets.build(Architecture.RESNET56, 10, 0), new Shape(1, 3, 32, 32));
    assertThat(r56).isBetween(850_000L, 862_000L);
    long r18 = count(ResNets.build(Architecture.RESNET18, 10, 0.2), new Shape(1, 3, 32, 32));
    assertThat(r18).isBetween(11_100_000L, 11_200_000L);
  }

  @Test
  void resnet50HasTheImageNetSize() {
    DjlEnvironment.configure(1);
    long r50 = count(ResNets.build(Architecture.RESNET50, 10, 0), new Shape(1, 3, 64, 64));
    // torchvision's ResNet-50 has 25.56 M parameters with 1000 classes; 2048·990 + 990 fewer here.
    assertThat(r50).isBetween(23_400_000L, 23_600_000L);
  }

  @Test
  void zeroGammaZeroesEveryResidualBranchEnd() {
    DjlEnvironment.configure(1);
    Network n = ResNets.build(Architecture.RESNET20, 4, 0);
    assertThat(n.residualGammas()).hasSize(9);
    try (NDManager m = NDManager.newBaseManager()) {
      n.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 8, 8));
      Initialization.zeroResidualGammas(n);
      for (Parameter g : n.residualGammas()) {
        assertThat(g.getArray().abs().sum().getFloat()).isZero();
      }
      long ones = 0;
      for (Pair<String, Parameter> p : n.block().getParameters()) {
        if (p.getValue().getType() == Parameter.Type.GAMMA && p.getValue().getArray().sum().getFloat() > 0) {
          ones++;
        }
      }
      assertThat(ones).isPositive();
    }
  }

  @Test
  void namesParse() {
    assertThat(Architecture.parse("ResNet110")).isEqualTo(Architecture.RESNET110);
    assertThatThrownBy(() -> Architecture.parse("vgg16")).hasMessageContaining("--model").hasMessageContaining("resnet20");
    assertThat(Initialization.parse("xavier")).isEqualTo(Initialization.XAVIER);
    assertThatThrownBy(() -> Initialization.parse("zeros")).hasMessageContaining("--init");
    assertThatThrownBy(() -> ResNets.build(Architecture.RESNET20, 1, 0)).hasMessageContaining("2 classes");
  }
}
