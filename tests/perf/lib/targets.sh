# The servers generators are pointed at, each pinned to core 0 and bounded in time.
# Sourced by compare.sh. Sets TARGET_PID (the dotnet process) and TARGET_URL.

TARGET_LIFETIME=${TARGET_LIFETIME:-1800}

# start_target NAME READY_METHOD READY_PATH DLL ARGS...: starts DLL on core 0 and waits until READY_PATH answers 2xx.
start_target() {
    local name=$1 method=$2 ready_path=$3 dll=$4
    shift 4
    local port wrapper
    port=$(free_port)
    TARGET_URL="http://127.0.0.1:$port"
    (cd "$(dirname "$dll")" && exec taskset -c 0 timeout -k 5 "$TARGET_LIFETIME" dotnet "$dll" --urls "$TARGET_URL" "$@") \
        >"$OUT/target-$name.log" 2>&1 &
    wrapper=$!
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

start_raw_target() {
    start_target raw POST /core/connect/token "$RAW_DLL"
}

# A fresh simulator with its own database and a secret made for this run only.
start_simulator() {
    local run=$1
    SIM_SECRET=$(random_secret)
    # The secret goes through the environment, not the command line, so ps and logs never show it.
    Simulator__ClientSecret=$SIM_SECRET start_target "sim-$run" GET /health "$SIM_DLL" \
        "--Simulator:DatabasePath=$OUT/sim-$run.db" --Logging:LogLevel:Default=Warning
}
