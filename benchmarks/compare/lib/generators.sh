# One function per load generator: each runs one measured run against TARGET_URL, pinned to core 1.
# Sourced by compare.sh. Every run appends one JSON line to $RESULTS (see report/parse_run.py).

REGISTER_PATH='/api/Investors/Register?api-version=2.0'

# The innermost process under PID (time -> timeout -> the tool, which taskset became).
leaf_pid() {
    local pid=$1 child
    while child=$(awk '{print $1}' "/proc/$pid/task/$pid/children" 2>/dev/null) && [ -n "$child" ]; do
        pid=$child
    done
    echo "$pid"
}

# measure WORKLOAD TOOL ROUND COMMAND...: runs COMMAND on core 1 under timeout, recording its CPU
# seconds and peak RSS for the whole run (GNU time), and, for runs of 5 s or more, the generator's
# and the target's CPU over a steady window (from 2.5 s after launch to the end of the duration),
# so start-up (JIT, Python imports) and report writing do not count there. Then parses the output.
measure() {
    local workload=$1 tool=$2 round=$3
    shift 3
    # PERF_VARIANT (runtime-settings.sh) tells runs of one tool under different settings apart.
    local base="$OUT/$workload-$tool${PERF_VARIANT:+-$PERF_VARIANT}-r$round" rc=0 launcher generator
    local target_before target_after window=() g0 g1 t0 t1 s0 s1
    target_before=$(process_cpu_seconds "$TARGET_PID")
    /usr/bin/time -f '%e %U %S %M' -o "$base.time" \
        timeout -k 5 $((DURATION + 40)) taskset -c 1 "$@" >"$base.out" 2>"$base.err" &
    launcher=$!
    if [ "$DURATION" -ge 5 ]; then
        sleep 2.5
        generator=$(leaf_pid "$launcher")
        g0=$(process_cpu_seconds "$generator"); t0=$(process_cpu_seconds "$TARGET_PID"); s0=$(date +%s.%N)
        sleep $((DURATION - 3))
        g1=$(process_cpu_seconds "$generator"); t1=$(process_cpu_seconds "$TARGET_PID"); s1=$(date +%s.%N)
        window=(--window "$(awk -v a="$s0" -v b="$s1" 'BEGIN{print b-a}')"
            --window-generator-cpu "$(awk -v a="$g0" -v b="$g1" 'BEGIN{print b-a}')"
            --window-target-cpu "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
    fi
    wait "$launcher" || rc=$?
    target_after=$(process_cpu_seconds "$TARGET_PID")
    python3 "$PERF_DIR/report/parse_run.py" --tool "$tool" --workload "$workload" --round "$round" \
        --base "$base" --variant "${PERF_VARIANT:-}" --exit-code "$rc" "${window[@]}" \
        --target-cpu "$(awk -v a="$target_before" -v b="$target_after" 'BEGIN{print b-a}')" >>"$RESULTS"
    tail -1 "$RESULTS" | python3 "$PERF_DIR/report/parse_run.py" --describe
    sleep "$PAUSE"
}

run_wrk() {
    PERF_BODY_FILE="$BODY_FILE" PERF_TOKEN="$TOKEN" \
        measure register wrk "$1" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$PERF_DIR/peers/register.lua" "$TARGET_URL"
}

run_hey() {
    measure register hey "$1" hey -z "${DURATION}s" -c "$CONNECTIONS" -m POST -T application/json \
        -H "Authorization: Bearer $TOKEN" -D "$BODY_FILE" "$TARGET_URL$REGISTER_PATH"
}

run_autocannon() {
    measure register autocannon "$1" "$AUTOCANNON" -c "$CONNECTIONS" -d "$DURATION" -m POST \
        -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -i "$BODY_FILE" \
        --json "$TARGET_URL$REGISTER_PATH"
}

run_locust_register() {
    PERF_BODY_FILE="$BODY_FILE" PERF_TOKEN="$TOKEN" \
        measure register locust "$1" locust -f "$PERF_DIR/peers/locustfile_register.py" --headless \
        -u "$CONNECTIONS" -r "$CONNECTIONS" --run-time "${DURATION}s" --stop-timeout 5 --host "$TARGET_URL" \
        --csv "$OUT/register-locust-r$1" --only-summary --loglevel WARNING
}

run_httpclient_loop() {
    local mode=$1 round=$2
    shift 2
    # The tuned row also has inline socket completions: the pair shows what code and runtime settings each add.
    local inline=0
    [ "$mode" = tuned ] && inline=1
    DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=${DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS:-$inline} \
        measure register "httpclient-$mode" "$round" dotnet "$LOOP_DLL" --url "$TARGET_URL$REGISTER_PATH" \
        --body "$BODY_FILE" --token "$TOKEN" --connections "$CONNECTIONS" --duration "$DURATION" --mode "$mode" "$@"
}

# Our suite at full speed: the built dll, so build time is not measured. Run from the repository root,
# where its config/ folder is. Against the raw target the ledger is off: that target keeps no balances.
run_ours() {
    local workload=$1 round=$2 client_id=$3 secret=$4
    # The same name measure gives the run, so parse_run.py finds the summary beside the run's logs.
    local out="$OUT/$workload-ours${PERF_VARIANT:+-$PERF_VARIANT}-r$round.reports" settings=()
    mkdir -p "$out"
    # The raw target keeps no balances, so the ledger check is off against it (the Locust file checks nothing either).
    [ "$workload" != journey ] && settings=(--Ledger:Enabled=false)
    (
        cd "$ROOT"
        UNITTRUSTLOAD_Auth__ClientId="$client_id" UNITTRUSTLOAD_Auth__ClientSecret="$secret" \
            measure "$workload" ours "$round" dotnet "$APP_DLL" --target "$TARGET_URL" --scenario "${workload%-raw}" \
            --vus "$CONNECTIONS" --duration "$(printf '00:00:%02d' "$DURATION")" --out "$out" "${settings[@]}"
    )
}

# run_locust_journey WORKLOAD ROUND SECRET: journey against the simulator, or journey-raw against the raw target.
run_locust_journey() {
    local workload=$1 round=$2 secret=$3
    PERF_CLIENT_ID=unittrust-load PERF_CLIENT_SECRET="$secret" \
        measure "$workload" locust "$round" locust -f "$PERF_DIR/peers/locustfile_journey.py" --headless \
        -u "$CONNECTIONS" -r "$CONNECTIONS" --run-time "${DURATION}s" --stop-timeout 5 --host "$TARGET_URL" \
        --csv "$OUT/$workload-locust-r$round" --only-summary --loglevel WARNING
}
