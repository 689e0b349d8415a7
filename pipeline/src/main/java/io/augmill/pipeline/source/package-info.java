/** Reading a dataset source (from the datasets module) in a Beam job, and the options every job shares. */
package io.augmill.pipeline.source;
