#!/usr/bin/python3
"""Throughput of `augmill preprocess` against a plain single-process Python cv2 loop, in one invocation.

Two workloads, as in the README's benchmark table:
  cifar     32x32 PNG in, PNG out, policy cifar-cutout (pad 4 + random crop 32, flip, 16x16 cutout)
  imagenet  ~500x375 JPEG in, JPEG q90 out, policy imagenet-inception (random resized crop 224, flip,
            colour jitter 0.4, PCA lighting 0.1)
Each Java configuration (DirectRunner at parallelism 2, embedded Flink at parallelism 1 and 2) runs as its
own JVM on N and on 2N images; the Python loop does the same decode -> policy -> encode chain with cv2 and
numpy. Throughput is reported two ways: end to end (inputs / process wall time, JVM and Flink start-up
included) and marginal (N / (t(2N) - t(N)), which cancels fixed start-up cost). The ratios printed are
against the Python loop measured in the same run. Because the machine may be shared, it also prints CPU
time per image (user + system): the Python loop's, and the Java process's marginal one
((CPU(2N) - CPU(N)) / N, all threads, start-up cancelled), which other processes' load disturbs far less
than wall time. Inputs are generated images (shapes, gradients, noise).

With --heap N it instead runs embedded Flink (parallelism 2) on N synthetic 32x32 images under a small fixed
heap (-Xmx, default 384m) with GC logging, and prints the live heap after each collection in the first and
last quarter of the run: bounded memory shows as the two staying alike while the image count grows.

Java runs go through the ./augmill launcher, so they get the JVM defaults users get; --java-opts "..." sets
JAVA_OPTS for every Java run (placed after the launcher's defaults, so it can override them), e.g.
"-XX:TieredStopAtLevel=1" or "-XX:Tier4InvocationThreshold=5000" (HotSpot's own C2 threshold).

With --pin each run gets as many CPU cores as it has workers (Linux CPU affinity, inherited by all of the
JVM's threads): the Python loop and parallelism-1 runs one core, parallelism-2 runs two. The p1 -> p2 ratio
then compares equal resources per worker, as adding a worker with its own core on a cluster does. Unpinned,
a parallelism-1 job also runs its helper threads (JIT compilers, shard writing, sorting) on the machine's
other cores, so on a 2-core machine a second worker finds less than a core free.

With --repeat R each Java configuration runs R times on N and on 2N images and the medians of wall and CPU
time are used (the marginal figures move by 10-20 % between single runs at these sizes).

Usage: /usr/bin/python3 pipeline/bench/preprocess_bench.py [--cifar N] [--imagenet N] [--only cifar|imagenet] [--repeat R] [--pin] [--workdir DIR] [--java-opts OPTS]
       /usr/bin/python3 pipeline/bench/preprocess_bench.py --heap 60000 [--xmx 384m] [--java-opts OPTS]
Before any timed run a tiny job goes through the launcher, which rebuilds the pipeline if its sources changed
and records its class-data-sharing archive.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import time

import cv2
import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


LAUNCHER = os.path.join(ROOT, "augmill")


def ensure_built(workdir):
    """Runs a tiny embedded-Flink job through the launcher before any timed run: it rebuilds the pipeline if
    its sources changed and records the class-data-sharing archive the launcher's later runs map."""
    out = os.path.join(workdir, "warm-up")
    r = subprocess.run([LAUNCHER, "preprocess", "--input", "synthetic:shapes?count=10", "--output", out, "--policy",
                        "cifar-cutout", "--runner", "flink", "--no-progress"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.exit("the launcher failed:\n" + r.stdout[-2000:])
    shutil.rmtree(out, ignore_errors=True)


def make_images(directory, count, width, height, ext, seed):
    """Writes `count` images into 10 class folders; returns the file list."""
    rng = np.random.default_rng(seed)
    files = []
    for i in range(count):
        cls = os.path.join(directory, "class%d" % (i % 10))
        os.makedirs(cls, exist_ok=True)
        y, x = np.mgrid[0:height, 0:width]
        base = np.stack([(x * rng.uniform(0.2, 1.0)) % 256, (y * rng.uniform(0.2, 1.0)) % 256,
                         ((x + y) * rng.uniform(0.1, 0.5)) % 256], axis=-1)
        img = (base + rng.normal(0, 12, (height, width, 3))).clip(0, 255).astype(np.uint8)
        for _ in range(3):
            c = (int(rng.integers(0, width)), int(rng.integers(0, height)))
            cv2.circle(img, c, int(rng.integers(2, max(3, width // 4))), tuple(int(v) for v in rng.integers(0, 256, 3)), -1)
        path = os.path.join(cls, "img%06d%s" % (i, ext))
        params = [cv2.IMWRITE_JPEG_QUALITY, 90] if ext == ".jpg" else []
        cv2.imwrite(path, img, params)
        files.append(path)
    return files


def link_subset(files, src_root, dst_root, count):
    for f in files[:count]:
        dst = os.path.join(dst_root, os.path.relpath(f, src_root))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        os.symlink(f, dst)


# ---- the Python reference: the same chain with cv2 + numpy, one process, one thread ----

def cifar_cutout(img, rng):
    padded = cv2.copyMakeBorder(img, 4, 4, 4, 4, cv2.BORDER_CONSTANT, value=0)
    x, y = rng.integers(0, 9, 2)
    out = padded[y:y + 32, x:x + 32].copy()
    if rng.random() < 0.5:
        out = cv2.flip(out, 1)
    cy, cx = rng.integers(0, 32, 2)
    out[max(0, cy - 8):min(32, cy + 8), max(0, cx - 8):min(32, cx + 8)] = 0
    return out


EIGVAL = np.array([0.2175, 0.0188, 0.0045])
EIGVEC = np.array([[-0.5675, 0.7192, 0.4009], [-0.5808, -0.0045, -0.8140], [-0.5836, -0.6948, 0.4203]])


def imagenet_inception(img, rng):
    h, w = img.shape[:2]
    area = h * w
    crop = None
    for _ in range(10):
        target = area * rng.uniform(0.08, 1.0)
        ratio = np.exp(rng.uniform(np.log(3 / 4), np.log(4 / 3)))
        cw, ch = int(round(np.sqrt(target * ratio))), int(round(np.sqrt(target / ratio)))
        if 0 < cw <= w and 0 < ch <= h:
            y, x = rng.integers(0, h - ch + 1), rng.integers(0, w - cw + 1)
            crop = img[y:y + ch, x:x + cw]
            break
    if crop is None:
        s = min(h, w)
        crop = img[(h - s) // 2:(h - s) // 2 + s, (w - s) // 2:(w - s) // 2 + s]
    out = cv2.resize(crop, (224, 224), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.5:
        out = cv2.flip(out, 1)
    f = out.astype(np.float32)
    for op in rng.permutation(3):
        factor = rng.uniform(0.6, 1.4)
        if op == 0:
            f = f * factor
        elif op == 1:
            grey = cv2.cvtColor(f.clip(0, 255).astype(np.uint8), cv2.COLOR_RGB2GRAY).mean()
            f = f * factor + grey * (1 - factor)
        else:
            grey = cv2.cvtColor(f.clip(0, 255).astype(np.uint8), cv2.COLOR_RGB2GRAY).astype(np.float32)[..., None]
            f = f * factor + grey * (1 - factor)
        f = f.clip(0, 255)
    alpha = rng.normal(0, 0.1, 3)
    f = f + (EIGVEC @ (alpha * EIGVAL)) * 255
    return np.rint(f.clip(0, 255)).astype(np.uint8)


def cores_for(workers, pin):
    """The CPU set for a run with `workers` workers under --pin (the first `workers` allowed cores), else None."""
    if not pin:
        return None
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < workers:
        sys.exit("--pin needs %d cores, this process may use %d" % (workers, len(allowed)))
    return set(allowed[:workers])


def python_loop(files, workload, out_file, cores=None):
    """Runs the chain over `files` (on `cores` only, when given); returns (wall seconds, CPU seconds)."""
    if cores:
        before = os.sched_getaffinity(0)
        os.sched_setaffinity(0, cores)
        try:
            return python_loop(files, workload, out_file)
        finally:
            os.sched_setaffinity(0, before)
    rng = np.random.default_rng(0)
    c0 = time.process_time()
    t0 = time.perf_counter()
    with open(out_file, "wb") as out:
        for path in files:
            with open(path, "rb") as f:
                data = np.frombuffer(f.read(), np.uint8)
            img = cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_UNCHANGED), cv2.COLOR_BGR2RGB)
            if workload == "cifar":
                res = cifar_cutout(img, rng)
                # No parameters, as Augmill's PNG encoder: OpenCV's fast default (level 1, Sub filter, RLE).
                ok, enc = cv2.imencode(".png", cv2.cvtColor(res, cv2.COLOR_RGB2BGR))
            else:
                res = imagenet_inception(img, rng)
                ok, enc = cv2.imencode(".jpg", cv2.cvtColor(res, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 90])
            out.write(enc.tobytes())
    return time.perf_counter() - t0, time.process_time() - c0


def median(values):
    v = sorted(values)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def launcher_env(java_opts):
    env = dict(os.environ)
    env["JAVA_OPTS"] = " ".join(java_opts)
    return env


def java_run(src, out, policy, codec, runner, parallelism, log, java_opts, cores=None):
    args = [LAUNCHER, "preprocess", "--input", "folder:" + src,
            "--output", out, "--policy", policy, "--shards", "4", "--no-progress", "--runner", runner,
            "--parallelism", str(parallelism)] + codec
    shutil.rmtree(out, ignore_errors=True)
    c0 = children_cpu()
    t0 = time.perf_counter()
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=launcher_env(java_opts),
                       preexec_fn=(lambda: os.sched_setaffinity(0, cores)) if cores else None)
    wall = time.perf_counter() - t0
    cpu = children_cpu() - c0
    with open(log, "a") as f:
        f.write("JAVA_OPTS=%r cores=%s " % (" ".join(java_opts), sorted(cores) if cores else "all") + " ".join(args)
                + "\n" + r.stdout + "\n")
    if r.returncode != 0:
        sys.exit("java run failed (see %s):\n%s" % (log, r.stdout[-2000:]))
    return wall, cpu


def heap_run(workdir, count, xmx, java_opts):
    """Flink p2 on `count` synthetic images under -Xmx; live heap after GC early vs late in the run."""
    import re
    gc_log = os.path.join(workdir, "gc.log")
    out = os.path.join(workdir, "heap-out")
    java_opts = java_opts + ["-Xmx" + xmx, "-Xlog:gc:file=%s:uptime" % gc_log]
    args = [LAUNCHER, "preprocess", "--input", "synthetic:shapes?count=%d&size=32&seed=1" % count, "--output", out,
            "--policy", "cifar-cutout", "--shards", "8", "--runner", "flink", "--parallelism", "2"]
    t0 = time.perf_counter()
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=launcher_env(java_opts))
    wall = time.perf_counter() - t0
    print("\n".join(l for l in r.stdout.splitlines() if l.startswith("preprocess:")))
    if r.returncode != 0:
        sys.exit("heap run failed with -Xmx%s:\n%s" % (xmx, r.stdout[-3000:]))
    samples = []
    full = []  # after full collections: the live heap itself (young pauses also count old-generation garbage)
    with open(gc_log) as f:
        for line in f:
            m = re.search(r"\[(\d+\.\d+)s\].*Pause.*?(\d+)M->(\d+)M\((\d+)M\)", line)
            if m:
                samples.append((float(m.group(1)), int(m.group(3))))
                if "Pause Full" in line:
                    full.append((float(m.group(1)), int(m.group(3))))
    if not samples:
        sys.exit("no GC pauses logged in " + gc_log)
    end = samples[-1][0]
    early = [mb for t, mb in samples if t <= end * 0.25]
    late = [mb for t, mb in samples if t >= end * 0.75]
    print("%d images in %.1f s under -Xmx%s: %d collections; live heap after GC (MB): first quarter max %d "
          "(median %d), last quarter max %d (median %d), overall max %d" % (
              count, wall, xmx, len(samples), max(early or [0]), sorted(early or [0])[len(early or [0]) // 2],
              max(late or [0]), sorted(late or [0])[len(late or [0]) // 2], max(mb for _, mb in samples)))
    print("live heap after full collections (MB, time): %s" % (
        ", ".join("%d at %.1f s" % (mb, t) for t, mb in full) if full else "none ran (a smaller --xmx forces them)"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cifar", type=int, default=2000, help="N for the CIFAR-size workload (runs N and 2N)")
    ap.add_argument("--imagenet", type=int, default=150, help="N for the ImageNet-size workload (runs N and 2N)")
    ap.add_argument("--workdir", default="/tmp/augmill-bench")
    ap.add_argument("--heap", type=int, default=0, help="instead: bounded-heap run on this many images")
    ap.add_argument("--xmx", default="384m", help="heap limit of the --heap run")
    ap.add_argument("--repeat", type=int, default=1, help="runs per Java configuration and size; medians are used")
    ap.add_argument("--only", choices=["cifar", "imagenet"], help="run one workload only")
    ap.add_argument("--java-opts", default="", help="JVM options for every Java run (as the launcher's JAVA_OPTS)")
    ap.add_argument("--pin", action="store_true", help="run each configuration on as many cores as it has workers "
                    "(the Python loop and parallelism 1 on one core, parallelism 2 on two)")
    a = ap.parse_args()
    java_opts = a.java_opts.split()
    shutil.rmtree(a.workdir, ignore_errors=True)
    os.makedirs(a.workdir)
    ensure_built(a.workdir)
    if a.heap:
        heap_run(a.workdir, a.heap, a.xmx, java_opts)
        return
    log = os.path.join(a.workdir, "java.log")
    workloads = [("cifar", a.cifar, 32, 32, ".png", "cifar-cutout", ["--codec", "png"]),
                 ("imagenet", a.imagenet, 500, 375, ".jpg", "imagenet-inception", ["--codec", "jpeg", "--jpeg-quality", "90"])]
    configs = [("direct", 2), ("flink", 1), ("flink", 2)]
    print("cores: %d (shared machine: figures are indicative); load average %.2f %.2f %.2f; JAVA_OPTS: %s "
          "(after the launcher's defaults); %d run(s) per Java configuration and size; %s" % (
              (os.cpu_count(),) + os.getloadavg() + (a.java_opts or "(none)", a.repeat,
                                                     "pinned: one core per worker, the Python loop on one core"
                                                     if a.pin else "not pinned: every run may use every core")))
    workloads = [w for w in workloads if a.only in (None, w[0])]
    for name, n, w, h, ext, policy, codec in workloads:
        full = os.path.join(a.workdir, name + "-2n")
        half = os.path.join(a.workdir, name + "-n")
        files = make_images(full, 2 * n, w, h, ext, seed=1)
        link_subset(files, full, half, n)
        rows = []
        # The Python loop runs right before each Java configuration, so every ratio compares figures taken
        # under the same machine load.
        for runner, par in configs:
            py_wall, py_cpu = python_loop(files, name, os.path.join(a.workdir, name + "-python.bin"), cores_for(1, a.pin))
            cores = cores_for(par, a.pin)
            small = [java_run(half, os.path.join(a.workdir, "out"), policy, codec, runner, par, log, java_opts, cores)
                     for _ in range(a.repeat)]
            large = [java_run(full, os.path.join(a.workdir, "out"), policy, codec, runner, par, log, java_opts, cores)
                     for _ in range(a.repeat)]
            t1, c1 = median([t for t, _ in small]), median([c for _, c in small])
            t2, c2 = median([t for t, _ in large]), median([c for _, c in large])
            marginal = n / (t2 - t1) if t2 > t1 else float("nan")
            cpu_ms = 1000 * (c2 - c1) / n if c2 > c1 else float("nan")
            rows.append(("%s parallelism %d" % (runner, par), 2 * n / py_wall, 2 * n / t2, marginal,
                         1000 * py_cpu / (2 * n), cpu_ms))
        print("\n%s: %d images %dx%d %s -> %s, policy %s" % (name, 2 * n, w, h, ext, codec[1], policy))
        print("  %-24s %10s %12s %10s %10s %11s %12s %12s" % ("configuration", "python/s", "end-to-end/s",
                                                             "marginal/s", "e2e/python", "marg/python",
                                                             "py CPU ms/img", "java CPU ms/img"))
        for label, py, e2e, marg, py_cpu, cpu_ms in rows:
            print("  %-24s %10.1f %12.1f %10.1f %9.2fx %10.2fx %12.2f %12.2f" % (label, py, e2e, marg, e2e / py,
                                                                             marg / py, py_cpu, cpu_ms))
        print("  flink p2 / p1: end-to-end %.2fx, marginal %.2fx" % (rows[2][2] / rows[1][2], rows[2][3] / rows[1][3]))
    print("\nload average at the end: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
