/**
 * The ops commands ({@code augmill apply}, {@code preview}, {@code policies}, {@code golden}) and the
 * conventions every Augmill command shares: exit code 0 on success, 2 on bad usage with a one-line
 * reason, 1 on a failed job; progress on stderr, results on stdout.
 */
package io.augmill.ops.cli;
