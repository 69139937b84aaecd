#!/usr/bin/env python3
"""Soak table from soak.sh's samples (seconds since start, RSS in KiB, CPU seconds so far): one row per minute,
and the verdict on memory: flat when the last minute's median RSS is within 5 % of the second minute's (the first
holds start-up). With --docs, replaces the block between the soak.sh markers in docs/benchmarks.md."""
import argparse
import os
import re
import statistics
import time

from tables import write_docs

BEGIN = "<!-- soak.sh:begin -->"
END = "<!-- soak.sh:end -->"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--minutes", type=int, required=True)
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--docs")
    args = parser.parse_args()
    samples = []
    with open(args.samples, encoding="utf-8") as f:
        for line in f:
            t, rss, cpu = line.strip().split(",")
            samples.append((float(t), int(rss) / 1024, float(cpu)))
    if len(samples) < 3:
        raise SystemExit("perf: error: too few samples in %s; see %s" % (args.samples, args.log))
    log = open(args.log, encoding="utf-8", errors="replace").read()
    total = re.search(r"iterations \.+: (\d+) ok=(\d+) fail=(\d+).*?([\d.]+)/s", log)
    lines = [BEGIN, "", "### Generator soak (benchmarks/compare/soak.sh)", ""]
    lines.append("Run at %s: our register scenario at full speed, %d virtual users, %d minutes, against the %s raw "
                 "target; target on core 0, suite on core 1; load average %s at the end. RSS sampled every 10 s."
                 % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), args.connections, args.minutes,
                    os.environ.get("PERF_RAW_KIND", "?"), open("/proc/loadavg").read().split()[0]))
    if total:
        lines.append("")
        lines.append("%s requests, %s failed, %s req/s on average." % (
            format(int(total.group(1)), ","), format(int(total.group(3)), ","), format(float(total.group(4)), ",.0f")))
    # The suite's own account of the load phase (see "generator" in its reports).
    for name, value in re.findall(r"(generator (?:CPU|memory|GC)) \.+: (.+)", log):
        lines.append("- %s: %s" % (name, value.strip()))
    lines += ["", "| minute | RSS MiB median | RSS MiB max | suite CPU % |", "|---|---|---|---|"]
    by_minute = {}
    for t, rss, cpu in samples:
        by_minute.setdefault(int(t // 60) + 1, []).append((t, rss, cpu))
    previous = samples[0]
    medians = {}
    for minute in sorted(by_minute):
        rows = by_minute[minute]
        last = rows[-1]
        busy = 100 * (last[2] - previous[2]) / (last[0] - previous[0]) if last[0] > previous[0] else 0
        previous = last
        medians[minute] = statistics.median(r[1] for r in rows)
        lines.append("| %d | %.0f | %.0f | %.0f |" % (minute, medians[minute], max(r[1] for r in rows), busy))
    full = [m for m in sorted(medians) if len(by_minute[m]) >= 3]
    lines.append("")
    if len(full) >= 2:
        first, last = medians[full[1] if len(full) > 2 else full[0]], medians[full[-1]]
        growth = 100 * (last - first) / first
        lines.append("Memory %s: median RSS %.0f MiB in minute %d, %.0f MiB in minute %d (%+.1f %%); peak %.0f MiB." % (
            "flat" if abs(growth) <= 5 else "NOT flat", first, full[1] if len(full) > 2 else full[0], last, full[-1],
            growth, max(s[1] for s in samples)))
    else:
        lines.append("Too short to judge flatness (fewer than two full minutes).")
    lines += ["", END]
    block = "\n".join(lines) + "\n"
    print(block)
    if args.docs:
        write_docs(args.docs, block, BEGIN, END, first=False)
        print("perf: soak table written to %s" % args.docs)


if __name__ == "__main__":
    main()
