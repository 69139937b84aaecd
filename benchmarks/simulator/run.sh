#!/usr/bin/env bash
# Simulator benchmark: a Release build of the simulator on loopback under a bounded mixed load of the
# five operations (wrk + mixed.lua), printing requests/s and p99. Nothing leaves 127.0.0.1.
#
#   benchmarks/simulator/run.sh            # simulator and wrk share both cores
#   PIN=1 benchmarks/simulator/run.sh      # simulator pinned to core 0, wrk to core 1
#   DURATION=15 CONNECTIONS=32 benchmarks/simulator/run.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
DURATION="${DURATION:-15}"          # seconds of measured load (at most 20)
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-1}"
PREPARED="${PREPARED:-500}"
PORT="${PORT:-5199}"
(( DURATION <= 20 )) || { echo "DURATION must be at most 20 seconds" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

SIM_PIN=(); LOAD_PIN=()
if [[ "${PIN:-0}" == "1" ]]; then SIM_PIN=(taskset -c 0); LOAD_PIN=(taskset -c 1); fi

dotnet build -c Release src/UnitTrustLoad.Simulator -v q -nologo >/dev/null
SECRET="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"   # per run, never stored
"${SIM_PIN[@]}" src/UnitTrustLoad.Simulator/bin/Release/net10.0/UnitTrustLoad.Simulator \
  --urls "http://127.0.0.1:${PORT}" --Simulator:ClientSecret="${SECRET}" >/tmp/simulator-bench.log 2>&1 &
SIM_PID=$!
trap 'kill "${SIM_PID}" 2>/dev/null || true; wait "${SIM_PID}" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:${PORT}/health" >/dev/null && break; sleep 0.2; done
TOKEN="$(curl -sf -X POST "http://127.0.0.1:${PORT}/core/connect/token" \
  -d grant_type=client_credentials -d client_id=unittrust-load --data-urlencode "client_secret=${SECRET}" -d scope=innovaSuiteApi \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"

python3 benchmarks/simulator/prepare.py "${PORT}" "${TOKEN}" "${PREPARED}"
export SIM_TOKEN="${TOKEN}" SIM_PREPARED="${PREPARED}"
# Warm-up (JIT, SQLite page cache), then the measured run.
SIM_ID_BLOCK=40 "${LOAD_PIN[@]}" wrk -t"${THREADS}" -c"${CONNECTIONS}" -d3s -s benchmarks/simulator/mixed.lua "http://127.0.0.1:${PORT}" >/dev/null
echo "simulator benchmark: ${DURATION}s, ${CONNECTIONS} connections, ${THREADS} wrk thread(s), pinned=${PIN:-0}, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${LOAD_PIN[@]}" wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${DURATION}s" --latency -s benchmarks/simulator/mixed.lua "http://127.0.0.1:${PORT}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
