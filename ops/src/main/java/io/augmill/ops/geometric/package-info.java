/**
 * Geometric ops: mirroring, cropping, padding, resizing, rotation, and their random forms (CIFAR
 * pad-and-crop, Inception random resized crop, random rotation).
 */
package io.augmill.ops.geometric;
