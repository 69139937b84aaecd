#!/usr/bin/env bash
# Which runtime settings help a .NET load generator on this machine: the HttpClient loop
# (HttpClientLoop/) and our suite's register scenario against the raw target, under one
# setting at a time, several rounds.
# Writes its table into docs/benchmarks.md between the runtime-settings.sh markers.
#
#   benchmarks/compare/runtime-settings.sh                    # 3 rounds x 8 s per setting (about 8 minutes)
#   benchmarks/compare/runtime-settings.sh --rounds 5 --duration 10 --no-docs
set -euo pipefail

PERF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$PERF_DIR/../.." && pwd)
# shellcheck source=lib/common.sh
source "$PERF_DIR/lib/common.sh"
# shellcheck source=lib/targets.sh
source "$PERF_DIR/lib/targets.sh"
# shellcheck source=lib/generators.sh
source "$PERF_DIR/lib/generators.sh"

ROUNDS=3 DURATION=8 WRITE_DOCS=1 CONNECTIONS=50 PAUSE=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS=${2:-}; shift ;;
        --duration) DURATION=${2:-}; shift ;;
        --no-docs) WRITE_DOCS=0 ;;
        -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (use --rounds N, --duration S, --no-docs)" ;;
    esac
    shift
done
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] || die "--rounds must be 1 to 20, got '$ROUNDS'"
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 15 ] || die "--duration must be 1 to 15 s, got '$DURATION'"

OUT="$PERF_DIR/.out/settings-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
BODY_FILE="$PERF_DIR/register-body.json"
TOKEN=perf-token
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
trap stop_target EXIT
load_at_start=$(cut -d' ' -f1 /proc/loadavg)

install_debian_peers
build_release benchmarks/compare/RawTarget/RawTarget.csproj || die "the raw target does not build (see $OUT)"
build_release benchmarks/compare/HttpClientLoop/HttpClientLoop.csproj || die "the HttpClient loop does not build (see $OUT)"
RAW_DLL="$PERF_DIR/RawTarget/bin/Release/net10.0/RawTarget.dll"
LOOP_DLL="$PERF_DIR/HttpClientLoop/bin/Release/net10.0/HttpClientLoop.dll"
APP_DLL="$ROOT/src/UnitTrustLoad/bin/Release/net10.0/UnitTrustLoad.dll"
# Our suite's register scenario under the same settings, once it builds and offers --scenario.
OURS=1
{ build_release src/UnitTrustLoad/UnitTrustLoad.csproj && timeout 60 dotnet "$APP_DLL" --help 2>&1 | grep -q -- "--scenario"; } \
    || { OURS=0; say "our suite is left out: it does not build or offer --scenario yet"; }

# name | mode | environment (space-separated NAME=VALUE) | extra HttpClientLoop arguments
VARIANTS=(
    "plain|plain|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0|"
    "plain+inline|plain|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1|"
    "tuned|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0|"
    "tuned+inline|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1|"
    "tuned+inline+noPGO|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_TieredPGO=0|"
    "tuned+inline+noTiering|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_TieredCompilation=0|"
    "tuned+inline+serverGC|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_gcServer=1|"
    "tuned+inline+nonConcurrentGC|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_gcConcurrent=0|"
    "tuned+inline+gen0=64MiB|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_GCgen0size=0x4000000|"
    "tuned+inline+minThreads=50|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1|--min-threads 50"
    "tuned+inline+1socketThread|tuned|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT=1|"
)
# name | environment: our suite's register scenario, as the app sets itself up, then one change at a time.
OURS_VARIANTS=(
    "ours|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0"
    "ours+inline|DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1"
    "ours+noTiering|DOTNET_TieredCompilation=0"
    "ours+serverGC|DOTNET_gcServer=1"
    "ours+nonConcurrentGC|DOTNET_gcConcurrent=0"
)
[ "$OURS" -eq 1 ] || OURS_VARIANTS=()

say "runtime settings: $(( ${#VARIANTS[@]} + ${#OURS_VARIANTS[@]} )) settings x $ROUNDS round(s) x $DURATION s; output in ${OUT#"$ROOT"/}"
start_raw_target || die "the raw target did not start"
for round in $(seq 1 "$ROUNDS"); do
    for variant in "${VARIANTS[@]}"; do
        IFS='|' read -r name mode environment extra <<<"$variant"
        # A subshell per run so one setting never leaks into the next.
        # shellcheck disable=SC2086 # the environment and extra arguments are word lists on purpose
        (export $environment; PERF_VARIANT=$name; run_httpclient_loop "$mode" "$round" $extra)
    done
    for variant in ${OURS_VARIANTS[@]+"${OURS_VARIANTS[@]}"}; do
        IFS='|' read -r name environment <<<"$variant"
        # shellcheck disable=SC2086
        (export $environment; PERF_VARIANT=$name; run_ours register "$round" perf-client "$(random_secret)")
    done
done
stop_target

export PERF_ROUNDS=$ROUNDS PERF_DURATION=$DURATION PERF_LOAD_START=$load_at_start
docs_args=()
[ "$WRITE_DOCS" -eq 1 ] && docs_args=(--docs "$ROOT/docs/benchmarks.md")
python3 "$PERF_DIR/report/settings_table.py" --results "$RESULTS" "${docs_args[@]}"
