/**
 * Golden-image regression: a suite directory of inputs, a YAML list of cases (op spec or policy, seed,
 * tolerance) and stored outputs; {@code check} compares, {@code update} rewrites the stored outputs.
 */
package io.augmill.ops.golden;
