#!/usr/bin/env bash
# Benchmark (issue 5): inference throughput and latency, side by side in one run, for two small
# MLPs trained by the platform on Iris (4 features, 3 classes): "mlp" with the default hidden
# layers [64, 32] (2,500 weights: a forward pass is mostly per-call overhead, so batching has
# little to save) and "mlp512" with [512, 512] (267,000 weights, 1 MiB), and an ONNX model
# (tiny-mlp.onnx, 4 inputs):
#   (a) DJL predict in-process (DirectInferenceBenchmark: no HTTP, no JSON),
#   (b) the serving runtime called directly (POST .../v2/models/<deployment id>/infer with the
#       runtime's inference token: no key, no limits, no metering),
#   (c) the full gateway path (POST /v2/models/<model>/infer with an API key: key check, rate
#       limits, quota, metering, routing),
# first as ./platform up runs them (platform-api serves the models in-process, so (b) is its
# /internal/serving routes and (c) reaches the model without an HTTP hop), then, for the MLP, with
# the models on a separate worker process (platform.inference.local off, the worker with the
# INFERENCE role: (b) is the worker's own port, (c) adds the gateway's HTTP hop to it), the
# topology that scales out.
# with dynamic batching off (maxBatchSize 1) and on (a deployment's defaults: maxBatchSize 8,
# maxBatchDelayMs 2), at concurrency 1, 8 and 32, one row per request; at concurrency 32 also with
# maxBatchSize 32 (batches as large as the callers' concurrency wait for all of them, see
# docs/operations.md). Each round also measures, at concurrency 32 on (b), the runtime's cheapest
# call on the deployment (GET .../ready: no body, no queue, no model): no batching can make an
# inference call cheaper than that, so its throughput over batching off's is the most batching can
# give on this machine, and the summary prints it beside the batching figure. The load comes from
# wrk (Debian's package); the added latency "at half load" is measured with hey at a fixed rate of half of (c)'s throughput at
# concurrency 8. Targets: (c) >= 0.75x (b)'s throughput; added p50 <= 1 ms at half load; batching
# >= 1.5x the throughput at concurrency 32 for the MLPs. Each wrk row also shows the CPU time the
# platform-api and worker processes, and wrk itself, spent per call: everything (wrk, gateway,
# models) shares this machine's cores, so when they are all busy a throughput ratio is a ratio of
# CPU per call, and the summary prints that ratio beside each batching figure.
#
# It starts its own platform in a scratch data directory (the platform's ports must be free) and
# stops it at the end. Usage: [PAIRS=6] benchmarks/inference.sh [seconds per run, default 10]
# [rounds, default 3]
#
# On a shared two-core machine one run of a few seconds swings by 20% or more from the next, so
# every measurement is repeated in rounds: a round measures everything once, (b) right before (c)
# and batching off right before on, and the summary prints the median over the rounds of each
# ratio taken within a round (with the lowest and highest), so a drift of the machine between
# rounds does not show up as a difference between paths. The batching figure of the MLPs is
# measured once more in $PAIRS pairs of runs seconds apart: one deployment whose batching is
# switched off and on between runs. And since wrk's own CPU per call counts against both modes
# alike, the pairs are measured again with the load generator on a core of its own, as on two
# machines: every process of the platform on CPU 0, wrk (one thread) on CPU 1 (taskset).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${1:-10}"
ROUNDS="${2:-3}"
PAIRS="${PAIRS:-6}" # alternations of batching off and on for the batching figure
WARM=$((DURATION > 15 ? DURATION : 45))
WORK="$(mktemp -d /tmp/mlplatform-inference-bench.XXXXXX)"
export PLATFORM_DATA="$WORK/platform-data"
API=http://localhost:8080
WORKER=http://localhost:8082
T=$API/api/v1/tenants/acme
KC=http://localhost:8180/realms/platform/protocol/openid-connect/token
for tool in wrk hey psql; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian: apt-get install wrk hey postgresql-client)" >&2; exit 1; }
done
# A run that stops half way still prints what it measured, and keeps the platform's logs.
cleanup() {
  local status=$?
  if ((status != 0)) && [[ -s "${RESULTS:-}" ]]; then
    echo "== stopped early (status $status): what was measured until then" >&2
    summary || true
  fi
  if ((status != 0)) && [[ -d "$PLATFORM_DATA/logs" ]]; then
    local kept="${WORK}-logs"
    cp -r "$PLATFORM_DATA/logs" "$kept" && echo "== the platform's logs: $kept" >&2
  fi
  "$ROOT/platform" down >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
token() { curl -fsS -d grant_type=password -d client_id=platform-cli -d username=alice -d password=alice "$KC" | json 'd["access_token"]'; }
call() { local method="$1" path="$2"; shift 2; curl -fsS -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@" "$T$path"; }
await() { # await <what> <command...>: polls the command until it prints "yes"
  local what="$1" deadline=$((SECONDS + 300)); shift
  until [[ "$("$@")" == yes ]]; do ((SECONDS < deadline)) || { echo "not within 300 s: $what" >&2; exit 1; }; sleep 0.5; done
}

echo "== starting the platform"
"$ROOT/platform" up --detach >/dev/null
TOKEN=$(token)

echo "== an ONNX model and a trained MLP"
call POST /models -d '{"name":"bench-onnx","task":"OTHER"}' >/dev/null
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  --data-binary @"$ROOT/worker/src/test/resources/models/tiny-mlp.onnx" "$T/models/bench-onnx/versions?format=onnx" >/dev/null
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  --data-binary @"$ROOT/worker/src/test/resources/datasets/iris.csv" "$T/datasets?name=bench-iris&format=csv" >/dev/null
train() { # train <model> <architecture>: prints the job id
  call POST /training-jobs -d '{"dataset":"bench-iris","task":"classification","labelColumn":"species",
    "architecture":'"$2"',"hyperparameters":{"epochs":20,"seed":1},"outputModel":"'"$1"'"}' | json 'd["id"]'
}
jobs=("$(train bench-mlp '{"type":"mlp"}')" "$(train bench-mlp512 '{"type":"mlp","hiddenLayers":[512,512]}')")
await "the ONNX version to be READY" bash -c "curl -fsS -H 'Authorization: Bearer $TOKEN' $T/models/bench-onnx/versions/1 | grep -q '\"status\":\"READY\"' && echo yes"
for job in "${jobs[@]}"; do
  await "training job $job to succeed" bash -c "curl -fsS -H 'Authorization: Bearer $TOKEN' $T/training-jobs/$job | grep -q '\"status\":\"SUCCEEDED\"' && echo yes"
done
TOKEN=$(token)
for model in mlp mlp512; do
  curl -fsS -o "$WORK/$model.zip" -H "Authorization: Bearer $TOKEN" "$T/models/bench-$model/versions/1/artifact"
done

# The tenant's default limit (1,000 req/s) would turn the gateway's answers into 429s: raise it.
ADMIN=$(curl -fsS -d grant_type=password -d client_id=platform-cli -d username=admin -d password=admin "$KC" | json 'd["access_token"]')
curl -fsS -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$API/api/v1/admin/tenants/acme/quota" \
  -d '{"maxStorageBytes":10737418240,"maxModels":100,"maxDatasets":100,"maxRequestsPerSecond":1000000}' >/dev/null
KEY=$(call POST /api-keys -d '{"name":"bench","scopes":["inference:invoke"]}' | json 'd["secret"]')
# The runtime serving the models, called directly: its base URL and inference token.
sql() { PGPASSWORD=platform psql -qtA -F ' ' -h 127.0.0.1 -p 15432 -U platform platform -c "$1"; }
LIVE_INFERENCE="roles @> '[\"INFERENCE\"]' and last_heartbeat_at > now() - interval '30 seconds'"
runtime_where() { # runtime_where <condition on workers>: sets RUNTIME and WTOKEN of that live one
  local row
  row=$(sql "select url, inference_token from workers where $LIVE_INFERENCE and $1
             order by last_heartbeat_at desc limit 1")
  RUNTIME=${row% *} WTOKEN=${row#* }
  [[ -n "$WTOKEN" && "$RUNTIME" != "$row" ]] || { echo "no live inference worker where $1" >&2; exit 1; }
}
IN_PROCESS="name like 'platform-api@%'"
runtime_where "$IN_PROCESS"

echo '{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[0,1,0,1]}]}' >"$WORK/onnx.json"
echo '{"inputs":[{"name":"sepal_length","shape":[1],"datatype":"FP32","data":[5.9]},
  {"name":"sepal_width","shape":[1],"datatype":"FP32","data":[3.0]},
  {"name":"petal_length","shape":[1],"datatype":"FP32","data":[4.2]},
  {"name":"petal_width","shape":[1],"datatype":"FP32","data":[1.5]}]}' >"$WORK/mlp.json"
cp "$WORK/mlp.json" "$WORK/mlp512.json"

WRK=(wrk) # the load generator; the section that gives it a core of its own pins it
# A deployment's batching fields: off, and on (a deployment's defaults).
BATCHING_OFF='"maxBatchSize":1,"maxBatchDelayMs":0' BATCHING_ON='"maxBatchSize":8,"maxBatchDelayMs":2'
batching_fields() { if [[ $1 == on ]]; then echo "$BATCHING_ON"; else echo "$BATCHING_OFF"; fi; } # <off|on>
RESULTS="$WORK/results.txt"
: >"$RESULTS"
summary() { # the medians and ratios of what was measured so far
echo
python3 - "$RESULTS" <<'PY'
import statistics, sys
rows = {}  # (label, concurrency) -> one measurement per round
for line in open(sys.argv[1]):
    label, c, rps, p50, p99, api_us, worker_us, wrk_us = (line.split() + ["-"] * 3)[:8]
    rows.setdefault((label, int(c)), []).append((float(rps), float(p50), float(p99), api_us, worker_us, wrk_us))
def median(values):
    values = [v for v in values if v != "-"]
    return statistics.median(float(v) for v in values) if values else None
def spread(values, unit="", of="rounds"):
    return f"{statistics.median(values):.2f}{unit} ({of} {min(values):.2f}-{max(values):.2f})"
print(f"medians over the rounds ({max(len(r) for r in rows.values())})")
print(f"{'path':34} {'conc':>4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'CPU us/call: api':>17} {'worker':>7} {'wrk':>5}")
for (label, c), runs in rows.items():
    rps, p50, p99, api_us, worker_us, wrk_us = (median(column) for column in zip(*runs))
    cpu = lambda v: "-" if v is None else f"{v:.0f}"
    print(f"{label:34} {c:4d} {rps:9.1f} {p50:8.3f} {p99:8.3f} {cpu(api_us):>17} {cpu(worker_us):>7} {cpu(wrk_us):>5}")
print()
def ratios(top, bottom, pick=lambda run: run[0]):
    """Per round, top over bottom (both measured in that round, one right after the other)."""
    a, b = rows.get(top), rows.get(bottom)
    return [pick(x) / pick(y) for x, y in zip(a, b)] if a and b else None
for model in ("mlp", "mlp512", "onnx"):
    for batching in ("off", "on"):
        for c in (1, 8, 32):
            r = ratios((f"{model}/c/batching-{batching}", c), (f"{model}/b/batching-{batching}", c))
            if r:
                print(f"{model} batching {batching:3} c={c:<2}  (c) gateway / (b) runtime directly, as ./platform up serves: {spread(r)}  (target >= 0.75)")
            r = ratios((f"{model}/worker-c/batching-{batching}", c), (f"{model}/worker-b/batching-{batching}", c))
            if r:
                print(f"{model} batching {batching:3} c={c:<2}  gateway over HTTP / separate worker directly (scale-out topology): {spread(r)}")
    hb, hc = rows.get((f"{model}/b/half-load", 8)), rows.get((f"{model}/c/half-load", 8))
    if hb and hc:
        added = [c[1] - b[1] for b, c in zip(hb, hc)]
        print(f"{model} added p50 at half load ({median(c[0] for c in hc):.0f} req/s): {statistics.median(added):.3f} ms (rounds {min(added):.3f} to {max(added):.3f})  (target <= 1 ms)")
    for path, where in (("b", "on the runtime directly"), ("c", "through the gateway"),
                        ("pairs-b", "on the runtime directly, batching switched between runs"),
                        ("pairs-c", "through the gateway, batching switched between runs"),
                        ("own-core-b", "on the runtime directly, wrk on a core of its own"),
                        ("own-core-c", "through the gateway, wrk on a core of its own"),
                        ("worker-b", "on a separate worker directly"), ("worker-c", "through the gateway to a separate worker")):
        of = "pairs" if path.startswith(("pairs-", "own-core-")) else "rounds"
        r = ratios((f"{model}/{path}/batching-on", 32), (f"{model}/{path}/batching-off", 32))
        if r:
            print(f"{model} batching on/off at c=32 {where}: {spread(r, 'x', of)}  (target >= 1.5x for the MLPs)")
            # When every core is busy, throughput is the cores over the CPU a call costs all
            # processes together, wrk's included: where that CPU goes, per call.
            total = lambda run: sum(float(v) for v in run[3:] if v != "-")
            off, on = rows[(f"{model}/{path}/batching-off", 32)], rows[(f"{model}/{path}/batching-on", 32)]
            parts = lambda runs: " + ".join(f"{name} {median(column):.0f}" for name, column in
                                            zip(("api", "worker", "wrk"), list(zip(*runs))[3:]) if median(column))
            print(f"{model}   CPU us per call at c=32 {where}: off {parts(off)}, on {parts(on)};"
                  f" off/on {spread(ratios((f'{model}/{path}/batching-off', 32), (f'{model}/{path}/batching-on', 32), total), 'x', of)}")
        r = ratios((f"{model}/{path}/no-model", 32), (f"{model}/{path}/batching-off", 32))
        if r:
            print(f"{model} a call that runs no model (GET .../ready)/off at c=32 {where}: {spread(r, 'x')}  (the most any batching can give here)")
        r = ratios((f"{model}/{path}/batch-32", 32), (f"{model}/{path}/batching-off", 32))
        if r:
            print(f"{model} maxBatchSize 32/off at c=32 {where}: {spread(r, 'x')}")
PY
}
pids() { API_PID=$(cat "$PLATFORM_DATA/run/platform-api.pid") WORKER_PID=$(cat "$PLATFORM_DATA/run/worker.pid"); }
pids
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system, in clock ticks
# wrk_run <label> <url> <auth> <body file, or - for a GET> <concurrency>: appends
# "label c rps p50_ms p99_ms api_cpu_us_per_call worker_cpu_us_per_call wrk_cpu_us_per_call"
wrk_run() {
  local TIMEFORMAT='%U %S' label="$1" url="$2" auth="$3" body="$4" c="$5" threads=2 out a0 w0 request
  ((c < 2 || ${#WRK[@]} > 1)) && threads=1 # one thread on a core of its own
  request=(-s "$ROOT/benchmarks/inference-post.lua")
  [[ $body == - ]] && request=(-H "Authorization: Bearer $auth")
  a0=$(cpu_ticks "$API_PID") w0=$(cpu_ticks "$WORKER_PID")
  # bash's time: the CPU seconds (user, system) of wrk itself, which shares the cores
  { time out=$(AUTH="$auth" BODY_FILE="$body" "${WRK[@]}" -t"$threads" -c"$c" -d"${DURATION}s" --latency \
    "${request[@]}" "$url"); } 2>"$WORK/wrk-cpu.txt"
  python3 - "$label" "$c" "$out" $(($(cpu_ticks "$API_PID") - a0)) $(($(cpu_ticks "$WORKER_PID") - w0)) "$(getconf CLK_TCK)" "$(tail -n 1 "$WORK/wrk-cpu.txt")" >>"$RESULTS" <<'PY'
import re, sys
label, c, out = sys.argv[1], sys.argv[2], sys.argv[3]
api_ticks, worker_ticks, hz = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
wrk_seconds = sum(float(s) for s in sys.argv[7].split())
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 1e-3, "ms": 1, "s": 1e3}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
bad = int(bad.group(1)) if bad else 0
errors = re.search(r"Socket errors: (.*)", out)
if bad or errors:
    sys.exit(f"{label} c={c}: {bad} answers were not 2xx {errors.group(0) if errors else ''}\n{out}")
calls = int(re.search(r"(\d+) requests in", out).group(1))
us = lambda ticks: ticks * 1e6 / hz / max(1, calls)
print(f"{label} {c} {rps:.1f} {p50:.3f} {p99:.3f} {us(api_ticks):.0f} {us(worker_ticks):.0f} {wrk_seconds * 1e6 / max(1, calls):.0f}")
PY
}
direct_run() { # direct_run <label> <kind> <file>
  local c
  for c in 1 8 32; do
    DJL_CACHE_DIR="$PLATFORM_DATA/djl" java -Xmx1g -cp "$ROOT/worker/target/quarkus-app/app/*:$ROOT/worker/target/quarkus-app/lib/main/*:$ROOT/worker/target/quarkus-app/lib/boot/*" \
      org.mlplatform.worker.benchmark.DirectInferenceBenchmark "$2" "$3" 4 "$c" "$DURATION" 2>/dev/null |
      sed -n "s|^direct concurrency=\([0-9]*\) requests=[0-9]* rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\)|$1 \1 \2 \3 \4 - - -|p" >>"$RESULTS"
  done
}
deploy() { # deploy <model> [batching fields]: prints the deployment id once READY
  local id
  id=$(call POST /deployments -d "{\"model\":\"$1\",\"version\":1${2:+,$2}}" | json 'd["id"]')
  if ! (await "deployment $id to be READY" bash -c "curl -fsS -H 'Authorization: Bearer $TOKEN' $T/deployments/$id | grep -q '\"status\":\"READY\"' && echo yes"); then
    # What the platform knew then: the deployment as the API shows it, and the workers.
    curl -sS -H "Authorization: Bearer $(token)" "$T/deployments/$id" >&2 || true
    echo >&2
    sql "select name, url, roles, last_heartbeat_at, now() from workers order by name" >&2 || true
    exit 1
  fi
  echo "$id"
}
# warm <model> <deployment id>: loads both paths, unrecorded, for the JIT: the first time long
# enough for it to settle (on two cores the gateway takes about 40 s of load), later for one
# run's length.
warm() {
  AUTH="$WTOKEN" BODY_FILE="$WORK/$1.json" "${WRK[@]}" -t2 -c32 -d"${WARM}s" -s "$ROOT/benchmarks/inference-post.lua" "$RUNTIME/v2/models/$2/infer" >/dev/null
  AUTH="$KEY" BODY_FILE="$WORK/$1.json" "${WRK[@]}" -t2 -c32 -d"${WARM}s" -s "$ROOT/benchmarks/inference-post.lua" "$API/v2/models/bench-$1/infer" >/dev/null
  WARM=$DURATION
}
# measure <model> <label prefix> <batching: off|on>: deploys, warms both paths, runs wrk at
# concurrency 1, 8 and 32 on (b) and (c); the deployment stays, as $DEPLOYED
measure() {
  local model="$1" prefix="$2" batching="$3" id c
  TOKEN=$(token)
  id=$(deploy "bench-$model" "$(batching_fields "$batching")")
  warm "$model" "$id"
  for c in 1 8 32; do
    echo "== $model, batching $batching, concurrency $c: $prefix (b) runtime directly, (c) gateway"
    wrk_run "$model/${prefix}b/batching-$batching" "$RUNTIME/v2/models/$id/infer" "$WTOKEN" "$WORK/$model.json" "$c"
    wrk_run "$model/${prefix}c/batching-$batching" "$API/v2/models/bench-$model/infer" "$KEY" "$WORK/$model.json" "$c"
  done
  if [[ $batching == off ]]; then
    # The floor: the runtime's cheapest call on the deployment (GET .../ready: the token, the
    # route, the answer; no body, no queue, no model). No batching can make a call cheaper.
    wrk_run "$model/${prefix}b/no-model" "$RUNTIME/v2/models/$id/ready" "$WTOKEN" - 32
  fi
  DEPLOYED=$id
}

# alternate <model> <label prefix>: the batching figure from one deployment whose batching is
# switched off and on between runs (PATCH; the runtime applies it within a second), $PAIRS times,
# at concurrency 32 on (b) and (c). The two runs of a pair are seconds apart, so a drift of the
# machine falls on both: here the same call, same code, costs 1.5x the CPU for tens of seconds at
# a time (every part of it alike in profiles), which a pair measured minutes apart cannot tell
# from a difference between the modes.
alternate() {
  local model="$1" prefix="$2" id i batching
  TOKEN=$(token)
  id=$(deploy "bench-$model" "$BATCHING_ON")
  warm "$model" "$id"
  wrk_run "$model/${prefix}b/no-model" "$RUNTIME/v2/models/$id/ready" "$WTOKEN" - 32
  for i in $(seq "$PAIRS"); do
    echo "== $model, batching off then on, concurrency 32, pair $i of $PAIRS: ${prefix}(b) runtime directly, (c) gateway"
    TOKEN=$(token)
    for batching in off on; do
      call PATCH "/deployments/$id" -d "{$(batching_fields "$batching")}" >/dev/null
      sleep 1
      wrk_run "$model/${prefix}b/batching-$batching" "$RUNTIME/v2/models/$id/infer" "$WTOKEN" "$WORK/$model.json" 32
      wrk_run "$model/${prefix}c/batching-$batching" "$API/v2/models/bench-$model/infer" "$KEY" "$WORK/$model.json" 32
    done
  done
  call DELETE "/deployments/$id" >/dev/null
}

for model in mlp mlp512 onnx; do
  echo "== $model: (a) DJL in-process"
  if [[ $model == mlp* ]]; then direct_run "$model/a" trained "$WORK/$model.zip"; else
    direct_run "$model/a" onnx "$ROOT/worker/src/test/resources/models/tiny-mlp.onnx"; fi
done
for round in $(seq "$ROUNDS"); do
  for model in mlp mlp512 onnx; do
    echo "== round $round of $ROUNDS"
    for batching in off on; do
      measure "$model" "" "$batching"
      if [[ $batching == on ]]; then
        # Added latency at half load: a fixed rate of half of (c)'s throughput at concurrency 8.
        rps=$(awk -v l="$model/c/batching-on" '$1 == l && $2 == 8 {r = $3} END {print int(r / 2)}' "$RESULTS")
        for path in b c; do
          if [[ $path == b ]]; then url="$RUNTIME/v2/models/$DEPLOYED/infer" auth="$WTOKEN"; else url="$API/v2/models/bench-$model/infer" auth="$KEY"; fi
          hey -z "${DURATION}s" -c 8 -q $(( (rps + 7) / 8 )) -m POST -T application/json -D "$WORK/$model.json" \
            -H "Authorization: Bearer $auth" "$url" >"$WORK/hey.txt"
          python3 - "$model/$path/half-load" "$rps" "$WORK/hey.txt" >>"$RESULTS" <<'PY'
import re, sys
label, rate, text = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
codes = dict(re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
if set(codes) != {"200"}:
    sys.exit(f"{label}: answers {codes}\n{text}")
p = lambda q: float(re.search(rf"\s{q}% in ([\d.]+) secs", text).group(1)) * 1000
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f"{label} 8 {rps:.1f} {p(50):.3f} {p(99):.3f} - - -")
PY
        done
      fi
      call DELETE "/deployments/$DEPLOYED" >/dev/null
    done
    id=$(deploy "bench-$model" '"maxBatchSize":32,"maxBatchDelayMs":2')
    echo "== $model, maxBatchSize 32, concurrency 32: (b) runtime directly, (c) gateway"
    wrk_run "$model/b/batch-32" "$RUNTIME/v2/models/$id/infer" "$WTOKEN" "$WORK/$model.json" 32
    wrk_run "$model/c/batch-32" "$API/v2/models/bench-$model/infer" "$KEY" "$WORK/$model.json" 32
    call DELETE "/deployments/$id" >/dev/null
  done
done

for model in mlp mlp512; do
  alternate "$model" "pairs-"
done

# The same batching figure with the load generator on a core of its own, as a benchmark on two
# machines would have it: above, wrk shares both cores with the platform and its CPU per call (about
# a third of the runtime's) counts against both modes alike. Here every process of the platform
# (with its threads and child processes) runs on CPU 0 and wrk, one thread, on CPU 1.
pin() { # pin <cpu list> <pid...>: the processes, their threads and their descendants
  local cpus="$1" pid; shift
  for pid in "$@"; do
    taskset -a -p -c "$cpus" "$pid" >/dev/null 2>&1 || true # a process may have just exited
    pin "$cpus" $(ps -o pid= --ppid "$pid")
  done
}
if (($(nproc) >= 2)); then
  pin 0 $(cat "$PLATFORM_DATA"/run/*.pid)
  WRK=(taskset -c 1 wrk) WARM=$DURATION
  echo "== the platform on CPU 0, wrk on CPU 1"
  for model in mlp mlp512; do
    alternate "$model" "own-core-"
  done
  pin "0-$(($(nproc) - 1))" $(cat "$PLATFORM_DATA"/run/*.pid)
  WRK=(wrk)
fi

echo "== the MLP on a separate worker process (platform.inference.local off; worker with INFERENCE)"
PLATFORM_INFERENCE_LOCAL_ENABLED=false "$ROOT/platform" restart platform-api >/dev/null
PLATFORM_WORKER_ROLES=JOBS,INFERENCE "$ROOT/platform" restart worker >/dev/null
pids
only_the_worker_serves() { [[ "$(sql "select string_agg(url, ' ') from workers where $LIVE_INFERENCE")" == "$WORKER" ]] && echo yes; }
await "the worker process to be the only one serving models" only_the_worker_serves
runtime_where "not ($IN_PROCESS)"
WARM=$((DURATION > 15 ? DURATION : 45))
for round in $(seq "$ROUNDS"); do
  echo "== round $round of $ROUNDS"
  for batching in off on; do
    measure mlp "worker-" "$batching"
    call DELETE "/deployments/$DEPLOYED" >/dev/null
  done
done

summary
