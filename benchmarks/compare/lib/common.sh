# Shared pieces of compare.sh: messages, installing the peers, building in Release.
# Sourced, not run. Expects PERF_DIR, ROOT, OUT to be set.

say() { printf 'perf: %s\n' "$*"; }
die() { printf 'perf: error: %s\n' "$*" >&2; exit 2; }

# apt-get install of the Debian packages whose command is missing (we are root on these machines).
install_debian_peers() {
    local need=()
    command -v wrk >/dev/null 2>&1 || need+=(wrk)
    command -v hey >/dev/null 2>&1 || need+=(hey)
    command -v locust >/dev/null 2>&1 || need+=(python3-locust)
    command -v curl >/dev/null 2>&1 || need+=(curl)
    command -v taskset >/dev/null 2>&1 || need+=(util-linux)
    [ -x /usr/bin/time ] || need+=(time)
    command -v node >/dev/null 2>&1 || need+=(nodejs npm)
    [ ${#need[@]} -eq 0 ] && return 0
    say "installing ${need[*]} (apt-get)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
        >"$OUT/apt.log" 2>&1; then
        tail -15 "$OUT/apt.log" >&2
        die "could not install ${need[*]}; install them by hand (apt-get install ${need[*]}) and run again"
    fi
}

# autocannon from npm into benchmarks/compare/.tools (git-ignored), never globally.
install_autocannon() {
    AUTOCANNON="$PERF_DIR/.tools/node_modules/.bin/autocannon"
    [ -x "$AUTOCANNON" ] && return 0
    say "installing autocannon (npm, into benchmarks/compare/.tools)"
    mkdir -p "$PERF_DIR/.tools"
    if ! npm install --prefix "$PERF_DIR/.tools" --no-audit --no-fund autocannon >"$OUT/npm.log" 2>&1; then
        tail -15 "$OUT/npm.log" >&2
        die "could not install autocannon; run: npm install --prefix benchmarks/compare/.tools autocannon"
    fi
}

# dotnet build -c Release of one project; returns non-zero (log kept) instead of stopping the run.
build_release() {
    local project=$1 log
    log="$OUT/build-$(basename "$project" .csproj).log"
    if dotnet build -c Release -nologo -v quiet "$ROOT/$project" >"$log" 2>&1; then
        return 0
    fi
    say "build of $project failed, see $log"
    return 1
}

# A free loopback TCP port, from the kernel.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# CPU seconds (user + system) a process has used so far; 0 when it is gone.
process_cpu_seconds() {
    local pid=$1
    [ -r "/proc/$pid/stat" ] || { echo 0; return; }
    # Fields after the ")" so a command name with spaces cannot shift them: utime is 14, stime 15.
    awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / tck }' "/proc/$pid/stat"
}

# A random secret for the simulator, made per run and never written to the reports.
random_secret() {
    head -c 24 /dev/urandom | base64 | tr -d '/+=\n'
}
