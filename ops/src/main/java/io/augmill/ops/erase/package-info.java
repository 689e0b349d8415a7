/**
 * Erasing ops: {@code erase} of a fixed rectangle, DeVries &amp; Taylor's {@code cutout} and Zhong et
 * al.'s {@code random_erasing}, with constant, mean or reproducible random fills ({@link
 * io.augmill.ops.erase.Erasing}).
 */
package io.augmill.ops.erase;
