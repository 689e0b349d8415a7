/**
 * The datasets module's commands: {@code augmill inspect DIR [--verify] [--sheet grid.png]} and
 * {@code augmill datasets list|fetch}. {@link io.augmill.datasets.cli.DatasetsCli#main} takes the
 * command name as its first argument, as the {@code augmill} launcher passes it.
 */
package io.augmill.datasets.cli;
