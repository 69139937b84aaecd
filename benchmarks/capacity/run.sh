#!/usr/bin/env bash
# Capacity benchmark (issue 14): the capacity search against the simulator in its own process, with no capacity model,
# for each single-operation scenario, beside wrk saturating the same simulator's register endpoint (the peer: the most
# a closed loop of CONNECTIONS gets out of it). Loopback only; every search is bounded by MAX_DURATION, wrk by
# WRK_SECONDS. Prints figures; writes nothing to the repository.
#   MAX_DURATION=00:00:45 STEP=00:00:03 OPERATIONS="register purchase balance sale" benchmarks/capacity/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
MAX_DURATION=${MAX_DURATION:-00:00:45}
STEP=${STEP:-00:00:03}
START_RATE=${START_RATE:-100}
OPERATIONS=${OPERATIONS:-register purchase balance sale}
CONNECTIONS=${CONNECTIONS:-50}
WRK_SECONDS=${WRK_SECONDS:-10}
work=$(mktemp -d)
secret=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)

dotnet build -c Release src/UnitTrustLoad/UnitTrustLoad.csproj -nologo -v q >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
bin=src/UnitTrustLoad/bin/Release/net10.0
simbin=src/UnitTrustLoad.Simulator/bin/Release/net10.0

start_simulator() {
  base=http://127.0.0.1:$(python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")
  Simulator__ClientSecret=$secret dotnet "$simbin/UnitTrustLoad.Simulator.dll" --urls "$base" >"$work/sim.log" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "simulator did not start"; cat "$work/sim.log"; exit 1
}
stop_simulator() { kill "${sim_pid:-0}" 2>/dev/null || true; wait "${sim_pid:-0}" 2>/dev/null || true; }
trap 'stop_simulator; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -r); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "search: from ${START_RATE}/s, x2, steps of ${STEP} (1 s settle), default service levels p(95) < 500 and fail_rate < 0.01, at most ${MAX_DURATION}"
for op in $OPERATIONS; do
  start_simulator
  out=$work/reports-$op
  UNITTRUSTLOAD_Auth__ClientId=unittrust-load UNITTRUSTLOAD_Auth__ClientSecret=$secret \
    timeout 300 dotnet "$bin/UnitTrustLoad.dll" --target "$base" --out "$out" --Report:LiveView=false --Ledger:ReconcileSample=0 \
    --scenario "$op" --capacity --Capacity:StartRate="$START_RATE" --Capacity:StepDuration="$STEP" --Capacity:Settle=00:00:01 \
    --Capacity:MaxDuration="$MAX_DURATION" --Load:PoolSize=3000 >"$work/suite-$op.log" 2>&1 || true
  summary=$(ls -d "$out"/*/ 2>/dev/null | head -1)summary.json
  [ -f "$summary" ] || { echo "$op: no summary"; tail -20 "$work/suite-$op.log"; stop_simulator; continue; }
  python3 - "$summary" "$op" <<'PY' | tee -a "$work/results"
import json, sys
c = json.load(open(sys.argv[1]))["capacity"]
s = c.get("sustainable") or {}
p95 = s.get("p95")
print(f"{sys.argv[2]}: sustainable {c['sustainableRate']}/s (p95 {p95 if p95 is None else round(p95, 1)} ms), "
      f"breaking {c['breakingRate']}/s by {c['brokenBy']} ({c['brokenByMessage']}), limited by {c['limitedBy']}, "
      f"{len(c['steps'])} steps in {c['durationSeconds']:.0f} s, ended: {c['end']}")
PY
  stop_simulator
done

start_simulator
token=$(curl -sf -X POST "$base/core/connect/token" -d grant_type=client_credentials -d client_id=unittrust-load \
  --data-urlencode "client_secret=$secret" -d scope=innovaSuiteApi | python3 -c "import json,sys;print(json.load(sys.stdin)['access_token'])")
cat >"$work/register.lua" <<LUA
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
wrk -t2 -c"$CONNECTIONS" -d"${WRK_SECONDS}s" --latency -s "$work/register.lua" "$base" >"$work/wrk.log" 2>&1 || true
wrk_rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.log")
wrk_p99=$(awk '$1=="99%" {print $2}' "$work/wrk.log")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.log")
echo "register (wrk, peer): $CONNECTIONS connections, ${WRK_SECONDS} s saturated: ${wrk_rps} requests/s, p99 ${wrk_p99}, non-2xx ${non2xx:-0}"
sustained=$(awk -F'[ /]' '/^register: sustainable/ {print $3}' "$work/results" 2>/dev/null || true)
[ -n "$sustained" ] && [ "$sustained" != "None" ] && python3 -c "print(f'register: sustainable rate / wrk saturated rate = {$sustained/max($wrk_rps,1):.2f}')"
