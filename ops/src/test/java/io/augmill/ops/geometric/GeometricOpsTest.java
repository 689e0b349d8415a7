package io.augmill.ops.geometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** The geometric ops as specs: defaults, argument validation, replay. */
class GeometricOpsTest {

  private static final OpRegistry REGISTRY = OpRegistry.builtin();

  private static Transform<?> op(String spec) {
    return REGISTRY.create(OpSpec.parse(spec));
  }

  @Test
  void defaultsAreWrittenOut() {
    assertThat(op("rotate(degrees=10)").toString()).isEqualTo(op("rotate(degrees=10)").toString());
    assertThat(op("rotate(degrees=10)").args().toString())
        .isEqualTo("{\"degrees\":10.0,\"interp\":\"nearest\",\"border\":\"constant\",\"fill\":0}");
    assertThat(op("resize(width=4,height=5)").args().get("interp").asText()).isEqualTo("bilinear");
    assertThat(op("pad(top=2)").args().toString())
        .isEqualTo("{\"top\":2,\"bottom\":0,\"left\":0,\"right\":0,\"border\":\"constant\",\"fill\":0}");
    assertThat(op("random_resized_crop(size=[32,24])").args().toString())
        .isEqualTo("{\"size\":[32,24],\"scale\":[0.08,1.0],\"ratio\":[0.75,1.3333333333333333],\"interp\":\"bilinear\"}");
    assertThat(op("random_crop(size=32,padding=4)").args().toString())
        .isEqualTo("{\"size\":32,\"padding\":4,\"border\":\"constant\",\"fill\":0}");
    assertThat(op("random_rotate(max_degrees=15)").args().toString())
        .isEqualTo("{\"max_degrees\":15.0,\"interp\":\"nearest\",\"border\":\"constant\",\"fill\":0}");
    assertThat(op("center_crop(size=[3,3])").args().toString()).isEqualTo("{\"size\":3}");
  }

  @Test
  void invalidArgumentsNameTheParameterAndTheValidValues() {
    assertThatThrownBy(() -> op("crop(x=1,y=2,width=3)")).hasMessage("crop: missing required parameter 'height'");
    assertThatThrownBy(() -> op("crop(x=-1,y=2,width=3,height=3)")).hasMessageContaining("'x' must be");
    assertThatThrownBy(() -> op("center_crop(size=[1,2,3])"))
        .hasMessageContaining("center_crop: parameter 'size' must be a size N or [W,H]");
    assertThatThrownBy(() -> op("center_crop(size=2.5)")).hasMessageContaining("a size N or [W,H]");
    assertThatThrownBy(() -> op("center_crop")).hasMessageContaining("missing required parameter 'size'");
    assertThatThrownBy(() -> op("resize(width=4,height=4,interp=lanczos)"))
        .hasMessageContaining("nearest|bilinear|bicubic|area");
    assertThatThrownBy(() -> op("rotate(degrees=10,interp=area)")).hasMessageContaining("nearest|bilinear|bicubic, got 'area'");
    assertThatThrownBy(() -> op("rotate(degrees=10,border=wrap)")).hasMessageContaining("constant|reflect|replicate");
    assertThatThrownBy(() -> op("rotate(degrees=10,fill=300)")).hasMessageContaining("'fill'");
    assertThatThrownBy(() -> op("rotate(degrees=1000)")).hasMessageContaining("[-360, 360]");
    assertThatThrownBy(() -> op("rotate(degrees=10,angle=3)")).hasMessageContaining("unknown parameter angle");
    assertThatThrownBy(() -> op("random_resized_crop(size=8,scale=[0.5,0.2])")).hasMessageContaining("'scale'");
    assertThatThrownBy(() -> op("random_resized_crop(size=8,scale=[0,0.2])")).hasMessageContaining("0 < min");
    assertThatThrownBy(() -> op("random_resized_crop(size=8,ratio=[0,1])")).hasMessageContaining("'ratio'");
    assertThatThrownBy(() -> op("random_rotate(max_degrees=200)")).hasMessageContaining("[0, 180]");
    assertThatThrownBy(() -> op("random_crop(size=8,padding=-1)")).hasMessageContaining("'padding'");
  }

  @Test
  void cropThatDoesNotFitFailsNamingTheImage() {
    Transform<?> crop = op("crop(x=30,y=0,width=20,height=10)");
    Mat input = TestImages.chart(40, 36);
    assertThatThrownBy(() -> Transform.applyAny(crop, input, Params.None.INSTANCE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40x36 image");
    assertThatThrownBy(() -> Transform.outputInfoAny(crop, ImageInfo.of(input), Params.None.INSTANCE))
        .hasMessageContaining("40x36 image");
  }

  @Test
  void randomCropLargerThanThePaddedImageFailsNamingBoth() {
    RandomCrop crop = new RandomCrop(40, 40, 2, io.augmill.ops.Border.CONSTANT, io.augmill.ops.Fill.BLACK);
    assertThatThrownBy(() -> crop.sample(new SplittableRandom(1), new ImageInfo(32, 32, 3)))
        .hasMessageContaining("crop 40x40").hasMessageContaining("32x32 image padded by 2 (36x36)");
  }

  @Test
  void randomFormsReplayAsTheirFixedOps() {
    RandomCrop crop = new RandomCrop(32, 32, 4, io.augmill.ops.Border.REFLECT, io.augmill.ops.Fill.constant(1, 2, 3));
    assertThat(crop.replay(new RandomCrop.Offset(3, 7)).toString()).isEqualTo(
        "[pad(top=4,bottom=4,left=4,right=4,border=reflect,fill=[1,2,3]), crop(x=3,y=7,width=32,height=32)]");
    RandomResizedCrop rrc = (RandomResizedCrop) op("random_resized_crop(size=24,interp=bicubic)");
    assertThat(rrc.replay(new RandomResizedCrop.Window(1, 2, 30, 20)).toString())
        .isEqualTo("[crop(x=1,y=2,width=30,height=20), resize(width=24,height=24,interp=bicubic)]");
    assertThat(rrc.replay(new RandomResizedCrop.Window(1, 2, 24, 24)).toString())
        .as("no resize when the window already has the output size").isEqualTo("[crop(x=1,y=2,width=24,height=24)]");
    RandomRotate rotate = (RandomRotate) op("random_rotate(max_degrees=20,interp=bilinear,fill=128)");
    List<OpSpec> replay = rotate.replay(new RandomRotate.Angle(-12.345678901234567));
    assertThat(replay.toString())
        .isEqualTo("[rotate(degrees=-12.345678901234567,interp=bilinear,border=constant,fill=128)]");
  }
}
