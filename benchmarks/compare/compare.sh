#!/usr/bin/env bash
# Side-by-side benchmark (issue 6): our suite against wrk, hey, autocannon and Locust, on this machine,
# in one run. Targets run pinned to core 0, generators to core 1, loopback only, every run bounded by
# timeout. Writes its tables into docs/benchmarks.md between the compare.sh markers.
#
#   benchmarks/compare/compare.sh                 # 3 rounds of 10 s per tool (about 6 minutes)
#   benchmarks/compare/compare.sh --rounds 5 --duration 15
#   benchmarks/compare/compare.sh --smoke         # 1 round of 1 s per tool; exit 0 when every tool gave a rate
#   PERF_RAW_TARGET=kestrel benchmarks/compare/compare.sh   # the Kestrel raw target instead of the C one
#
# Run it on a quiet machine: anything else using the two cores shows up in the figures.
set -euo pipefail

PERF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$PERF_DIR/../.." && pwd)
# shellcheck source=lib/common.sh
source "$PERF_DIR/lib/common.sh"
# shellcheck source=lib/targets.sh
source "$PERF_DIR/lib/targets.sh"
# shellcheck source=lib/generators.sh
source "$PERF_DIR/lib/generators.sh"

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "options: --smoke | --rounds N (1-20, default 3) | --duration S (1-15, default 10) | --no-docs"
}

SMOKE=0 ROUNDS=3 DURATION=10 WRITE_DOCS=1 CONNECTIONS=50
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) SMOKE=1 ROUNDS=1 DURATION=1 WRITE_DOCS=0 ;;
        --rounds) ROUNDS=${2:-}; shift ;;
        --duration) DURATION=${2:-}; shift ;;
        --no-docs) WRITE_DOCS=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option '$1'" ;;
    esac
    shift
done
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] \
    || die "--rounds must be a whole number from 1 to 20, got '$ROUNDS'"
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 15 ] \
    || die "--duration must be whole seconds from 1 to 15 (the issue bounds each run at 15 s), got '$DURATION'"
[ "$(nproc --all)" -ge 2 ] || die "needs 2 cores (target on core 0, generator on core 1); this machine has $(nproc --all)"
PAUSE=1
[ "$SMOKE" -eq 1 ] && PAUSE=0

OUT="$PERF_DIR/.out/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
# Keep the five newest runs' output (a full run with our suite's reports is tens of MB).
ls -1dt "$PERF_DIR"/.out/2*/ 2>/dev/null | tail -n +6 | xargs -r rm -rf
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
BODY_FILE="$PERF_DIR/register-body.json"
TOKEN=perf-token
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
trap stop_target EXIT
started=$(date +%s)
load_at_start=$(cut -d' ' -f1 /proc/loadavg)
say "output in ${OUT#"$ROOT"/}; ${ROUNDS} round(s) of ${DURATION} s, ${CONNECTIONS} connections"

install_debian_peers
install_autocannon

say "building in Release"
build_release benchmarks/compare/RawTarget/RawTarget.csproj || die "the raw target does not build (see $OUT)"
build_release benchmarks/compare/HttpClientLoop/HttpClientLoop.csproj || die "the HttpClient loop does not build (see $OUT)"
RAW_DLL="$PERF_DIR/RawTarget/bin/Release/net10.0/RawTarget.dll"
LOOP_DLL="$PERF_DIR/HttpClientLoop/bin/Release/net10.0/HttpClientLoop.dll"
APP_DLL="$ROOT/src/UnitTrustLoad/bin/Release/net10.0/UnitTrustLoad.dll"
SIM_DLL="$ROOT/src/UnitTrustLoad.Simulator/bin/Release/net10.0/UnitTrustLoad.Simulator.dll"

# Our suite takes part once it builds and offers the options this script uses.
OURS_REASON=""
if ! build_release src/UnitTrustLoad/UnitTrustLoad.csproj; then
    OURS_REASON="src/UnitTrustLoad does not build in Release"
elif ! timeout 60 dotnet "$APP_DLL" --help 2>&1 | grep -q -- "--scenario"; then
    OURS_REASON="the console app does not offer --scenario yet (dotnet UnitTrustLoad.dll --help)"
fi
[ -n "$OURS_REASON" ] && say "our suite is left out: $OURS_REASON"
SIM_REASON=""
build_release src/UnitTrustLoad.Simulator/UnitTrustLoad.Simulator.csproj || SIM_REASON="the simulator does not build in Release"

not_available() {
    python3 -c 'import json,sys; print(json.dumps(dict(workload=sys.argv[1], tool="ours", round=int(sys.argv[2]), ok=False, unavailable=True, reason=sys.argv[3])))' \
        "$1" "$2" "$3" >>"$RESULTS"
}

