package io.augmill.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.compose.Sequence;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.Images;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code augmill apply}: fixed-parameter ops in order, one sampled draw of a policy, or a replay of
 * {@code --params-out}, applied to one image file.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Apply fixed-parameter ops in order, or one sampled draw of a policy, to one image file.",
        "A policy draw is seeded from (--seed, the input's file name, variant 0); --params-out records the",
        "fixed ops it applied, and passing them back with --op (or --params-in) reproduces the image."})
final class ApplyCommand implements Callable<Integer> {

  static final class What {
    @Option(names = "--op", paramLabel = "SPEC", required = true,
        description = "An op such as 'rotate(degrees=15,interp=bilinear)'; repeat to apply several in order.")
    List<String> ops;

    @Option(names = "--policy", paramLabel = "P", required = true,
        description = "A built-in policy name (see 'augmill policies'), a compact string, or a YAML/JSON file.")
    String policy;

    @Option(names = "--params-in", paramLabel = "F.json", required = true,
        description = "Replay the ops recorded by an earlier --params-out.")
    Path paramsIn;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the policy draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--params-out", paramLabel = "F.json", description = "Write the applied ops and their parameters as JSON.")
  Path paramsOut;

  @Parameters(index = "0", paramLabel = "IN", description = "Input image (PNG, JPEG, BMP; 8-bit grey, RGB or RGBA).")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output image (.png, or .jpg/.jpeg at quality 95).")
  Path out;

  @Override
  public Integer call() throws IOException {
    OpRegistry registry = OpRegistry.builtin();
    String outName = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (!outName.endsWith(".png") && !outName.endsWith(".jpg") && !outName.endsWith(".jpeg")) {
      throw new UsageException("OUT '" + out + "' must end in .png, .jpg or .jpeg");
    }
    Transform<?> transform;
    String label;
    if (what.policy != null) {
      Policy policy = resolvePolicy(what.policy);
      transform = policy.transform();
      label = "policy " + policy.name();
    } else {
      List<OpSpec> specs = what.ops != null ? parseOps(what.ops) : readParams(what.paramsIn);
      List<Transform<?>> steps = new ArrayList<>();
      for (OpSpec s : specs) {
        try {
          steps.add(registry.create(s));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--op '" + s + "': " + e.getMessage(), e);
        }
      }
      transform = new Sequence(steps);
      label = specs.size() + " op(s)";
    }
    Mat image = ImageCodec.read(in);
    Policy draw = new Policy(label, "", transform);
    Policy.Result result;
    try {
      result = draw.augment(image, seed, in.getFileName().toString(), 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
    }
    try {
      ImageCodec.write(out, result.image());
      if (paramsOut != null) {
        writeParams(result.applied(), ImageInfo.of(image));
      }
      System.out.printf("%s -> %s (%dx%d, %d channel%s): %s%n", in, out, result.image().cols(), result.image().rows(),
          result.image().channels(), result.image().channels() == 1 ? "" : "s",
          result.applied().isEmpty() ? "unchanged" : String.join(" ", result.applied().stream().map(OpSpec::toString).toList()));
    } finally {
      Images.release(image, result.image());
    }
    return CliSupport.OK;
  }

  private static Policy resolvePolicy(String p) {
    try {
      return Policies.builtin().resolve(p);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--policy: " + e.getMessage(), e);
    }
  }

  private static List<OpSpec> parseOps(List<String> texts) {
    List<OpSpec> specs = new ArrayList<>();
    for (String t : texts) {
      try {
        specs.add(OpSpec.parse(t));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--op: " + e.getMessage(), e);
      }
    }
    return specs;
  }

  private static List<OpSpec> readParams(Path file) throws IOException {
    JsonNode root = TransformJson.JSON.readTree(Files.readAllBytes(file));
    try {
      return TransformJson.specsFromJson(root.get("applied"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--params-in " + file + ": " + e.getMessage(), e);
    }
  }

  private void writeParams(List<OpSpec> applied, ImageInfo info) throws IOException {
    ObjectNode root = TransformJson.JSON.createObjectNode();
    root.put("input", in.toString());
    root.put("width", info.width());
    root.put("height", info.height());
    root.put("channels", info.channels());
    root.put("seed", seed);
    if (what.policy != null) {
      root.put("policy", what.policy);
    }
    root.set("applied", TransformJson.specsToJson(applied));
    var specs = root.putArray("ops");
    applied.forEach(s -> specs.add(s.toString()));
    Path parent = paramsOut.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    TransformJson.JSON.writerWithDefaultPrettyPrinter().writeValue(paramsOut.toFile(), root);
  }
}
