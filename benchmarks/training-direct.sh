#!/usr/bin/env bash
# Benchmark: the worker's DJL training loop run directly in one process (no Quarkus, no
# platform-api), on a CSV it generates: ROWS rows x 10 numeric features, 3 classes. Prints the
# training samples/s: the baseline that training through the platform is compared with (target:
# through the platform >= 0.9x this figure on the same data).
#
# Builds nothing: it runs the packaged worker (worker/target/quarkus-app, from `mvn package` or
# `verify`). Usage: benchmarks/training-direct.sh [rows, default 20000] [epochs, default 5]
#                   [batch size, default 64]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP="$ROOT/worker/target/quarkus-app"
ROWS="${1:-20000}"
EPOCHS="${2:-5}"
BATCH="${3:-64}"
if [[ ! -d "$APP/lib/main" ]]; then
  echo "No packaged worker in $APP: run 'mvn -pl worker -am package' first." >&2
  exit 1
fi
WORK="$(mktemp -d /tmp/mlplatform-train-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "== writing $ROWS rows x 10 features, 3 classes"
"$ROOT/benchmarks/make-training-csv.sh" "$ROWS" "$WORK/data.csv"

echo "== training directly: $EPOCHS epochs, batch size $BATCH"
CP="$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*"
# One PyTorch thread, as the worker runs by default (platform.serving.engine.threads).
DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}" java -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${TRAINING_THREADS:-1}" -cp "$CP" \
  org.mlplatform.worker.training.DirectTrainingBenchmark "$WORK/data.csv" label "$EPOCHS" "$BATCH"
