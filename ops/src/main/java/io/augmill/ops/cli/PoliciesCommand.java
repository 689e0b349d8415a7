package io.augmill.ops.cli;

import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code augmill policies [NAME]}: lists built-in policies, prints one as YAML, or lists the ops. */
@Command(name = "policies", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"List built-in policies, or print one as YAML (edit it and pass the file to --policy).",
        "NAME may also be a compact string or a policy file, printed in its normalised form."})
final class PoliciesCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The policy to print.")
  String name;

  @Option(names = "--json", description = "Print JSON instead of YAML.")
  boolean json;

  @Option(names = "--ops", description = "List the registered ops (name, family, summary) instead.")
  boolean ops;

  @Override
  public Integer call() throws Exception {
    Policies policies = Policies.builtin();
    if (ops) {
      for (Map.Entry<String, OpRegistry.Entry> e : OpRegistry.builtin().entries().entrySet()) {
        OpRegistry.Entry entry = e.getValue();
        System.out.printf("%-22s %-10s %s%s%n", entry.name(), entry.category(), entry.summary(),
            entry.defaultP() < 1 ? " [default p=" + entry.defaultP() + "]" : "");
      }
      return CliSupport.OK;
    }
    if (name == null) {
      int width = policies.names().stream().mapToInt(String::length).max().orElse(10);
      for (String n : policies.names()) {
        System.out.printf("%-" + width + "s  %s%n", n, policies.description(n));
      }
      return CliSupport.OK;
    }
    Policy policy;
    try {
      policy = policies.resolve(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    var tree = policy.toJson();
    System.out.print(json
        ? TransformJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + System.lineSeparator()
        : TransformJson.toYaml(tree));
    return CliSupport.OK;
  }
}
