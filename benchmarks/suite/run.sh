#!/usr/bin/env bash
# Suite benchmark (issue 4): the journey's iterations per second and the generator's CPU per iteration against the
# simulator in its own process (no fault latency), then the register scenario beside wrk posting the same kind of body
# to the same simulator. Loopback only; every run is bounded by DURATION. Prints figures; writes nothing to the repo.
#   DURATION=00:00:20 VUS=16 CONNECTIONS=50 benchmarks/suite/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-00:00:20}
VUS=${VUS:-16}
CONNECTIONS=${CONNECTIONS:-50}
seconds=$(python3 -c "import sys;h,m,s=sys.argv[1].split(':');print(int(h)*3600+int(m)*60+int(float(s)))" "$DURATION")
work=$(mktemp -d)
secret=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)

dotnet build -c Release src/UnitTrustLoad/UnitTrustLoad.csproj -nologo -v q >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
bin=src/UnitTrustLoad/bin/Release/net10.0
simbin=src/UnitTrustLoad.Simulator/bin/Release/net10.0

start_simulator() {
  # A fresh free port each time, so a simulator still shutting down cannot answer for the next one.
  base=http://127.0.0.1:$(python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")
  Simulator__ClientSecret=$secret dotnet "$simbin/UnitTrustLoad.Simulator.dll" --urls "$base" >"$work/sim.log" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "simulator did not start"; cat "$work/sim.log"; exit 1
}
stop_simulator() { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
trap stop_simulator EXIT

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

# Runs the suite; prints "iterations seconds cpu_seconds" measured over the load only (run folder created → summary written).
run_suite() {
  local out=$work/reports-$1; shift
  UNITTRUSTLOAD_Auth__ClientId=unittrust-load UNITTRUSTLOAD_Auth__ClientSecret=$secret \
    dotnet "$bin/UnitTrustLoad.dll" --target "$base" --out "$out" --Report:LiveView=false --Ledger:ReconcileSample=0 \
    --Load:ReportingInterval=00:00:05 "$@" >"$work/suite.log" 2>&1 &
  local pid=$! hz; hz=$(getconf CLK_TCK)
  while [ -z "$(ls -d "$out"/*/ 2>/dev/null)" ]; do kill -0 $pid 2>/dev/null || { cat "$work/suite.log" >&2; exit 1; }; sleep 0.05; done
  local t0 c0; t0=$(date +%s.%N); c0=$(cpu_ticks $pid)
  local last=$c0
  while [ ! -f "$(ls -d "$out"/*/ | head -1)timeseries.csv" ] && kill -0 $pid 2>/dev/null; do last=$(cpu_ticks $pid 2>/dev/null || echo "$last"); sleep 0.05; done
  local t1; t1=$(date +%s.%N)
  wait $pid || true
  python3 - "$(ls -d "$out"/*/ | head -1)summary.json" "$c0" "$last" "$hz" "$t0" "$t1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c0, c1, hz, t0, t1 = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
it = sum(x["okCount"] + x["failCount"] for x in s["scenarios"])
fail = sum(x["failCount"] for x in s["scenarios"])
dur = max(x["durationSeconds"] for x in s["scenarios"])
steps = {st["name"]: st for x in s["scenarios"] for st in x["steps"]}
print(f"{it} {fail} {dur:.2f} {(c1 - c0) / hz:.2f} {t1 - t0:.2f}", end=" ")
print(" ".join(f"{n}:p50={v['latencyMs']['p50']:.2f},p95={v['latencyMs']['p95']:.2f}" for n, v in steps.items()))
PY
}

echo "machine: $(nproc) cores, $(uname -r); shared with other builds: load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_simulator
read -r it fail dur cpu wall rest < <(run_suite journey --scenario journey --vus "$VUS" --duration "$DURATION")
python3 - "$it" "$fail" "$dur" "$cpu" "$wall" "$VUS" <<'PY'
import sys
it, fail, dur, cpu, wall, vus = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
print(f"journey: {vus} VUs, {dur:.1f} s: {it} iterations ({fail} failed), {it/dur:.0f} iterations/s, "
      f"{it*5/dur:.0f} requests/s; generator CPU {cpu:.2f} s over {wall:.1f} s = {1000*cpu/max(it,1):.3f} ms per iteration "
      f"({1000*cpu/max(it*5,1):.3f} ms per request)")
PY
echo "  steps: $rest"
stop_simulator

# Register: the suite and wrk against a fresh simulator each, same connection count, unique bodies for both.
start_simulator
read -r it fail dur cpu wall rest < <(run_suite register --scenario register --vus "$CONNECTIONS" --duration "$DURATION")
suite_rps=$(python3 -c "print(f'{$it/$dur:.0f}')")
echo "register (suite): $CONNECTIONS VUs, ${dur} s: $it requests ($fail failed), $suite_rps requests/s, generator CPU ${cpu} s"
stop_simulator

start_simulator
token=$(curl -sf -X POST "$base/core/connect/token" -d grant_type=client_credentials -d client_id=unittrust-load \
  --data-urlencode "client_secret=$secret" -d scope=innovaSuiteApi | python3 -c "import json,sys;print(json.load(sys.stdin)['access_token'])")
cat >"$work/register.lua" <<LUA
-- Unique IDNumber per request (thread offset + counter), as the suite makes them, so no answer is a 409.
local counter, offset = 0, 0
local threads = 0
function setup(thread) thread:set("offset", threads * 10000000); threads = threads + 1 end
function init(args) offset = tonumber(wrk.thread:get("offset")) or 0 end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  counter = counter + 1
  local id = 10000000 + offset + counter
  local body = string.format('{"IDNumber":%d,"FirstName":"Amina","Surname":"Otieno","DateOfBirth":"Mar 14, 1991","PhoneNumber":"+254712345678","EmailAddress":"amina.%d@example.com","PIN":"A0%dZ","ClientIdentifier":"+254712345678-%d","FundsSourceCode":null,"AgentID":null,"BankAccount":{"Bank":"KENYA COMMERCIAL BANK LTD","BankBranch":"0000001179","AccountName":"Amina Otieno","AccountNumber":"1234567890","Currency":"KES"}}', id, id, id, id)
  return wrk.format(nil, "/api/Investors/Register?api-version=2.0", nil, body)
end
LUA
wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -s "$work/register.lua" "$base" >"$work/wrk.log" 2>&1 || true
wrk_rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.log")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.log")
echo "register (wrk): $CONNECTIONS connections, ${seconds} s: ${wrk_rps} requests/s (non-2xx: ${non2xx:-0})"
python3 -c "print(f'register suite/wrk ratio: {$suite_rps/max($wrk_rps,1):.2f} (goal >= 0.5)')"
rm -rf "$work"
