#!/usr/bin/env python3
"""Table of runtime-settings.sh: the HttpClient loop under one runtime setting at a time.
Prints it and, with --docs, replaces the block between the runtime-settings.sh markers."""
import argparse
import os
import platform
import time

from tables import fmt, load, median, spread, write_docs

BEGIN = "<!-- runtime-settings.sh:begin -->"
END = "<!-- runtime-settings.sh:end -->"


def build(rows):
    variants = []
    for r in rows:
        if r.get("variant") and r["variant"] not in variants:
            variants.append(r["variant"])
    # Each family (the HttpClient loop, our suite) is compared with its own first, default row.
    base_rate = {}
    for family, first in (("httpclient", "plain"), ("ours", "ours")):
        base_rate[family] = median([r["rps"] for r in rows if r.get("variant") == first and r.get("ok")])
    out = [BEGIN, "", "### Runtime settings for a .NET generator (benchmarks/compare/runtime-settings.sh)", ""]
    out.append("Generated at %s: HttpClientLoop (50 workers) against the raw target, target on core 0, loop on core 1, "
               "%s round(s) of %s s per setting, rounds interleaved; Linux %s, %d cores; load average %s at start, %s at end. "
               "`plain` is HttpClient.PostAsync as most people write it; `tuned` is HttpMessageInvoker, no Activity "
               "propagation, the answer drained into a reused buffer; `ours` is the suite's register scenario (50 VUs, ledger off)." % (
                   time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.environ.get("PERF_ROUNDS", "?"),
                   os.environ.get("PERF_DURATION", "?"), platform.release(), os.cpu_count(),
                   os.environ.get("PERF_LOAD_START", "?"), open("/proc/loadavg").read().split()[0]))
    out += ["", "| setting | req/s median (min–max) | vs first row of its kind | generator core busy | CPU s / 1k req, steady | CPU s / 1k req, whole run | peak RSS MiB | p50 ms | p99 ms | allocated B / req |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name in variants:
        runs = [r for r in rows if r.get("variant") == name and r.get("ok")]
        if not runs:
            out.append("| %s | no figures | | | | | | | | |" % name)
            continue
        rate = median([r["rps"] for r in runs])
        base = base_rate["ours" if runs[0]["tool"] == "ours" else "httpclient"]
        busy = [100 * r["window_generator_cpu_s"] / r["window_s"] for r in runs if r.get("window_s")]
        steady = [r["steady_cpu_s_per_1k"] for r in runs if r.get("steady_cpu_s_per_1k")]
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, spread([r["rps"] for r in runs]), ("%.2f" % (rate / base)) if base else "n/a",
            (fmt(median(busy)) + " %") if busy else "n/a", fmt(median(steady), 3),
            fmt(median([r["cpu_s"] * 1000 / r["requests"] for r in runs if r.get("cpu_s") is not None]), 3),
            fmt(median([r.get("rss_kb", 0) / 1024 for r in runs])), fmt(median([r.get("p50_ms") for r in runs]), 2),
            fmt(median([r.get("p99_ms") for r in runs]), 2), fmt(median([r.get("alloc_bytes_per_request") for r in runs]))))
    out += ["", END]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True)
    parser.add_argument("--docs")
    args = parser.parse_args()
    block = build(load(args.results))
    print(block)
    if args.docs:
        write_docs(args.docs, block, BEGIN, END, first=False)
        print("perf: table written to %s" % args.docs)


if __name__ == "__main__":
    main()
