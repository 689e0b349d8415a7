#!/usr/bin/env bash
# Side-by-side step-time benchmark of the trainer against a plain PyTorch loop, in one invocation:
# ResNet-20, batch 128, 32x32x3, SGD momentum, CPU, the same libtorch thread count for both.
# Runs are interleaved (pytorch, djl-tensor, djl-memory, djl-shards, repeated ROUNDS times) so that
# load from other processes affects every variant alike. Prints ratios at the end.
#
# usage: training/bench/bench.sh [THREADS] [STEPS] [ROUNDS]     (defaults: 2 10 2)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
THREADS=${1:-2}
STEPS=${2:-10}
ROUNDS=${3:-2}
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
import json, sys, collections
runs = collections.defaultdict(list)
rss = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    runs[d["impl"]].append(d["ms_per_step"])
    if "peak_rss_mb" in d:
        rss[d["impl"]] = max(rss.get(d["impl"], 0), d["peak_rss_mb"])
mean = {k: sum(v) / len(v) for k, v in runs.items()}
for k, v in mean.items():
    print(f"{k:12s} mean {v:8.1f} ms/step over {len(runs[k])} runs" + (f", peak RSS {rss[k]} MB" if k in rss else ""))
print(f"djl-tensor / pytorch      = {mean['djl-tensor'] / mean['pytorch']:.3f}  (target <= 1.25)")
print(f"djl-memory / pytorch      = {mean['djl-memory'] / mean['pytorch']:.3f}")
print(f"djl-shards / djl-memory   = {mean['djl-shards'] / mean['djl-memory']:.3f}  (target <= 1.05)")
print(f"djl-shards / djl-tensor   = {mean['djl-shards'] / mean['djl-tensor']:.3f}")
print(f"peak RSS (max)            = {max(rss.values())} MB  (target <= 2500)")
PY
rm -rf "$OUT"
