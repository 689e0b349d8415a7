/**
 * Ops with PIL semantics, as the original AutoAugment code applies them: affine shear and translation
 * ({@code Image.transform(AFFINE)}), sharpness ({@code ImageEnhance.Sharpness}) and the tone ops of
 * {@code ImageOps} (posterize, solarize, equalize, autocontrast, invert) plus AutoAugment's
 * {@code solarize_add}. The pixel functions follow Pillow's arithmetic (its fixed-point nearest-neighbour
 * affine, its float 3x3 filter and blend) so that outputs match Pillow's pixel for pixel.
 */
package io.augmill.ops.pil;
