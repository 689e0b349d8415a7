/**
 * The trainer's commands, {@code train}, {@code evaluate} and {@code predict}, dispatched by
 * {@link io.augmill.training.cli.TrainingCli#main}. Exit codes: 0 success, 2 bad usage (one line
 * naming the option), 1 failed job. Progress goes to stderr, results to stdout.
 */
package io.augmill.training.cli;
