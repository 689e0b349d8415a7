"""References for the erasing ops: numpy re-implementations of the papers' reference-code semantics.

cutout: DeVries & Taylor's Cutout (rows clip(y - size//2, 0, h) to clip(y + size//2, 0, h),
exclusive; columns likewise). erase: a rectangle from its top-left corner, clipped to the image.
Fills: constant (an RGB fill on a grey image becomes rint(0.299 R + 0.587 G + 0.114 B)), the
per-channel image mean (numpy.rint), or the documented SplitMix64 noise for fill=random.
"""
import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix64(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _noise(seed, count):
    with np.errstate(over="ignore"):
        k = np.arange(1, count + 1, dtype=np.uint64)
        return (_mix64(np.uint64(seed) + k * GOLDEN) >> np.uint64(56)).astype(np.uint8)


def _fill_region(a, y1, y2, x1, x2, fill, seed=0):
    out = a.copy()
    if y2 <= y1 or x2 <= x1:
        return out
    channels = 1 if a.ndim == 2 else a.shape[2]
    shape = out[y1:y2, x1:x2].shape
    if fill == "random":
        out[y1:y2, x1:x2] = _noise(seed, int(np.prod(shape))).reshape(shape)
    elif fill == "mean":
        out[y1:y2, x1:x2] = np.rint(a.reshape(-1, channels).mean(axis=0)).astype(np.uint8).reshape(-1)[:channels] \
            if channels == 3 else np.uint8(np.rint(a.mean()))
    elif isinstance(fill, list) and channels == 1:
        out[y1:y2, x1:x2] = np.uint8(np.rint(0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2]))
    else:
        out[y1:y2, x1:x2] = np.array(fill, dtype=np.uint8)
    return out


def _cutout(x, y, size, fill=0, seed=0):
    def fn(a):
        h, w = a.shape[:2]
        y1 = int(np.clip(y - size // 2, 0, h))
        y2 = int(np.clip(y + size // 2, 0, h))
        x1 = int(np.clip(x - size // 2, 0, w))
        x2 = int(np.clip(x + size // 2, 0, w))
        return _fill_region(a, y1, y2, x1, x2, fill, seed)
    return fn


def _erase(x, y, width, height, fill=0, seed=0):
    def fn(a):
        h, w = a.shape[:2]
        return _fill_region(a, min(y, h), min(y + height, h), min(x, w), min(x + width, w), fill, seed)
    return fn


CASES = {
    "cutout_centre_chart45x37": _cutout(22, 18, 16),
    "cutout_corner_chart45x37": _cutout(2, 35, 16, 128),
    "cutout_odd_grey45x37": _cutout(10, 10, 9, 200),
    "cutout_rgb_fill_grey45x37": _cutout(40, 5, 12, [255, 0, 0]),
    "cutout_mean_chart32": _cutout(16, 16, 16, "mean"),
    "cutout_random_chart224": _cutout(100, 60, 56, "random", 99),
    "erase_constant_chart45x37": _erase(5, 7, 20, 11, 0),
    "erase_rgb_chart224": _erase(30, 100, 120, 50, [12, 200, 77]),
    "erase_mean_grey45x37": _erase(3, 3, 30, 20, "mean"),
    "erase_mean_noise32": _erase(0, 0, 16, 32, "mean"),
    "erase_random_chart45x37": _erase(8, 4, 25, 17, "random", 12345),
    "erase_random_grey32": _erase(0, 10, 32, 12, "random", 7),
    "erase_clipped_chart45x37": _erase(40, 30, 20, 20, [0, 0, 255]),
}
