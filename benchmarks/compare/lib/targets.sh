# The servers generators are pointed at, each pinned to core 0 and bounded in time.
# Sourced by compare.sh. Sets TARGET_PID (the dotnet process) and TARGET_URL.

TARGET_LIFETIME=${TARGET_LIFETIME:-1800}

# start_target NAME READY_METHOD READY_PATH DLL ARGS...: starts DLL on core 0 and waits until READY_PATH answers 2xx.
start_target() {
    local name=$1 method=$2 ready_path=$3 dll=$4
    shift 4
    local port
    port=$(free_port)
    TARGET_URL="http://127.0.0.1:$port"
    (cd "$(dirname "$dll")" && exec taskset -c 0 timeout -k 5 "$TARGET_LIFETIME" dotnet "$dll" --urls "$TARGET_URL" "$@") \
        >"$OUT/target-$name.log" 2>&1 &
    await_target "$name" "$method" "$ready_path" $!
}

# await_target NAME READY_METHOD READY_PATH WRAPPER_PID: waits until TARGET_URL's READY_PATH answers 2xx.
await_target() {
    local name=$1 method=$2 ready_path=$3 wrapper=$4
    TARGET_PID=""
    local code answered=0
    for _ in $(seq 1 150); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -X "$method" --max-time 2 "$TARGET_URL$ready_path" 2>/dev/null) || true
        if [[ "$code" == 2* ]]; then
            # The server is timeout's child; read only now, once it answers, so no short-lived pid is taken.
            TARGET_PID=$(awk '{print $1}' "/proc/$wrapper/task/$wrapper/children" 2>/dev/null || true)
            TARGET_WRAPPER=$wrapper
            return 0
        fi
        # A server that is up but keeps refusing the ready path (404) lacks it: no use waiting 30 s.
        [[ "$code" == [45]* ]] && answered=$((answered + 1))
        [ "$answered" -ge 25 ] && break
        kill -0 "$wrapper" 2>/dev/null || break
        sleep 0.2
    done
    kill "$wrapper" 2>/dev/null || true
    wait "$wrapper" 2>/dev/null || true
    say "$name did not answer $method $ready_path with 2xx (last HTTP status ${code:-none}; log: ${OUT#"$ROOT"/}/target-$name.log)"
    return 1
}

stop_target() {
    [ -n "${TARGET_WRAPPER:-}" ] || return 0
    kill "$TARGET_WRAPPER" 2>/dev/null || true
    wait "$TARGET_WRAPPER" 2>/dev/null || true
    TARGET_WRAPPER=""
    TARGET_PID=""
}

# The raw target: the C one (rawc/raw_target.c, one thread, epoll) when a C compiler is at hand, else the Kestrel one
# (RawTarget/). Pinned to one core, Kestrel answered 25,000-45,000 register POSTs a second here, with its core full:
# the target, not the generators, then set the pace. The C one answers wrk's 60,000-70,000 with its core 70 % busy.
start_raw_target() {
    if [ -z "${RAW_C:-}" ] && [ "${PERF_RAW_TARGET:-c}" = c ] && command -v cc >/dev/null 2>&1; then
        mkdir -p "$PERF_DIR/.tools"
        if cc -O2 -Wall -o "$PERF_DIR/.tools/raw_target" "$PERF_DIR/rawc/raw_target.c" >"$OUT/build-raw_target.log" 2>&1; then
            RAW_C="$PERF_DIR/.tools/raw_target"
        else
            say "the C raw target does not build (see ${OUT#"$ROOT"/}/build-raw_target.log); using the Kestrel one"
            RAW_C=none
        fi
    fi
    if [ -n "${RAW_C:-}" ] && [ "$RAW_C" != none ]; then
        RAW_TARGET_KIND="C (benchmarks/compare/rawc, one epoll thread)"
        local port
        port=$(free_port)
        TARGET_URL="http://127.0.0.1:$port"
        (exec taskset -c 0 timeout -k 5 "$TARGET_LIFETIME" "$RAW_C" "$port" "$TARGET_LIFETIME") >"$OUT/target-raw.log" 2>&1 &
        await_target raw POST /core/connect/token $!
        return
    fi
    RAW_TARGET_KIND="Kestrel (benchmarks/compare/RawTarget)"
    # Inline completions let its UnsafePreferInlineScheduling handle requests on the epoll thread.
    DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 start_target raw POST /core/connect/token "$RAW_DLL"
}

# A fresh simulator with its own database and a secret made for this run only.
start_simulator() {
    local run=$1
    SIM_SECRET=$(random_secret)
    # The secret goes through the environment, not the command line, so ps and logs never show it.
    Simulator__ClientSecret=$SIM_SECRET start_target "sim-$run" GET /health "$SIM_DLL" \
        "--Simulator:DatabasePath=$OUT/sim-$run.db" --Logging:LogLevel:Default=Warning
}
