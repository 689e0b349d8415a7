/**
 * Geometric ops: mirroring, cropping, padding, resizing, rotation, and their random forms (CIFAR
 * pad-and-crop, Inception random resized crop, random rotation). Rotation and general affine warps use
 * a resampler that reproduces PIL's arithmetic exactly; crop, pad and resize call OpenCV.
 */
package io.augmill.ops.geometric;
