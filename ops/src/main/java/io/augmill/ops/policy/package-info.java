/**
 * Policies: named, data-defined transforms (built-in presets as YAML resources, compact strings, user
 * files), and the per-image seeding that makes every draw a function of {@code (seed, key, variant)}.
 */
package io.augmill.ops.policy;
