"""References for the PIL-semantics ops of AutoAugment: Pillow's Image.transform(AFFINE),
ImageEnhance.Sharpness and ImageOps, and torchvision 0.14's AutoAugment op dispatch (_apply_op),
which on PIL images calls the same Pillow functions."""
import numpy as np
from PIL import Image, ImageEnhance, ImageOps
from torchvision.transforms import InterpolationMode
from torchvision.transforms.autoaugment import _apply_op

RESAMPLE = {"nearest": Image.NEAREST, "bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC}


def _pil(fn):
    return lambda a: np.asarray(fn(Image.fromarray(a)))


def _fill(im, value):
    if im.mode == "L":
        return value if isinstance(value, int) else round(0.299 * value[0] + 0.587 * value[1] + 0.114 * value[2])
    return (value,) * 3 if isinstance(value, int) else tuple(value)


def _affine(coeffs, interp="nearest", fill=128):
    return _pil(lambda im: im.transform(im.size, Image.AFFINE, coeffs, RESAMPLE[interp], fillcolor=_fill(im, fill)))


def _solarize_add(addition, threshold):
    lut = [min(255, max(0, i + addition)) if i < threshold else i for i in range(256)]
    return _pil(lambda im: im.point(lut * len(im.getbands())))


def _torchvision(op, magnitude, fill=128):
    return _pil(lambda im: _apply_op(im, op, magnitude, InterpolationMode.NEAREST, [float(fill)] * len(im.getbands())))


CASES = {
    "shear_x_chart45x37": _affine((1, 0.3, 0, 0, 1, 0)),
    "shear_x_neg_bilinear_chart45x37": _affine((1, -0.23333333, 0, 0, 1, 0), "bilinear", 0),
    "shear_x_bicubic_chart32": _affine((1, 0.5, 0, 0, 1, 0), "bicubic", [10, 200, 30]),
    "shear_x_grey45x37": _affine((1, -0.99, 0, 0, 1, 0)),
    "shear_y_chart45x37": _affine((1, 0, 0, -0.3, 1, 0)),
    "shear_y_grey45x37": _affine((1, 0, 0, 0.99, 1, 0), fill=[10, 200, 30]),
    "shear_y_bilinear_noise32": _affine((1, 0, 0, 0.1, 1, 0), "bilinear"),
    "translate_x_chart32": _affine((1, 0, -14, 0, 1, 0)),
    "translate_x_bilinear_chart45x37": _affine((1, 0, 7.5, 0, 1, 0), "bilinear", [0, 0, 255]),
    "translate_y_grey45x37": _affine((1, 0, 0, 0, 1, 9)),
    "translate_y_chart224": _affine((1, 0, 0, 0, 1, -101)),
    "shear_x_torchvision_chart45x37": _torchvision("ShearX", 0.23333333),
    "shear_y_torchvision_chart45x37": _torchvision("ShearY", -0.3),
    "translate_x_torchvision_chart32": _torchvision("TranslateX", -14.0),
    "translate_y_torchvision_grey32": _torchvision("TranslateY", 14.0),
    "sharpness_blur_chart45x37": _pil(lambda im: ImageEnhance.Sharpness(im).enhance(0.1)),
    "sharpness_sharpen_chart45x37": _pil(lambda im: ImageEnhance.Sharpness(im).enhance(1.9)),
    "sharpness_sharpen_noise32": _pil(lambda im: ImageEnhance.Sharpness(im).enhance(1.7)),
    "sharpness_grey45x37": _pil(lambda im: ImageEnhance.Sharpness(im).enhance(0.5)),
    "posterize_chart45x37": _pil(lambda im: ImageOps.posterize(im, 4)),
    "posterize_grey45x37": _pil(lambda im: ImageOps.posterize(im, 2)),
    "posterize_zero_noise32": _pil(lambda im: ImageOps.posterize(im, 0)),
    "solarize_chart45x37": _pil(lambda im: ImageOps.solarize(im, 128)),
    "solarize_fraction_noise32": _pil(lambda im: ImageOps.solarize(im, 226.66667)),
    "solarize_grey45x37": _pil(lambda im: ImageOps.solarize(im, 170)),
    "solarize_add_chart45x37": _solarize_add(110, 128),
    "solarize_add_grey45x37": _solarize_add(-40, 200),
    "equalize_chart45x37": _pil(ImageOps.equalize),
    "equalize_grey45x37": _pil(ImageOps.equalize),
    "equalize_noise32": _pil(ImageOps.equalize),
    "equalize_chart224": _pil(ImageOps.equalize),
    "autocontrast_chart45x37": _pil(ImageOps.autocontrast),
    "autocontrast_grey45x37": _pil(ImageOps.autocontrast),
    "autocontrast_noise32": _pil(ImageOps.autocontrast),
    "invert_chart45x37": _pil(ImageOps.invert),
    "invert_grey45x37": _pil(ImageOps.invert),
    "identity_chart45x37": _pil(lambda im: im.copy()),
}


def _tv_bin(op, bin_, negative=False):
    """torchvision 0.14 AutoAugment's argument for op at bin_ (10 bins) on this image, then its op."""
    from torchvision.transforms.autoaugment import AutoAugment

    def run(a):
        h, w = a.shape[:2]
        values, signed = AutoAugment()._augmentation_space(10, (h, w))[op]
        magnitude = float(values[bin_].item()) if values.ndim > 0 else 0.0
        if signed and negative:
            magnitude = -magnitude
        return _torchvision(op, magnitude)(a)

    return run


# One case per AutoAugment op: torchvision resolving a bin and applying it, against Augmill's spec for
# the same bin (what MagnitudeScale.AUTOAUGMENT writes), so the whole chain bin -> argument -> pixels is
# compared, including the ops of the geometric and colour families.
CASES.update({
    "aa_shear_x_bin7_neg_chart32": _tv_bin("ShearX", 7, True),
    "aa_shear_y_bin9_chart32": _tv_bin("ShearY", 9),
    "aa_translate_x_bin9_chart32": _tv_bin("TranslateX", 9),
    "aa_translate_y_bin5_neg_chart224": _tv_bin("TranslateY", 5, True),
    "aa_rotate_bin7_chart32": _tv_bin("Rotate", 7),
    "aa_rotate_bin2_neg_grey32": _tv_bin("Rotate", 2, True),
    "aa_brightness_bin7_neg_chart32": _tv_bin("Brightness", 7, True),
    "aa_color_bin3_chart32": _tv_bin("Color", 3),
    "aa_contrast_bin6_neg_chart32": _tv_bin("Contrast", 6, True),
    "aa_sharpness_bin9_chart32": _tv_bin("Sharpness", 9),
    "aa_posterize_bin7_chart32": _tv_bin("Posterize", 7),
    "aa_solarize_bin2_chart32": _tv_bin("Solarize", 2),
    "aa_solarize_bin3_noise32": _tv_bin("Solarize", 3),
    "aa_autocontrast_chart32": _tv_bin("AutoContrast", 0),
    "aa_equalize_chart32": _tv_bin("Equalize", 0),
    "aa_invert_grey32": _tv_bin("Invert", 0),
})
