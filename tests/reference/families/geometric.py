"""References for the geometric ops: numpy slicing and numpy.pad, torchvision 0.14 functional ops,
cv2.resize and PIL Image.rotate. Case names match tests/src/test/resources/reference/cases/geometric.yaml."""
import cv2
import numpy as np
import torch
import torchvision.transforms.functional as F
from PIL import Image
from torchvision.transforms import InterpolationMode, RandomResizedCrop


def _crop(x, y, w, h):
    return lambda a: a[y:y + h, x:x + w]


def _pad(top, bottom, left, right, mode, fill=0):
    def run(a):
        widths = ((top, bottom), (left, right)) + (((0, 0),) if a.ndim == 3 else ())
        if mode != "constant":
            return np.pad(a, widths, mode=mode)
        if a.ndim == 2:
            return np.pad(a, widths, mode="constant", constant_values=fill)
        fills = fill if isinstance(fill, (list, tuple)) else [fill] * 3
        return np.stack([np.pad(a[:, :, c], widths[:2], mode="constant", constant_values=fills[c])
                         for c in range(3)], axis=2)
    return run


def _center_crop(width, height):
    # torchvision takes (height, width).
    return lambda a: np.asarray(F.center_crop(Image.fromarray(a), [height, width]))


_CV_INTERP = {"nearest": cv2.INTER_NEAREST, "bilinear": cv2.INTER_LINEAR, "bicubic": cv2.INTER_CUBIC,
              "area": cv2.INTER_AREA}


def _resize(width, height, interp):
    return lambda a: cv2.resize(a, (width, height), interpolation=_CV_INTERP[interp])


_PIL_INTERP = {"nearest": Image.Resampling.NEAREST, "bilinear": Image.Resampling.BILINEAR,
               "bicubic": Image.Resampling.BICUBIC}


def _rotate(degrees, interp, fill=0):
    def run(a):
        colour = fill if a.ndim == 2 or isinstance(fill, tuple) else (fill,) * 3
        return np.asarray(Image.fromarray(a).rotate(degrees, resample=_PIL_INTERP[interp], fillcolor=colour))
    return run


_TV_INTERP = {"nearest": InterpolationMode.NEAREST, "bilinear": InterpolationMode.BILINEAR,
              "bicubic": InterpolationMode.BICUBIC}


def _resized_crop(seed, window, size, interp):
    """torchvision's own RandomResizedCrop draw for `seed` (checked to be `window` = x, y, w, h, as the
    case's spec writes it), then F.resized_crop on the uint8 tensor without antialiasing (OpenCV
    semantics)."""
    def run(a):
        torch.manual_seed(seed)
        top, left, h, w = RandomResizedCrop.get_params(Image.fromarray(a), [0.08, 1.0], [3 / 4, 4 / 3])
        if (left, top, w, h) != window:
            raise SystemExit(f"torchvision drew {(left, top, w, h)} for seed {seed}, the case says {window}")
        t = torch.from_numpy(np.ascontiguousarray(a.transpose(2, 0, 1)))
        out = F.resized_crop(t, top, left, h, w, [size[1], size[0]], _TV_INTERP[interp], antialias=False)
        return out.numpy().transpose(1, 2, 0)
    return run


CASES = {
    "crop_chart45x37": _crop(5, 3, 30, 25),
    "crop_corner_grey45x37": _crop(20, 10, 25, 27),
    "pad_constant_chart45x37": _pad(3, 1, 4, 2, "constant", [255, 128, 0]),
    "pad_constant_grey32": _pad(0, 5, 7, 0, "constant", 200),
    "pad_reflect_chart45x37": _pad(4, 4, 4, 4, "reflect"),
    "pad_reflect_wide_grey45x37": _pad(40, 5, 50, 2, "reflect"),
    "pad_replicate_chart32": _pad(6, 2, 0, 9, "edge"),
    "center_crop_halves_chart45x37": _center_crop(30, 20),
    "center_crop_square_chart45x37": _center_crop(32, 32),
    "center_crop_larger_grey45x37": _center_crop(50, 41),
    "center_crop_mixed_chart32": _center_crop(41, 20),
    "resize_bilinear_down_chart224": _resize(57, 50, "bilinear"),
    "resize_bilinear_up_chart32": _resize(75, 64, "bilinear"),
    "resize_bilinear_grey45x37": _resize(30, 50, "bilinear"),
    "resize_nearest_chart45x37": _resize(90, 20, "nearest"),
    "resize_bicubic_chart45x37": _resize(64, 64, "bicubic"),
    "resize_area_integer_chart224": _resize(32, 32, "area"),
    "resize_area_fraction_chart224": _resize(50, 45, "area"),
    "rotate_nearest_30_chart45x37": _rotate(30, "nearest"),
    "rotate_bilinear_30_chart45x37": _rotate(30, "bilinear"),
    "rotate_bicubic_30_chart45x37": _rotate(30, "bicubic"),
    "rotate_nearest_m17_grey45x37": _rotate(-17.5, "nearest", 128),
    "rotate_bilinear_123_grey45x37": _rotate(123.4, "bilinear", 128),
    "rotate_bicubic_m45_chart32": _rotate(-45, "bicubic", (10, 200, 30)),
    "rotate_bicubic_m45_noise32": _rotate(-45, "bicubic"),
    "rotate_nearest_90_chart45x37": _rotate(90, "nearest"),
    "rotate_bilinear_90_chart45x37": _rotate(90, "bilinear"),
    "rotate_bicubic_m90_grey45x37": _rotate(-90, "bicubic"),
    "rotate_bicubic_90_grey32": _rotate(90, "bicubic"),
    "rotate_nearest_270_chart32": _rotate(270, "nearest"),
    "rotate_bilinear_180_chart45x37": _rotate(180, "bilinear"),
    "rotate_bilinear_7_chart224": _rotate(7, "bilinear", (128, 128, 128)),
    "rotate_nearest_m350_chart45x37": _rotate(-350, "nearest"),
    "resized_crop_nearest_chart45x37": _resized_crop(0, (2, 3, 32, 28), (32, 32), "nearest"),
    "resized_crop_bilinear_chart224": _resized_crop(0, (0, 55, 177, 152), (64, 64), "bilinear"),
    "resized_crop_bicubic_chart224": _resized_crop(1, (8, 9, 185, 210), (96, 96), "bicubic"),
}
