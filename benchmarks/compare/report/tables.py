#!/usr/bin/env python3
"""Builds the side-by-side tables from compare.sh's results file: prints them and, with --docs,
replaces the block between the compare.sh markers in docs/benchmarks.md (nothing else).

Every figure is the median of the rounds; req/s also shows min and max. "ours / this" is our
suite's rate divided by the other tool's, round by round, then median (min-max) of those ratios.
"""
import argparse
import json
import statistics
import sys

BEGIN = "<!-- compare.sh:begin -->"
END = "<!-- compare.sh:end -->"
SECTION = "## Side by side with wrk, hey, autocannon and Locust (issue 6)"

LABELS = {
    "ours": "UnitTrustLoad (ours)",
    "wrk": "wrk (Lua POST, 1 thread)",
    "hey": "hey",
    "autocannon": "autocannon",
    "locust": "Locust FastHttpUser",
    "httpclient-plain": "HttpClient loop, plain",
    "httpclient-tuned": "HttpClient loop, tuned + inline completions",
}
ORDER = ["ours", "wrk", "autocannon", "hey", "httpclient-tuned", "httpclient-plain", "locust"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return "{:,.{}f}".format(value, digits)


def spread(values, digits=0):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    if len(values) == 1:
        return fmt(values[0], digits)
    return "%s (%s–%s)" % (fmt(median(values), digits), fmt(min(values), digits), fmt(max(values), digits))


def ratios(ours, other, key):
    by_round = {r["round"]: r[key] for r in other if r.get(key)}
    return [o[key] / by_round[o["round"]] for o in ours if o.get(key) and o["round"] in by_round]


def workload_table(rows, workload, meta, out):
    mine = [r for r in rows if r["workload"] == workload]
    if not mine:
        return {}
    journey = workload.startswith("journey")
    key = "iterations_per_s" if journey else "rps"
    ok = {}
    for r in mine:
        if r.get("ok"):
            ok.setdefault(r["tool"], []).append(r)
    header = ["generator"]
    if journey:
        header += ["iterations/s median (min–max)"]
    header += ["req/s median (min–max)", "generator core busy", "CPU s / 1k req, steady", "req per CPU-s, steady",
               "CPU s / 1k req, whole run", "peak RSS MiB", "allocated B / req", "register p50 ms", "register p99 ms",
               "errors", "target core busy", "ours / this (%s)" % ("iterations/s" if journey else "req/s")]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    summary = {}
    for tool in ORDER:
        runs = ok.get(tool)
        if not runs:
            continue
        cpu_per_k = [r["cpu_s"] * 1000 / r["requests"] for r in runs if r.get("cpu_s") is not None]
        steady = [r["steady_cpu_s_per_1k"] for r in runs if r.get("steady_cpu_s_per_1k")]
        generator_busy = [100 * r["window_generator_cpu_s"] / r["window_s"] for r in runs if r.get("window_s")]
        # The steady window's figure when there is one; else the whole run's CPU over the duration.
        busy = [100 * r["window_target_cpu_s"] / r["window_s"] if r.get("window_s") else 100 * r["target_cpu_s"] / meta["duration"]
                for r in runs if r.get("target_cpu_s") is not None]
        ratio = ratios(ok.get("ours", []), runs, key) if tool != "ours" else []
        cells = [LABELS.get(tool, tool)]
        if journey:
            cells.append(spread([r.get("iterations_per_s") for r in runs]))
        cells += [spread([r["rps"] for r in runs]), (fmt(median(generator_busy)) + " %") if generator_busy else "n/a",
                  fmt(median(steady), 3), fmt(1000 / median(steady)) if steady else "n/a", fmt(median(cpu_per_k), 3),
                  fmt(median([r.get("rss_kb", 0) / 1024 for r in runs]), 0),
                  fmt(median([r.get("alloc_bytes_per_request") for r in runs]), 0),
                  fmt(median([r.get("p50_ms") for r in runs]), 2), fmt(median([r.get("p99_ms") for r in runs]), 2),
                  fmt(median([r.get("errors", 0) for r in runs]), 0), fmt(median(busy), 0) + " %",
                  spread(ratio, 2) if ratio else ("—" if tool == "ours" else "n/a")]
        out.append("| " + " | ".join(cells) + " |")
        summary[tool] = dict(rate=median([r.get(key) for r in runs]), ratio=median(ratio) if ratio else None,
                             rss=median([r.get("rss_kb") for r in runs]), target_busy=median(busy) if busy else None)
    out.append("")
    for tool in sorted({r["tool"] for r in mine if not r.get("ok")}):
        reasons = sorted({r.get("reason", "?") for r in mine if r["tool"] == tool and not r.get("ok")})
        label = LABELS.get(tool, tool)
        if tool == "ours" and any(r.get("unavailable") for r in mine if r["tool"] == tool):
            out.append("- %s: not available yet: %s" % (label, "; ".join(reasons)))
        else:
            out.append("- %s: %d run(s) gave no figures: %s" % (label, sum(1 for r in mine if r["tool"] == tool and not r.get("ok")), "; ".join(reasons)))
    return summary


def goals(register, journey, journey_raw, out):
    out.append("Goals of issue 6 (medians of this run):")
    ours = register.get("ours")
    if not ours:
        out.append("- not judged: our suite has no register figures in this run.")
    else:
        def judge(tool, text, test):
            peer = register.get(tool)
            if not peer or peer["ratio"] is None:
                out.append("- %s: no %s figures." % (text, tool))
                return
            out.append("- %s: ours / %s = %.2f, %s." % (text, tool, peer["ratio"], "met" if test(peer["ratio"]) else "NOT met"))
        judge("wrk", "at least 0.75 of wrk's rate", lambda r: r >= 0.75)
        for tool in ("autocannon", "hey", "locust"):
            judge(tool, "ahead of " + tool, lambda r: r > 1.0)
        hey = register.get("hey")
        if hey and ours.get("rss") and hey.get("rss"):
            out.append("- peak RSS at most hey's: %.0f MiB vs %.0f MiB, %s." % (
                ours["rss"] / 1024, hey["rss"] / 1024, "met" if ours["rss"] <= hey["rss"] else "NOT met"))
    for figures, where in ((journey_raw, "against the raw target, where the generators set the pace"),
                           (journey, "against the simulator, where the simulator's one core may set the pace")):
        locust = figures.get("locust")
        ours_journey = figures.get("ours")
        if ours_journey and locust and locust["ratio"] is not None:
            verdict = "met" if locust["ratio"] >= 3 else "NOT met"
            busy = ours_journey.get("target_busy")
            if locust["ratio"] < 3 and busy is not None and busy >= 90:
                # A closed-loop generator cannot make more than the target answers: with the target's core full, both
                # tools run at its capacity and the ratio measures the target, not the generators.
                verdict = "not a generator comparison: the target's core was %.0f %% busy under ours, so it set the pace" % busy
            out.append("- journey iterations/s at least 3 times Locust's, %s: %.2f, %s." % (where, locust["ratio"], verdict))
        else:
            out.append("- journey at least 3 times Locust, %s: not judged (no journey figures from both)." % where)


def build(rows, meta):
    out = [BEGIN, ""]
    out.append("Generated by `%s` at %s. Conditions: %s." % (meta["command"], meta["finished"], meta["conditions"]))
    if meta.get("note"):
        out.append("")
        out.append(meta["note"])
    out += ["", "How to read: req/s is what each tool made with core 1 as it was during the run. The steady figures "
            "come from a window from 2.5 s after launch to the end of the duration (runs of 5 s or more): \"generator core "
            "busy\" is the generator's CPU time over that window (100 % = it used all of core 1; less = it was waiting, or "
            "other processes had the core), \"CPU s / 1k req, steady\" its CPU per 1,000 requests there, and \"req per "
            "CPU-s, steady\" the rate it would make with a whole core to itself: the figure a busy machine distorts least. "
            "\"Whole run\" includes start-up (JIT, Python imports) and report writing. \"target core busy\" near 100 % "
            "means the target, not the generator, set the pace."]
    out += ["", "### Register POST at full speed, against the raw target: %s" % meta.get("raw_target", "?"), ""]
    register = workload_table(rows, "register", meta, out)
    out += ["", "### Journey against the raw target (the same five calls answered with fixed bytes; ledger check off)", ""]
    journey_raw = workload_table(rows, "journey-raw", meta, out)
    out += ["", "### Journey (token once, then register, join, purchase, balance, sale), against the simulator", ""]
    journey = workload_table(rows, "journey", meta, out)
    if not any(r["workload"] == "journey" for r in rows):
        out.append("Not measured in this run: %s" % meta.get("journey_reason", "no journey runs"))
    out.append("")
    goals(register, journey, journey_raw, out)
    out += ["", END]
    return "\n".join(out) + "\n"


def write_docs(path, block, begin=BEGIN, end=END, first=True):
    """Replaces the block between begin and end; when absent, puts it in the issue 6 section
    (first in it, or last with first=False), leaving everything else as it was."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        text = head + block.rstrip("\n") + "\n" + ("\n" + tail if tail else "")
    else:
        if SECTION not in text:
            sys.exit("perf: error: %s has no '%s' section; add it and run again" % (path, SECTION))
        head, rest = text.split(SECTION, 1)
        parts = rest.split("\n## ", 1)
        body = parts[0].replace("Not yet measured.", "").strip("\n")
        after = ("\n## " + parts[1]) if len(parts) == 2 else ""
        pieces = [block.rstrip("\n"), body] if first else [body, block.rstrip("\n")]
        text = head + SECTION + "\n\n" + "\n\n".join(p for p in pieces if p) + "\n" + ("\n" + after.lstrip("\n") if after else "")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True)
    parser.add_argument("--meta", required=True)
    parser.add_argument("--docs")
    args = parser.parse_args()
    rows = load(args.results)
    with open(args.meta, encoding="utf-8") as f:
        meta = json.load(f)
    block = build(rows, meta)
    print(block)
    if args.docs:
        write_docs(args.docs, block)
        print("perf: tables written to %s" % args.docs)


if __name__ == "__main__":
    main()
