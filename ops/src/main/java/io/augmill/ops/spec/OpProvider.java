package io.augmill.ops.spec;

/**
 * Contributes ops to the registry; implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.augmill.ops.spec.OpProvider}), so a module or a user jar can add ops
 * without touching this one.
 */
public interface OpProvider {

  /** Registers this provider's ops. */
  void register(OpRegistry registry);
}
