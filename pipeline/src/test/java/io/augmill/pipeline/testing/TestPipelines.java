package io.augmill.pipeline.testing;

import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs a Beam {@link TestPipeline} from JUnit 5. TestPipeline is a JUnit 4 rule; applying it by hand
 * keeps its checks (every PAssert ran, no transform left unrun).
 */
public final class TestPipelines {

  /** A test body that builds and runs the pipeline it is given. */
  @FunctionalInterface
  public interface Body {
    /** Builds and runs {@code p}. */
    void accept(TestPipeline p) throws Exception;
  }

  private TestPipelines() {}

  /** Creates a TestPipeline and runs {@code body} inside the rule. */
  public static void run(Class<?> test, String name, Body body) throws Throwable {
    TestPipeline p = TestPipeline.create();
    p.apply(new Statement() {
      @Override
      public void evaluate() throws Throwable {
        body.accept(p);
      }
    }, Description.createTestDescription(test, name)).evaluate();
  }
}
