package io.augmill.tests.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * The committed parity inputs equal what the generators produce. Run with
 * {@code -Daugmill.reference.writeInputs=true} to rewrite them (then regenerate the references).
 */
class ReferenceInputsTest {

  @Test
  void committedInputsMatchTheirGenerators() throws Exception {
    Path dir = Path.of("src/test/resources/reference/inputs");
    boolean write = Boolean.getBoolean("augmill.reference.writeInputs");
    for (Map.Entry<String, Supplier<Mat>> e : ReferenceInputs.all().entrySet()) {
      Mat generated = e.getValue().get();
      Path file = dir.resolve(e.getKey() + ".png");
      if (write) {
        ImageCodec.write(file, generated);
      }
      assertThat(file).as("parity input " + e.getKey()).exists();
      Mat committed = ImageCodec.decode(Files.readAllBytes(file), file.toString());
      assertThat(TestImages.pixels(committed)).as(file.toString()).isEqualTo(TestImages.pixels(generated));
      assertThat(committed.type()).isEqualTo(generated.type());
    }
  }
}
