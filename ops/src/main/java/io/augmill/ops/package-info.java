/**
 * Image augmentations on OpenCV {@link org.opencv.core.Mat}s.
 *
 * <p>Two layers: static, RNG-free pixel functions (per concept: {@code geometric}, {@code color},
 * {@code erase}) and {@link io.augmill.ops.Transform}s that sample immutable {@link io.augmill.ops.Params}
 * and then call the pixel functions. Images are 8-bit with 1 (grey) or 3 channels in <b>RGB</b> order
 * (not OpenCV's BGR): {@link io.augmill.ops.image.ImageCodec} converts at the file boundary.
 */
package io.augmill.ops;
