/**
 * Choosing and configuring a Beam runner (DirectRunner, embedded Flink, a Flink session cluster with
 * the bundled jar staged), running a job with a progress line, and reading its counters.
 */
package io.augmill.pipeline.runner;
