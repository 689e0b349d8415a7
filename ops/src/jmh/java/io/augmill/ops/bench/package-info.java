/** JMH benchmarks of single ops and policy chains; {@code ops/bench/compare.py} runs them beside Python. */
package io.augmill.ops.bench;
