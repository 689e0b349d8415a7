package io.augmill.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.ops.golden.GoldenCase;
import io.augmill.ops.golden.GoldenSuite;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code tests/golden} and checks that it covers every registered op. On failure, see
 * {@code tests/target/golden-failures} for the actual outputs and magnified differences.
 */
class ProjectGoldenSuiteTest {

  private static final Path SUITE = Path.of("golden");

  @Test
  void everyCaseMatchesItsStoredOutput() throws Exception {
    GoldenSuite suite = GoldenSuite.load(SUITE, OpRegistry.builtin());
    List<String> failures = suite.check(Path.of("target/golden-failures")).stream()
        .filter(r -> !r.passed()).map(GoldenSuite.Result::message).toList();
    assertThat(failures).as("failing golden cases (regenerate deliberate changes with "
        + "'./augmill golden update --suite tests/golden')").isEmpty();
  }

  @Test
  void suiteCoversEveryRegisteredOp() throws Exception {
    GoldenSuite suite = GoldenSuite.load(SUITE, OpRegistry.builtin());
    Set<String> used = new TreeSet<>();
    for (GoldenCase c : suite.cases()) {
      JsonNode tree = c.spec() != null
          ? OpRegistry.builtin().json().read(c.spec()).toJson()
          : Policies.builtin().resolve(c.policy()).transform().toJson();
      collectOps(tree, used);
      if (c.spec() != null && c.spec().isTextual()) {
        used.add(OpSpec.parse(c.spec().textValue()).op());
      }
    }
    assertThat(used).as("ops used by tests/golden/suite.yaml").containsAll(OpRegistry.builtin().entries().keySet());
  }

  private static void collectOps(JsonNode node, Set<String> into) {
    if (node.isObject() && node.path("op").isTextual()) {
      into.add(node.get("op").textValue());
    }
    node.elements().forEachRemaining(child -> collectOps(child, into));
  }
}
