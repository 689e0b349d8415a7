#!/usr/bin/python3
"""Per-image speed of Augmill's ops against Python cv2 (and of policy chains against torchvision 0.14),
measured side by side in one invocation, single-threaded on both sides.

    mvn -B -q -Pbenchmarks -pl ops -am package -DskipTests      # builds ops/target/benchmarks.jar
    /usr/bin/python3 ops/bench/compare.py [--quick] [--cpu] [--only NAME,...] [--markdown]

With --cpu both sides measure CPU time per call of the one working thread instead (CpuTimeBench and
time.thread_time), which stays steady when other work shares the machine.

The Java side is JMH (OpBenchmark, one forked JVM, Core.setNumThreads(1)); the Python side times the
equivalent cv2/numpy call (or the torchvision transform chain) over the same number of seconds with
cv2.setNumThreads(1) and torch.set_num_threads(1). Inputs are size x size RGB uniform noise on both
sides. The ratio column is python_time / java_time: above 1 means Augmill is faster. Targets: every op
>= 1.0 against cv2; cifar-cutout and imagenet-inception (and cifar-autoaugment) >= 3.0 against
torchvision.
"""
import argparse
import json
import math
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time

import cv2
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
JAR = ROOT / "ops" / "target" / "benchmarks.jar"


def rng_box(h, w, area_frac, ratio):
    area = h * w * area_frac
    ew = int(round(math.sqrt(area * ratio)))
    eh = int(round(math.sqrt(area / ratio)))
    return min(eh, h), min(ew, w)


# --- Python cv2/numpy equivalents, one per op (RGB uint8 in, new array out) -------------------------
def _pad(a, p, mode=cv2.BORDER_CONSTANT):
    return cv2.copyMakeBorder(a, p, p, p, p, mode, value=(0, 0, 0))


def _rotate(a, deg, interp=cv2.INTER_LINEAR):
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), deg, 1.0)
    return cv2.warpAffine(a, m, (w, h), flags=interp, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))


def _blend(a, b, f):
    return cv2.addWeighted(a, f, b, 1 - f, 0)


def _grey3(a):
    return cv2.cvtColor(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)


def _contrast(a, f):
    mean = int(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY).mean() + 0.5)
    return cv2.addWeighted(a, f, np.full_like(a, mean), 1 - f, 0)


def _hue(a, shift):
    hsv = cv2.cvtColor(a, cv2.COLOR_RGB2HSV_FULL)
    hsv[..., 0] = (hsv[..., 0].astype(np.int16) + int(shift * 255)) % 256
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB_FULL)


def _random_crop(a, size, pad):
    p = _pad(a, pad)
    y, x = random.randint(0, 2 * pad), random.randint(0, 2 * pad)
    return p[y:y + size, x:x + size].copy()


def _rrc(a, size):
    h, w = a.shape[:2]
    for _ in range(10):
        frac = random.uniform(0.08, 1.0)
        ratio = math.exp(random.uniform(math.log(3 / 4), math.log(4 / 3)))
        ch, cw = rng_box(h, w, frac, ratio)
        if 0 < cw <= w and 0 < ch <= h:
            y, x = random.randint(0, h - ch), random.randint(0, w - cw)
            return cv2.resize(a[y:y + ch, x:x + cw], (size, size), interpolation=cv2.INTER_LINEAR)
    return cv2.resize(a, (size, size), interpolation=cv2.INTER_LINEAR)


EIGVAL = np.array([0.2175, 0.0188, 0.0045])
EIGVEC = np.array([[-0.5675, 0.7192, 0.4009], [-0.5808, -0.0045, -0.8140], [-0.5836, -0.6948, 0.4203]])


RAMP = np.arange(256, dtype=np.float64).reshape(256, 1, 1)


def _lighting(a, alphastd):
    # A per-channel offset is a per-value function, so the cv2 way is one 3-channel table and cv2.LUT
    # (as Augmill does), not a float32 round trip of the whole image through numpy.
    alpha = np.random.normal(0, alphastd, 3)
    delta = EIGVEC @ (alpha * EIGVAL) * 255
    lut = np.clip(np.rint(RAMP + delta.reshape(1, 1, 3)), 0, 255).astype(np.uint8)
    return cv2.LUT(a, lut)