say "register POST against the raw target"
start_raw_target || die "the raw target did not start"
run_ours_register() {
    if [ -z "$OURS_REASON" ]; then
        run_ours register "$1" perf-client "$(random_secret)"
    else
        not_available register "$1" "$OURS_REASON"
    fi
}
for round in $(seq 1 "$ROUNDS"); do
    # The tightest comparison, ours against wrk, is made of adjacent runs whose order alternates by round: this VM's
    # speed drifts 20-30 % from one minute to the next, and a minute between the two runs put all of that drift on
    # one side of the ratio (ours used to run last, a minute after wrk).
    if [ $((round % 2)) -eq 1 ]; then
        run_wrk "$round"
        run_ours_register "$round"
    else
        run_ours_register "$round"
        run_wrk "$round"
    fi
    run_hey "$round"
    run_autocannon "$round"
    run_locust_register "$round"
    run_httpclient_loop plain "$round"
    run_httpclient_loop tuned "$round"
done

# The journey where only the generators can set the pace: the raw target answers all five calls with fixed bytes.
say "journey against the raw target"
for round in $(seq 1 "$ROUNDS"); do
    run_locust_journey journey-raw "$round" "$(random_secret)"
    if [ -z "$OURS_REASON" ]; then
        run_ours journey-raw "$round" perf-client "$(random_secret)"
    else
        not_available journey-raw "$round" "$OURS_REASON"
    fi
done
stop_target

say "journey against the simulator (a fresh one per run)"
for round in $(seq 1 "$ROUNDS"); do
    [ -n "$SIM_REASON" ] && break
    for tool in locust ours; do
        if [ "$tool" = ours ] && [ -n "$OURS_REASON" ]; then
            not_available journey "$round" "$OURS_REASON"
            continue
        fi
        if ! start_simulator "$tool-r$round"; then
            SIM_REASON="the simulator did not answer GET /health (see ${OUT#"$ROOT"/}/target-sim-$tool-r$round.log)"
            break
        fi
        if [ "$tool" = locust ]; then run_locust_journey journey "$round" "$SIM_SECRET"; else run_ours journey "$round" unittrust-load "$SIM_SECRET"; fi
        stop_target
        rm -f "$OUT/sim-$tool-r$round.db"*
    done
done
[ -n "$SIM_REASON" ] && say "journey left out: $SIM_REASON"

export PERF_COMMAND="benchmarks/compare/compare.sh $([ "$SMOKE" -eq 1 ] && echo --smoke || echo "--rounds $ROUNDS --duration $DURATION")"
export AUTOCANNON PERF_DURATION=$DURATION PERF_LOAD_START=$load_at_start PERF_SIM_REASON=$SIM_REASON PERF_RAW_KIND="${RAW_TARGET_KIND:-?}"
python3 - "$OUT/meta.json" <<'PY'
import json, os, platform, subprocess, sys, time
def first(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except Exception:
        return "?"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
conditions = ("%d cores (%s), %.0f GiB, Linux %s, .NET SDK %s; target on core 0, generator on core 1 (taskset); "
              "50 connections; %s s per run; load average %s at start, %s at end; %s, autocannon %s, Locust from Debian's python3-locust"
              % (os.cpu_count(), cpu, mem, platform.release(), first(["dotnet", "--version"]), os.environ["PERF_DURATION"],
                 os.environ["PERF_LOAD_START"], open("/proc/loadavg").read().split()[0], first(["wrk", "-v"]).split(" [")[0],
                 first([os.environ.get("AUTOCANNON", "autocannon"), "--version"]).split()[-1]))
json.dump(dict(command=os.environ["PERF_COMMAND"], finished=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               conditions=conditions, duration=int(os.environ["PERF_DURATION"]),
               journey_reason=os.environ.get("PERF_SIM_REASON") or "no journey runs",
               raw_target=os.environ.get("PERF_RAW_KIND", "?"),
               note=os.environ.get("PERF_NOTE", "")), open(sys.argv[1], "w"))
PY

docs_args=()
[ "$WRITE_DOCS" -eq 1 ] && docs_args=(--docs "$ROOT/docs/benchmarks.md")
if [ "$SMOKE" -eq 1 ]; then
    python3 "$PERF_DIR/report/tables.py" --results "$RESULTS" --meta "$OUT/meta.json" >"$OUT/tables.md"
else
    python3 "$PERF_DIR/report/tables.py" --results "$RESULTS" --meta "$OUT/meta.json" "${docs_args[@]}"
fi
say "done in $(( $(date +%s) - started )) s"

# Smoke verdict: every generator that ran gave a rate. Our suite may be "not available yet"
# while it is being written; once it offers --scenario it must give figures too.
python3 - "$RESULTS" "$SMOKE" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
bad = [r for r in rows if not r.get("ok") and not r.get("unavailable")]
for r in bad:
    print("perf: %s %s round %s gave no rate: %s" % (r["workload"], r["tool"], r["round"], r.get("reason")))
if bad:
    sys.exit(1)
ran = sorted({"%s/%s" % (r["workload"], r["tool"]) for r in rows if r.get("ok")})
print("perf: %s: every generator that ran gave a rate (%s)" % ("smoke ok" if sys.argv[2] == "1" else "ok", ", ".join(ran)))
PY
