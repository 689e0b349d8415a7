package io.augmill.tests.parity;

import io.augmill.ops.testing.TestImages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.opencv.core.Mat;

/** The committed parity inputs and how each is generated, so the PNGs can never drift from the code. */
final class ReferenceInputs {

  private ReferenceInputs() {}

  /** Input name to generator; the files are {@code reference/inputs/NAME.png}. */
  static Map<String, Supplier<Mat>> all() {
    Map<String, Supplier<Mat>> inputs = new LinkedHashMap<>();
    inputs.put("chart32", () -> TestImages.chart(32, 32));
    inputs.put("chart45x37", () -> TestImages.chart(45, 37));
    inputs.put("chart224", () -> TestImages.chart(224, 224));
    inputs.put("grey32", () -> TestImages.grey(32, 32));
    inputs.put("grey45x37", () -> TestImages.grey(45, 37));
    inputs.put("noise32", () -> TestImages.noise(32, 32, 3, 7));
    return inputs;
  }
}
