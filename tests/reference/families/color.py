"""References for the colour ops.

brightness / contrast / saturation / color: PIL ImageEnhance (PIL's own C code).
hue: torchvision 0.14 functional.adjust_hue on a uint8 tensor (the tensor path).
pca_lighting: numpy, following fb.resnet.torch's Lighting transform on the 0-1 scale, then
round-to-nearest (numpy.rint, ties to even) and clipping to 8 bits.
"""
import numpy as np
import torch
import torchvision.transforms.functional as TF
from PIL import Image, ImageEnhance

IMAGENET_EIGVAL = [0.2175, 0.0188, 0.0045]
IMAGENET_EIGVEC = [[-0.5675, 0.7192, 0.4009],
                   [-0.5808, -0.0045, -0.8140],
                   [-0.5836, -0.6948, 0.4203]]


def _enhance(cls, factor):
    return lambda a: np.asarray(cls(Image.fromarray(a)).enhance(factor))


def _hue(shift):
    def fn(a):
        t = torch.from_numpy(np.ascontiguousarray(a))
        chw = t.permute(2, 0, 1) if t.ndim == 3 else t.unsqueeze(0)
        out = TF.adjust_hue(chw, shift)
        return (out.permute(1, 2, 0) if t.ndim == 3 else out[0]).numpy()
    return fn


def _pca(alpha, eigval=IMAGENET_EIGVAL, eigvec=IMAGENET_EIGVEC):
    # delta[i] = sum_j eigvec[i][j] * alpha[j] * eigval[j], summed left to right as plain floats.
    delta = []
    for i in range(3):
        s = 0.0
        for j in range(3):
            s += eigvec[i][j] * alpha[j] * eigval[j]
        delta.append(s)

    def fn(a):
        x = a.astype(np.float64)
        if a.ndim == 2:
            # grey stands for R = G = B: it receives the ITU-R 601 luma of the RGB offset
            d = 0.299 * delta[0] + 0.587 * delta[1] + 0.114 * delta[2]
            out = np.rint(x + 255.0 * d)
        else:
            out = np.stack([np.rint(x[..., c] + 255.0 * delta[c]) for c in range(3)], axis=-1)
        return np.clip(out, 0, 255).astype(np.uint8)
    return fn


CASES = {}
for f, tag in [(0, "0"), (0.5, "0_5"), (1.7, "1_7")]:
    for inp in ["chart45x37", "grey45x37"]:
        CASES[f"brightness_{tag}_{inp}"] = _enhance(ImageEnhance.Brightness, f)
        CASES[f"contrast_{tag}_{inp}"] = _enhance(ImageEnhance.Contrast, f)
    CASES[f"color_{tag}_chart45x37"] = _enhance(ImageEnhance.Color, f)
    CASES[f"saturation_{tag}_noise32"] = _enhance(ImageEnhance.Color, f)
CASES["brightness_0_3_chart224"] = _enhance(ImageEnhance.Brightness, 0.3)
CASES["contrast_2_5_noise32"] = _enhance(ImageEnhance.Contrast, 2.5)
CASES["color_0_5_grey45x37"] = _enhance(ImageEnhance.Color, 0.5)
CASES["saturation_3_0_chart224"] = _enhance(ImageEnhance.Color, 3.0)

for shift, tag in [(0.1, "0_1"), (-0.25, "m0_25"), (0.5, "0_5"), (-0.5, "m0_5"), (0.333, "0_333")]:
    CASES[f"hue_{tag}_chart45x37"] = _hue(shift)
CASES["hue_0_07_noise32"] = _hue(0.07)
CASES["hue_m0_4_chart224"] = _hue(-0.4)
CASES["hue_0_3_grey45x37"] = _hue(0.3)

CASES["pca_lighting_small_chart45x37"] = _pca([0.1, -0.2, 0.05])
CASES["pca_lighting_large_chart45x37"] = _pca([2.0, -1.5, 3.0])
CASES["pca_lighting_grey45x37"] = _pca([1.0, 0.5, -2.0])
CASES["pca_lighting_custom_noise32"] = _pca([0.3, -0.7, 1.1], eigval=[0.5, 0.1, 0.02],
                                            eigvec=[[0.6, 0.7, 0.4], [0.5, -0.1, -0.8], [0.6, -0.7, 0.4]])
