"""References for mirroring: PIL's Image.transpose (exact)."""
import numpy as np
from PIL import Image


def _pil(fn):
    return lambda a: np.asarray(fn(Image.fromarray(a)))


CASES = {
    "hflip_chart45x37": _pil(lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    "vflip_chart45x37": _pil(lambda im: im.transpose(Image.Transpose.FLIP_TOP_BOTTOM)),
    "hflip_grey45x37": _pil(lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
}
