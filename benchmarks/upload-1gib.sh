#!/usr/bin/env bash
# Benchmark: a 1 GiB model upload through platform-api, whose heap is capped at 256 MiB.
# Prints the upload's MB/s next to `cp` of the same file on the same disk, and how much the API's
# heap grew while the bytes streamed through it (peak heap used during the upload minus the heap
# used just before it, both read with jstat every 50 ms).
#
# Both sides end durable: `cp` is followed by an fsync of the copy, and platform-api fsyncs the
# staged blob before it answers 202. Each timed step starts after a `sync`, so neither pays for
# dirty pages someone else left. One untimed 256 MiB upload first lets the JIT compile the upload
# path (SHA-256 runs without its CPU instructions until C2 has compiled it, which takes long on a
# busy two-core machine right after start-up), as the training benchmark warms up both sides; the
# timed upload starts once the worker has finished validating that warm-up version.
#
# It starts its own platform in a scratch data directory (the platform's ports must be free) and
# stops it at the end. Run from anywhere: benchmarks/upload-1gib.sh [size in MiB, default 1024]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZE_MIB="${1:-1024}"
WORK="$(mktemp -d /tmp/mlplatform-bench.XXXXXX)"
export PLATFORM_DATA="$WORK/platform-data"
export PLATFORM_API_HEAP=256m
API=http://localhost:8080
KC=http://localhost:8180/realms/platform/protocol/openid-connect/token

sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  "$ROOT/platform" down >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting the platform (platform-api heap capped at $PLATFORM_API_HEAP)"
"$ROOT/platform" up --detach >/dev/null

echo "== writing a ${SIZE_MIB} MiB file of random bytes"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom >"$WORK/model.bin"
sync

seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }

sync
t0=$(seconds); cp "$WORK/model.bin" "$WORK/copy.bin"; sync "$WORK/copy.bin"; t1=$(seconds)
rm -f "$WORK/copy.bin"
cp_secs=$(python3 -c "print(max($t1 - $t0, 0.001))")

token() {
  curl -fsS -d grant_type=password -d client_id=platform-cli -d username=alice -d password=alice "$KC" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
TOKEN=$(token)
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench-model","task":"OTHER"}' "$API/api/v1/tenants/acme/models"

# The heap is read with jstat, which samples the JVM's own counters (shared memory, no request to
# the API and no process per sample), so that watching costs the two cores almost nothing.
API_PID=$(cat "$PLATFORM_DATA/run/platform-api.pid")
# jstat -gc columns (KiB): S0C S1C S0U S1U EC EU OC OU ...; prints "<heap used> <old gen used>".
heap_of() { awk '$1 ~ /^[0-9.]+$/ {printf "%d %d\n", ($3 + $4 + $6 + $8) * 1024, $8 * 1024}'; }
heap() { jstat -gc "$API_PID" | heap_of; }
heap_max=$(jinfo -flag MaxHeapSize "$API_PID" | sed 's/.*=//')

echo "== warming up with an untimed 256 MiB upload"
head -c $((256 * 1024 * 1024)) /dev/urandom >"$WORK/warm-up.bin"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"warm-up","task":"OTHER"}' "$API/api/v1/tenants/acme/models"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" \
  -X POST -T "$WORK/warm-up.bin" "$API/api/v1/tenants/acme/models/warm-up/versions?format=onnx"
rm -f "$WORK/warm-up.bin"
# Its validation job makes the worker download the 256 MiB and try to load it (random bytes: it
# FAILS); wait for that, so that the timed upload does not share the two cores with it.
for _ in $(seq 1 240); do
  curl -fsS -H "Authorization: Bearer $TOKEN" "$API/api/v1/tenants/acme/models/warm-up/versions/1" |
    grep -q '"status":"VALIDATING"' || break
  sleep 0.5
done
# The worker then frees the model and deletes its download; wait until it is idle (under 3% of a
# core over half a second), so that the timed upload has the cores and the disk to itself.
WORKER_PID=$(cat "$PLATFORM_DATA/run/worker.pid")
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for _ in $(seq 1 60); do
  a=$(ticks "$WORKER_PID") && sleep 0.5 && b=$(ticks "$WORKER_PID")
  ((b - a < 2)) && break
done
sync

read -r before old_before <<<"$(heap)"
jstat -gc "$API_PID" 50 >"$WORK/jstat.out" &
sampler=$!

echo "== uploading through the API"
t0=$(seconds)
status=$(curl -sS -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/octet-stream" -X POST -T "$WORK/model.bin" \
  "$API/api/v1/tenants/acme/models/bench-model/versions?format=onnx")
t1=$(seconds)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
read -r _ old_after <<<"$(heap)"
heap_of <"$WORK/jstat.out" >"$WORK/heap.samples"
[[ "$status" == "202" ]] || { echo "upload answered $status:"; cat "$WORK/answer.json"; exit 1; }

expected=$(sha256sum "$WORK/model.bin" | cut -d' ' -f1)
stored=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sha256"])' "$WORK/answer.json")
[[ "$expected" == "$stored" ]] || { echo "sha256 differs: $expected vs $stored"; exit 1; }

peak=$(cut -d' ' -f1 "$WORK/heap.samples" | sort -n | tail -1)

# The worker downloads the version to validate it: random bytes must FAIL as "not a valid ONNX
# model", not on the download (which once ran platform-api out of direct memory over HTTP/2).
rss_peak=0
for _ in $(seq 1 600); do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$API_PID/status")
  ((rss > rss_peak)) && rss_peak=$rss
  answer=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/api/v1/tenants/acme/models/bench-model/versions/1")
  grep -q '"status":"VALIDATING"' <<<"$answer" || break
  sleep 0.2
done
grep -q 'not a valid ONNX model' <<<"$answer" || { echo "validation did not read the upload: $answer"; exit 1; }
echo "validation: the worker downloaded all of it (FAILED: not a valid ONNX model, as random bytes must)"
echo "platform-api RSS peak while the worker downloaded: $((rss_peak / 1024)) MiB"
python3 - "$SIZE_MIB" "$cp_secs" "$t0" "$t1" "$before" "$peak" "$heap_max" "$(wc -l <"$WORK/heap.samples")" "$old_before" "$old_after" <<'PY'
import sys
size_mib, cp_secs, t0, t1, before, peak, heap_max, samples, old_before, old_after = sys.argv[1:]
size_mb = int(size_mib) * 1024 * 1024 / 1e6
up_secs = float(t1) - float(t0)
cp_rate = size_mb / float(cp_secs)
up_rate = size_mb / up_secs
growth = (int(peak) - int(before)) / 2**20
print()
print(f"file                 {size_mib} MiB ({size_mb:.0f} MB)")
print(f"cp + fsync           {float(cp_secs):7.2f} s  {cp_rate:8.1f} MB/s")
print(f"upload through API   {up_secs:7.2f} s  {up_rate:8.1f} MB/s  ({100 * up_rate / cp_rate:.0f}% of cp; fsynced before 202)")
print(f"API heap max         {int(heap_max) / 2**20:7.0f} MiB")
print(f"API heap before      {int(before) / 2**20:7.1f} MiB")
print(f"API heap peak        {int(peak) / 2**20:7.1f} MiB  ({samples} samples)")
print(f"heap growth          {growth:7.1f} MiB  (peak minus before, garbage included; target < 64 MiB)")
print(f"old gen growth       {(int(old_after) - int(old_before)) / 2**20:7.1f} MiB  (what survived the upload)")
print(f"sha256 verified      yes")
PY
