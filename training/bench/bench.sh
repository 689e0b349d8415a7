#!/usr/bin/env bash
# Side-by-side step-time benchmark of the trainer against a plain PyTorch loop, in one invocation:
# ResNet-20, batch 128, 32x32x3, SGD momentum, CPU, the same libtorch thread count for both.
# Runs are interleaved (pytorch, djl-tensor, djl-memory, djl-shards, repeated ROUNDS times) so that
# load from other processes affects every variant alike. Prints ratios at the end.
#
# usage: training/bench/bench.sh [THREADS] [STEPS] [ROUNDS]     (defaults: 2 20 3)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
THREADS=${1:-2}
STEPS=${2:-20}
ROUNDS=${3:-3}
WARMUP=3
BATCH=128
cd "$ROOT"
OUT=$(mktemp -d)
echo "building test classes..." >&2
mvn -B -o -q -pl training -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/cp.txt" >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
CP="$ROOT/training/target/test-classes:$ROOT/training/target/classes:$(cat "$OUT/cp.txt")"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); threads=$THREADS batch=$BATCH steps=$STEPS warmup=$WARMUP rounds=$ROUNDS" >&2
for r in $(seq "$ROUNDS"); do
  /usr/bin/python3 "$ROOT/training/bench/resnet20_pytorch.py" --batch-size "$BATCH" --steps "$STEPS" --warmup "$WARMUP" --threads "$THREADS" | tee -a "$OUT/results.jsonl"
  for mode in tensor memory shards; do
    java -Xmx2g -Djava.io.tmpdir="$OUT" -cp "$CP" io.augmill.training.bench.StepBenchmark "$mode" "$BATCH" "$STEPS" "$WARMUP" "$THREADS" | tee -a "$OUT/results.jsonl"
  done
done
/usr/bin/python3 - "$OUT/results.jsonl" <<'PY'
import json, sys, collections, statistics
means, medians, mins = (collections.defaultdict(list) for _ in range(3))
rss = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    means[d["impl"]].append(d["ms_per_step"])
    medians[d["impl"]].append(d["ms_median"])
    mins[d["impl"]].append(d["ms_min"])
    if "peak_rss_mb" in d:
        rss[d["impl"]] = max(rss.get(d["impl"], 0), d["peak_rss_mb"])
mean = {k: sum(v) / len(v) for k, v in means.items()}
median = {k: statistics.median(v) for k, v in medians.items()}
best = {k: min(v) for k, v in mins.items()}
for k in mean:
    print(f"{k:12s} median {median[k]:7.1f} ms/step, mean {mean[k]:7.1f}, fastest {best[k]:7.1f}, {len(means[k])} runs"
          + (f", peak RSS {rss[k]} MB" if k in rss else ""))
print("ratios as median / mean / fastest step (the median is the figure the targets are read on; the mean")
print("follows interference from other processes, the fastest step is a lower bound):")
for a, b, target in [("djl-tensor", "pytorch", "<= 1.25"), ("djl-memory", "pytorch", ""),
                     ("djl-shards", "pytorch", ""), ("djl-shards", "djl-memory", "<= 1.05")]:
    print(f"  {a} / {b:10s} = {median[a] / median[b]:.3f} / {mean[a] / mean[b]:.3f} / {best[a] / best[b]:.3f}"
          + (f"  (target {target})" if target else ""))
print(f"peak RSS (max)            = {max(rss.values())} MB  (target <= 2500)")
PY
rm -rf "$OUT"
