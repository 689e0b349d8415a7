/** The pipeline commands ({@code preprocess}, {@code stats}): picocli parsing into Beam options, exit codes 0/1/2. */
package io.augmill.pipeline.cli;
