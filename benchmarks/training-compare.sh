#!/usr/bin/env bash
# Training samples/s through the platform against the same DJL loop run directly in one process,
# on the same data and settings (100,000 rows x 10 features, mlp defaults, 5 epochs, batch 64).
# Needs a running platform (benchmarks/training-jobs.sh starts one and calls this) and the packaged
# worker. Usage: benchmarks/training-compare.sh SCRATCH_DIR
#
# direct:   training samples x epochs / wall time of the whole training loop (all epochs, with
#           validation), in one JVM with no platform calls, after a warm-up run
# platform: the same / the worker's training loop in the job: from the start of epoch 1 to the
#           last EPOCH event as platform-api received it (events, checkpoints and heartbeats
#           included)
# end to end: the same / the job's startedAt..finishedAt as platform-api stamps them: also the
#           dataset download and preparation, the archive upload and the completion
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$1"
ROWS=100000 EPOCHS=5 BATCH=64
API=http://localhost:8080/api/v1/tenants/acme
KC=http://localhost:8180/realms/platform/protocol/openid-connect/token
TOKEN=$(curl -fsS -d grant_type=password -d client_id=platform-cli -d username=alice -d password=alice "$KC" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

"$ROOT/benchmarks/make-training-csv.sh" "$ROWS" "$WORK/train.csv"
direct="$("$ROOT/benchmarks/training-direct.sh" "$ROWS" "$EPOCHS" "$BATCH" | grep '^direct:')"
echo "$direct" >&2
samples=$(sed -n 's/^direct: \([0-9]*\) training samples x \([0-9]*\) epochs.*/\1/p' <<<"$direct")
loop=$(sed -n 's/.*(loop \([0-9.]*\) s).*/\1/p' <<<"$direct")

name="bench-$(date +%s)"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  --data-binary @"$WORK/train.csv" "$API/datasets?name=$name&format=csv"
submit() {
  curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{
    \"dataset\": \"$name\", \"task\": \"classification\", \"labelColumn\": \"label\",
    \"architecture\": {\"type\": \"mlp\"}, \"hyperparameters\": {\"epochs\": $EPOCHS, \"batchSize\": $BATCH},
    \"outputModel\": \"$name\"}" "$API/training-jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
await_success() {
  while true; do
    state=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/training-jobs/$1")
    status=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["status"])' "$state")
    case "$status" in SUCCEEDED) break ;; FAILED|CANCELLED) echo "job $1 ended $status: $state" >&2; exit 1 ;; esac
    sleep 0.5
  done
}
# A warm-up job first, as the direct run warms up: both measure a warm JVM.
await_success "$(submit)"
job=$(submit)
await_success "$job"
events=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/training-jobs/$job/events?limit=1000")
python3 - "$state" "$samples" "$EPOCHS" "$loop" "$events" <<'PY'
import json, sys
from datetime import datetime
job = json.loads(sys.argv[1])
samples, epochs, loop = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
at = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
epoch_events = [e for e in json.loads(sys.argv[5]) if e["type"] == "EPOCH"]
first, last = epoch_events[0], epoch_events[-1]
# The training loop on the worker: from the start of epoch 1 to the report of the last epoch (as
# platform-api received it), so it includes the events, checkpoints and heartbeats of every epoch.
platform_loop = (at(last["at"]) - at(first["at"])).total_seconds() + first["metrics"]["epochSeconds"]
platform_job = (at(job["finishedAt"]) - at(job["startedAt"])).total_seconds()
direct = samples * epochs / loop
platform = samples * epochs / platform_loop
end_to_end = samples * epochs / platform_job
print(f"training direct_samples_per_second={direct:.0f} platform_samples_per_second={platform:.0f} "
      f"ratio={platform / direct:.2f} end_to_end_samples_per_second={end_to_end:.0f} "
      f"end_to_end_ratio={end_to_end / direct:.2f} direct_seconds={loop:.2f} "
      f"platform_loop_seconds={platform_loop:.2f} platform_job_seconds={platform_job:.2f}")
PY
