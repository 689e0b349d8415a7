/**
 * Colour ops: PIL {@code ImageEnhance} brightness, contrast and saturation ({@link
 * io.augmill.ops.color.Enhance}), torchvision hue rotation ({@link io.augmill.ops.color.Hue}),
 * torchvision {@code ColorJitter} ({@link io.augmill.ops.color.ColorJitter}) and AlexNet PCA lighting
 * noise ({@link io.augmill.ops.color.Lighting}). Pixel functions reproduce their references bit for bit.
 */
package io.augmill.ops.color;
