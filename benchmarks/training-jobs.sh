#!/usr/bin/env bash
# Benchmarks of issue 4, side by side in one run, on a platform of their own (scratch data
# directory; the platform's ports must be free):
#   1. queue burn-down: 10,000 NOOP jobs claimed and completed over HTTP with 1 and 4 threads,
#      one call per job (complete + claim the next) and in batches of 32 (POST /jobs/batch)
#   2. submit-to-start latency of TRAIN jobs with an idle worker (p50, p99)
#   3. training samples/s through the platform against the same DJL loop run directly
#
# Run from anywhere: benchmarks/training-jobs.sh [latency runs, default 50]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-50}"
WORK="$(mktemp -d /tmp/mlplatform-bench.XXXXXX)"
export PLATFORM_DATA="$WORK/platform-data"
API=http://localhost:8080
KC=http://localhost:8180/realms/platform/protocol/openid-connect/token
PSQL=(psql "postgresql://platform:platform@127.0.0.1:15432/platform" -qAt -v ON_ERROR_STOP=1)
command -v psql >/dev/null || PSQL[0]=/usr/lib/postgresql/15/bin/psql
JAVA_BENCH=(java "$ROOT/benchmarks/JobQueueBenchmark.java")

cleanup() {
  "$ROOT/platform" down >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting the platform"
"$ROOT/platform" up --detach >/dev/null

token() {
  curl -fsS -d grant_type=password -d client_id=platform-cli -d username=alice -d password=alice "$KC" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

upload_csv() { # name file
  curl -fsS -o /dev/null -H "Authorization: Bearer $(token)" -H 'Content-Type: application/octet-stream' \
    --data-binary @"$2" "$API/api/v1/tenants/acme/datasets?name=$1&format=csv"
}

enqueue_noops() {
  "${PSQL[@]}" -c "insert into jobs (id, tenant_id, kind, spec, status, max_attempts)
    select gen_random_uuid(), (select id from tenants where slug = 'acme'), 'NOOP', '{}', 'QUEUED', 3
    from generate_series(1, $1); select pg_notify('jobs_queued', '');"
}

burndown() { # threads batch
  enqueue_noops 10000 >/dev/null
  "${JAVA_BENCH[@]}" burndown "$1" "$2"
}

echo "== 1. queue burn-down (10,000 NOOP jobs per run)"
enqueue_noops 2000 >/dev/null
"${JAVA_BENCH[@]}" burndown 4 32 >/dev/null # warm-up
burn1="$(burndown 1 0)"; echo "$burn1"
burn4="$(burndown 4 0)"; echo "$burn4"
batch1="$(burndown 1 32)"; echo "$batch1"
batch4="$(burndown 4 32)"; echo "$batch4"

echo "== 2. submit-to-start latency ($RUNS one-epoch jobs on a 30-row CSV)"
python3 - "$WORK/tiny.csv" <<'EOF'
import random, sys
random.seed(3)
with open(sys.argv[1], "w") as f:
    f.write("a,b,label\n")
    for i in range(30):
        c = i % 3
        f.write(f"{c + random.random():.3f},{random.random():.3f},c{c}\n")
EOF
upload_csv latency-probe "$WORK/tiny.csv"
latency="$("${JAVA_BENCH[@]}" latency "$RUNS" latency-probe)"
echo "$latency"

echo "== 3. training samples/s: through the platform vs the same DJL loop in one process"
training="$("$ROOT/benchmarks/training-compare.sh" "$WORK")"
echo "$training"

value() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $2"; }
echo
echo "== results"
printf '  %-56s %s\n' \
  "queue claim+complete, 1 thread, per job (jobs/s)" "$(value jobs_per_second "$burn1")" \
  "queue claim+complete, 4 threads, per job (jobs/s)" "$(value jobs_per_second "$burn4")" \
  "queue claim+complete, 1 thread, batches of 32 (jobs/s)" "$(value jobs_per_second "$batch1")" \
  "queue claim+complete, 4 threads, batches of 32 (jobs/s)" "$(value jobs_per_second "$batch4")" \
  "submit-to-start p50 / p99 (ms)" "$(value p50_ms "$latency") / $(value p99_ms "$latency")" \
  "training samples/s: direct DJL loop" "$(value direct_samples_per_second "$training")" \
  "training samples/s: through the platform" "$(value platform_samples_per_second "$training")" \
  "ratio platform / direct (training loop)" "$(value ratio "$training")" \
  "training samples/s end to end (job start to finish)" "$(value end_to_end_samples_per_second "$training")" \
  "ratio end to end / direct" "$(value end_to_end_ratio "$training")"
