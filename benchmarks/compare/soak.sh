#!/usr/bin/env bash
# Generator soak (issue 6): our suite's register scenario at full speed against the raw target for N minutes,
# target on core 0, suite on core 1, loopback only, with the suite's RSS and CPU sampled every 10 s. Says whether
# its memory stayed flat and writes the table into docs/benchmarks.md between the soak.sh markers.
#
#   benchmarks/compare/soak.sh                 # 10 minutes, 50 virtual users
#   benchmarks/compare/soak.sh --minutes 2 --no-docs
set -euo pipefail

PERF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$PERF_DIR/../.." && pwd)
# shellcheck source=lib/common.sh
source "$PERF_DIR/lib/common.sh"
# shellcheck source=lib/targets.sh
source "$PERF_DIR/lib/targets.sh"
# shellcheck source=lib/generators.sh
source "$PERF_DIR/lib/generators.sh"

MINUTES=10 CONNECTIONS=50 INTERVAL=10 WRITE_DOCS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) MINUTES=${2:-}; shift ;;
        --no-docs) WRITE_DOCS=0 ;;
        -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (use --minutes N, --no-docs)" ;;
    esac
    shift
done
[[ "$MINUTES" =~ ^[0-9]+$ ]] && [ "$MINUTES" -ge 1 ] && [ "$MINUTES" -le 30 ] || die "--minutes must be 1 to 30, got '$MINUTES'"
[ "$(nproc --all)" -ge 2 ] || die "needs 2 cores (target on core 0, suite on core 1)"

OUT="$PERF_DIR/.out/soak-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
TARGET_LIFETIME=$((MINUTES * 60 + 120))
trap stop_target EXIT
build_release benchmarks/compare/RawTarget/RawTarget.csproj || die "the raw target does not build (see $OUT)"
build_release src/UnitTrustLoad/UnitTrustLoad.csproj || die "the suite does not build (see $OUT)"
RAW_DLL="$PERF_DIR/RawTarget/bin/Release/net10.0/RawTarget.dll"
APP_DLL="$ROOT/src/UnitTrustLoad/bin/Release/net10.0/UnitTrustLoad.dll"
start_raw_target || die "the raw target did not start"
say "soak: ${MINUTES} min of register at full speed, ${CONNECTIONS} VUs, against the ${RAW_TARGET_KIND} raw target; output in ${OUT#"$ROOT"/}"

(
    cd "$ROOT"
    UNITTRUSTLOAD_Auth__ClientId=perf-client UNITTRUSTLOAD_Auth__ClientSecret="$(random_secret)" \
        exec timeout -k 5 $((MINUTES * 60 + 90)) taskset -c 1 dotnet "$APP_DLL" --target "$TARGET_URL" --scenario register \
        --vus "$CONNECTIONS" --duration "$(printf '%02d:%02d:00' $((MINUTES / 60)) $((MINUTES % 60)))" --out "$OUT/reports" \
        --Ledger:Enabled=false --Report:LiveView=false
) >"$OUT/suite.log" 2>&1 &
launcher=$!
sleep 1
suite=$(leaf_pid "$launcher")
: >"$OUT/samples.csv"
started=$(date +%s.%N)
while kill -0 "$suite" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$suite/status" 2>/dev/null || true)
    cpu=$(process_cpu_seconds "$suite")
    [ -n "$rss" ] && [ "$cpu" != 0 ] && echo "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'),$rss,$cpu" >>"$OUT/samples.csv"
    sleep "$INTERVAL"
done
wait "$launcher" || true
stop_target
rm -f "$OUT"/reports/*/investors.csv  # several GB after a long run; its row count is in the log below
grep -E "iterations \.|generator (CPU|memory|GC)|Exit code" "$OUT/suite.log" | head -6 || true

docs_args=()
[ "$WRITE_DOCS" -eq 1 ] && docs_args=(--docs "$ROOT/docs/benchmarks.md")
PERF_RAW_KIND="$RAW_TARGET_KIND" python3 "$PERF_DIR/report/soak_table.py" --samples "$OUT/samples.csv" --log "$OUT/suite.log" \
    --minutes "$MINUTES" --connections "$CONNECTIONS" "${docs_args[@]}"