def _cutout(a, size):
    b = a.copy()
    h, w = b.shape[:2]
    y, x = random.randrange(h), random.randrange(w)
    b[max(0, y - size // 2):min(h, y + size // 2), max(0, x - size // 2):min(w, x + size // 2)] = 0
    return b


def _erase(a, x, y, ew, eh, noise=False):
    b = a.copy()
    b[y:y + eh, x:x + ew] = np.random.randint(0, 256, (eh, ew, 3), dtype=np.uint8) if noise else 0
    return b


def _random_erasing(a):
    h, w = a.shape[:2]
    for _ in range(100):
        eh, ew = rng_box(h, w, random.uniform(0.02, 0.4), math.exp(random.uniform(math.log(0.3), math.log(1 / 0.3))))
        if eh < h and ew < w:
            return _erase(a, random.randint(0, w - ew), random.randint(0, h - eh), ew, eh, noise=True)
    return a.copy()


def _affine(a, m):
    h, w = a.shape[:2]
    return cv2.warpAffine(a, np.float32(m), (w, h), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(128, 128, 128))


def _equalize(a):
    return cv2.merge([cv2.equalizeHist(c) for c in cv2.split(a)])


def _autocontrast(a):
    return cv2.merge([cv2.normalize(c, None, 0, 255, cv2.NORM_MINMAX) for c in cv2.split(a)])


SMOOTH = np.array([[1, 1, 1], [1, 5, 1], [1, 1, 1]], np.float32) / 13


def _sharpness(a, f):
    return _blend(a, cv2.filter2D(a, -1, SMOOTH), f)


def _solarize(a, t):
    return np.where(a >= t, 255 - a, a)


def _solarize_add(a, add, t):
    added = cv2.add(a, np.full_like(a, add))
    return np.where(a < t, added, a)


def _color_jitter(a):
    fns = [lambda b: cv2.convertScaleAbs(b, alpha=random.uniform(0.6, 1.4)),
           lambda b: _contrast(b, random.uniform(0.6, 1.4)),
           lambda b: _blend(b, _grey3(b), random.uniform(0.6, 1.4))]
    random.shuffle(fns)
    for fn in fns:
        a = fn(a)
    return a


def op_cases(s):
    """(name, Augmill spec, python function) per op for an s x s image."""
    c = s * 3 // 4
    return [
        ("hflip", "hflip", lambda a: cv2.flip(a, 1)),
        ("vflip", "vflip", lambda a: cv2.flip(a, 0)),
        ("crop", f"crop(x=2,y=2,width={c},height={c})", lambda a: a[2:2 + c, 2:2 + c].copy()),
        ("pad", "pad(top=4,bottom=4,left=4,right=4)", lambda a: _pad(a, 4)),
        ("pad_reflect", "pad(top=4,bottom=4,left=4,right=4,border=reflect)", lambda a: _pad(a, 4, cv2.BORDER_REFLECT_101)),
        ("center_crop", f"center_crop(size={c})", lambda a: a[(s - c) // 2:(s - c) // 2 + c, (s - c) // 2:(s - c) // 2 + c].copy()),
        ("resize", f"resize(width={c},height={c},interp=bilinear)", lambda a: cv2.resize(a, (c, c), interpolation=cv2.INTER_LINEAR)),
        ("rotate", "rotate(degrees=15,interp=bilinear)", lambda a: _rotate(a, 15)),
        ("random_crop", f"random_crop(size={s},padding=4)", lambda a: _random_crop(a, s, 4)),
        ("random_resized_crop", f"random_resized_crop(size={s})", lambda a: _rrc(a, s)),
        ("random_rotate", "random_rotate(max_degrees=15,interp=bilinear)", lambda a: _rotate(a, random.uniform(-15, 15))),
        ("brightness", "brightness(factor=1.3)", lambda a: cv2.convertScaleAbs(a, alpha=1.3)),
        ("contrast", "contrast(factor=1.3)", lambda a: _contrast(a, 1.3)),
        ("saturation", "saturation(factor=1.3)", lambda a: _blend(a, _grey3(a), 1.3)),
        ("color", "color(factor=1.3)", lambda a: _blend(a, _grey3(a), 1.3)),
        ("hue", "hue(shift=0.1)", lambda a: _hue(a, 0.1)),
        ("color_jitter", "color_jitter(brightness=0.4,contrast=0.4,saturation=0.4)", _color_jitter),
        ("pca_lighting", "pca_lighting(alphastd=0.1)", lambda a: _lighting(a, 0.1)),
        ("cutout", f"cutout(size={s // 2})", lambda a: _cutout(a, s // 2)),
        ("erase", f"erase(x=2,y=2,width={c // 2},height={c // 2},fill=0)", lambda a: _erase(a, 2, 2, c // 2, c // 2)),
        ("random_erasing", "random_erasing(p=1)", _random_erasing),
        ("shear_x", "shear_x(factor=0.2)", lambda a: _affine(a, [[1, 0.2, 0], [0, 1, 0]])),
        ("shear_y", "shear_y(factor=0.2)", lambda a: _affine(a, [[1, 0, 0], [0.2, 1, 0]])),
        ("translate_x", f"translate_x(pixels={s // 8})", lambda a: _affine(a, [[1, 0, s // 8], [0, 1, 0]])),
        ("translate_y", f"translate_y(pixels={s // 8})", lambda a: _affine(a, [[1, 0, 0], [0, 1, s // 8]])),
        ("sharpness", "sharpness(factor=1.5)", lambda a: _sharpness(a, 1.5)),
        ("posterize", "posterize(bits=4)", lambda a: cv2.bitwise_and(a, np.full_like(a, 0xF0))),
        ("solarize", "solarize(threshold=128)", lambda a: _solarize(a, 128)),
        ("solarize_add", "solarize_add(addition=40,threshold=128)", lambda a: _solarize_add(a, 40, 128)),
        ("equalize", "equalize", _equalize),
        ("autocontrast", "autocontrast", _autocontrast),
        ("invert", "invert", cv2.bitwise_not),
    ]


def chain_cases():
    """(name, size, Augmill policy, torchvision callable on a PIL image)."""
    import torch
    import torchvision.transforms as T
    from PIL import Image

    torch.set_num_threads(1)

    def cutout_pil(img, size=16):
        return Image.fromarray(_cutout(np.asarray(img), size))

    class Lighting:
        def __init__(self, alphastd):
            self.alphastd = alphastd
            self.eigval = torch.tensor(EIGVAL, dtype=torch.float32)
            self.eigvec = torch.tensor(EIGVEC, dtype=torch.float32)

        def __call__(self, t):
            alpha = t.new_empty(3).normal_(0, self.alphastd)
            rgb = (self.eigvec * alpha * self.eigval).sum(1)
            return t + rgb.view(3, 1, 1)

    cifar = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(), cutout_pil])
    inception = T.Compose([T.RandomResizedCrop(224), T.RandomHorizontalFlip(), T.ColorJitter(0.4, 0.4, 0.4),
                           T.ToTensor(), Lighting(0.1)])
    autoaug = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(),
                         T.AutoAugment(T.AutoAugmentPolicy.CIFAR10), cutout_pil])
    return [("cifar-cutout", 32, "cifar-cutout", cifar),
            ("imagenet-inception", 224, "imagenet-inception", inception),
            ("cifar-autoaugment", 32, "cifar-autoaugment", autoaug)]


def cpu_python(fn, arg, size):
    """Best-of-5 CPU time per call of this thread (time.thread_time), as CpuTimeBench does in Java."""
    calls = int(max(20, min(20000, 300000 * 1024 / (size * size))))
    for _ in range(min(calls, 200)):
        fn(arg)
    best = float("inf")
    for _ in range(5):
        start = time.thread_time()
        for _ in range(calls):
            fn(arg)
        best = min(best, (time.thread_time() - start) / calls * 1e6)
    return best


def run_cpu(params):
    """CPU-time mode: {(spec, size): microseconds} from CpuTimeBench."""
    if not JAR.exists():
        sys.exit(f"{JAR} is missing: build it with 'mvn -B -q -Pbenchmarks -pl ops -am package -DskipTests'")
    results = {}
    by_size = {}
    for spec, size in params:
        by_size.setdefault(size, []).append(spec)
    for size, specs in sorted(by_size.items()):
        cmd = ["java", "-cp", str(JAR), "io.augmill.ops.bench.CpuTimeBench", str(size),
               *[s.replace(",", ";") for s in specs]]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("CpuTimeBench failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:])
        for line in proc.stdout.splitlines():
            spec, sz, micros = line.split("\t")
            results[(spec.replace(";", ","), int(sz))] = float(micros)
    return results


def time_python(fn, arg, seconds):
    for _ in range(20):
        fn(arg)
    n, start = 0, time.perf_counter()
    while True:
        for _ in range(50):
            fn(arg)
        n += 50
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / n * 1e6


def run_jmh(params, quick):
    """params: list of (spec, size); returns {(spec, size): microseconds}."""
    if not JAR.exists():
        sys.exit(f"{JAR} is missing: build it with 'mvn -B -q -Pbenchmarks -pl ops -am package -DskipTests'")
    results = {}
    by_size = {}
    for spec, size in params:
        by_size.setdefault(size, []).append(spec)
    for size, specs in sorted(by_size.items()):
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
            path = out.name
        timing = ["-wi", "1", "-i", "2", "-w", "500ms", "-r", "500ms"] if quick else ["-wi", "2", "-i", "3", "-w", "1", "-r", "1"]
        cmd = ["java", "-jar", str(JAR), "OpBenchmark", "-f", "1", "-t", "1", *timing, "-p", "size=" + str(size),
               "-p", "spec=" + ",".join(s.replace(",", ";") for s in specs), "-rf", "json", "-rff", path]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("JMH failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:])
        for r in json.load(open(path)):
            spec = r["params"]["spec"].replace(";", ",")
            results[(spec, int(r["params"]["size"]))] = r["primaryMetric"]["score"]
        os.unlink(path)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="shorter JMH and Python timings")
    ap.add_argument("--only", help="comma-separated op or chain names")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--cpu", action="store_true",
                    help="compare CPU time per call of one thread (CpuTimeBench vs time.thread_time) instead of "
                         "wall time (JMH vs perf_counter): steadier on a machine shared with other work")
    args = ap.parse_args()
    cv2.setNumThreads(1)
    random.seed(1)
    np.random.seed(1)
    only = set(args.only.split(",")) if args.only else None
    seconds = 0.5 if args.quick else 1.5

    rows = []
    for size in (32, 224):
        for name, spec, fn in op_cases(size):
            if only is None or name in only:
                rows.append(("op", name, size, spec, fn))
    for name, size, policy, fn in chain_cases():
        if only is None or name in only:
            rows.append(("chain", name, size, "policy:" + policy, fn))

    params = [(r[3], r[2]) for r in rows]
    java = run_cpu(params) if args.cpu else run_jmh(params, args.quick)
    from PIL import Image
    lines = []
    for kind, name, size, spec, fn in rows:
        img = np.random.randint(0, 256, (size, size, 3), dtype=np.uint8)
        arg = Image.fromarray(img) if kind == "chain" else img
        py = cpu_python(fn, arg, size) if args.cpu else time_python(fn, arg, seconds)
        jv = java[(spec, size)]
        target = 3.0 if kind == "chain" else 1.0
        ref = "torchvision" if kind == "chain" else "cv2"
        lines.append((name, size, jv, py, py / jv, ref, target))

    if args.markdown:
        print("| op / chain | size | Augmill µs | Python µs | reference | speed-up | target |")
        print("|---|---|---|---|---|---|---|")
        for name, size, jv, py, ratio, ref, target in lines:
            ok = "met" if ratio >= target else "**missed**"
            print(f"| {name} | {size} | {jv:.2f} | {py:.2f} | {ref} | {ratio:.2f}x | ≥{target:.0f}x {ok} |")
    else:
        print(f"{'op / chain':22} {'size':>4} {'augmill us':>11} {'python us':>10} {'ref':>12} {'speed-up':>9}  target")
        for name, size, jv, py, ratio, ref, target in lines:
            print(f"{name:22} {size:4d} {jv:11.2f} {py:10.2f} {ref:>12} {ratio:8.2f}x  >={target:.0f}x {'met' if ratio >= target else 'MISSED'}")
    missed = [l for l in lines if l[4] < l[6]]
    print(f"\n{len(lines) - len(missed)} of {len(lines)} targets met", file=sys.stderr)


if __name__ == "__main__":
    main()
