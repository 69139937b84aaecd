#!/usr/bin/env python3
"""Turns one measured generator run into one JSON line for compare.sh's results file.

Each tool reports its own way (wrk/HttpClientLoop a PERF_JSON line, hey text, autocannon JSON,
Locust CSV, our suite summary.json); this puts them on one footing: requests, req/s, errors,
p50/p99 in ms as the tool reports them, plus CPU seconds and peak RSS from GNU time.
"""
import argparse
import glob
import json
import os
import re
import sys


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def perf_json(text):
    for line in text.splitlines():
        if line.startswith("PERF_JSON "):
            return json.loads(line[len("PERF_JSON "):])
    raise ValueError("no PERF_JSON line in the output")


def parse_wrk(base, workload):
    d = perf_json(read(base + ".out"))
    return dict(requests=d["requests"], rps=d["rps"], errors=d["errors"], p50_ms=d["p50_ms"], p99_ms=d["p99_ms"])


def parse_httpclient(base, workload):
    d = perf_json(read(base + ".out"))
    return dict(requests=d["requests"], rps=d["rps"], errors=d["errors"], p50_ms=d["p50_ms"], p99_ms=d["p99_ms"],
                alloc_bytes_per_request=d.get("alloc_bytes_per_request"))


def parse_hey(base, workload):
    text = read(base + ".out")
    rps = re.search(r"Requests/sec:\s*([\d.]+)", text)
    if not rps:
        raise ValueError("no 'Requests/sec' in hey's output")
    percentile = {p: float(s) * 1000 for p, s in re.findall(r"(\d+)%+ in ([\d.]+) secs", text)}
    ok = failed = 0
    for code, count in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text):
        if code.startswith("2"):
            ok += int(count)
        else:
            failed += int(count)
    error_section = text.split("Error distribution:", 1)
    if len(error_section) == 2:
        failed += sum(int(n) for n in re.findall(r"^\s*\[(\d+)\]", error_section[1], re.M))
    return dict(requests=ok + failed, rps=float(rps.group(1)), errors=failed,
                p50_ms=percentile.get("50"), p99_ms=percentile.get("99"))


def parse_autocannon(base, workload):
    d = json.loads(read(base + ".out"))
    errors = d.get("errors", 0) + d.get("timeouts", 0) + d.get("non2xx", 0)
    return dict(requests=d["requests"]["total"], rps=d["requests"]["average"], errors=errors,
                p50_ms=d["latency"]["p50"], p99_ms=d["latency"]["p99"])


def locust_rows(base):
    """Rows of the summary Locust prints at the end (its CSV can miss a run shorter than its write interval)."""
    text = read(base + ".err") + "\n" + read(base + ".out")
    rows = {}
    in_percentiles = False
    for line in text.splitlines():
        if line.startswith("Response time percentiles"):
            in_percentiles = True
            continue
        tokens = line.split()
        if in_percentiles:
            if len(tokens) >= 13 and tokens[-1].isdigit() and tokens[-12] != "50%":
                name = tokens[-13]
                rows.setdefault(name, {}).update({"50%": tokens[-12], "99%": tokens[-5]})
            continue
        parts = line.split("|")
        if len(parts) == 3 and parts[0].split() and parts[0].split()[-2].isdigit():
            head = parts[0].split()
            rate = parts[2].split()
            rows.setdefault(head[-3], {}).update({"Request Count": head[-2], "Failure Count": head[-1].split("(")[0],
                                                  "Requests/s": rate[0]})
    if "Aggregated" not in rows:
        raise ValueError("no final summary in Locust's output")
    return rows


def parse_locust(base, workload):
    rows = locust_rows(base)
    total = rows["Aggregated"]
    # Per-call latency of the register call, the one call both journeys and the raw workload share.
    latency = rows.get("register", total)
    number = lambda value: float(value) if value not in (None, "N/A") else None
    result = dict(requests=int(total["Request Count"]), rps=float(total["Requests/s"]),
                  errors=int(total["Failure Count"]), p50_ms=number(latency.get("50%")), p99_ms=number(latency.get("99%")))
    if workload.startswith("journey"):
        sale = rows.get("sale")
        result["iterations"] = int(sale["Request Count"]) if sale else 0
        result["iterations_per_s"] = float(sale["Requests/s"]) if sale else 0.0
    return result


def lower_keys(value):
    if isinstance(value, dict):
        return {k.lower(): lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lower_keys(v) for v in value]
    return value


def parse_ours(base, workload):
    found = sorted(glob.glob(base + ".reports/**/summary.json", recursive=True))
    if not found:
        raise ValueError("the suite wrote no summary.json under %s.reports" % os.path.basename(base))
    summary = lower_keys(json.loads(read(found[-1])))
    scenarios = summary.get("scenarios") or []
    if not scenarios:
        raise ValueError("summary.json has no scenarios")
    name = "journey" if workload.startswith("journey") else workload
    scenario = next((s for s in scenarios if str(s.get("name", "")).lower() == name), scenarios[0])
    # The engine's RunResult calls the whole iteration "total"; the report's summary.json "iterations".
    total = scenario.get("iterations") or scenario["total"]
    steps = scenario.get("steps") or []
    count = lambda s: int(s.get("okcount", 0)) + int(s.get("failcount", 0))
    fails = lambda s: int(s.get("failcount", 0))
    register = next((s for s in steps if "register" in str(s.get("name", "")).lower()), total)
    latency = register.get("latencyms") or register.get("latency") or {}
    percentile = lambda name: latency.get(name, latency.get(name + "ms"))
    iterations = count(total)
    if workload.startswith("journey") and steps:
        requests = sum(count(s) for s in steps)
        errors = sum(fails(s) for s in steps)
        rps = sum(float(s.get("rps", 0)) for s in steps)
    else:
        requests, errors, rps = iterations, fails(total), float(total.get("rps", 0))
    result = dict(requests=requests, rps=rps, errors=errors, p50_ms=percentile("p50"), p99_ms=percentile("p99"))
    # The suite reports what its load phase allocated (setting "generator GC": "..., 1,366 B per request; ...").
    for setting in summary.get("settings") or []:
        found = re.search(r"([\d,]+) B per request", str(setting.get("value", ""))) if setting.get("name") == "generator GC" else None
        if found:
            result["alloc_bytes_per_request"] = float(found.group(1).replace(",", ""))
    if workload.startswith("journey"):
        result["iterations"] = iterations
        result["iterations_per_s"] = float(total.get("rps", 0))
    return result


PARSERS = {"wrk": parse_wrk, "hey": parse_hey, "autocannon": parse_autocannon, "locust": parse_locust,
           "ours": parse_ours, "httpclient-plain": parse_httpclient, "httpclient-tuned": parse_httpclient}


def gnu_time(base):
    lines = [l for l in read(base + ".time").splitlines() if re.match(r"^[\d.]+ [\d.]+ [\d.]+ \d+$", l.strip())]
    if not lines:
        return {}
    wall, user, system, rss_kb = lines[-1].split()
    return dict(wall_s=float(wall), cpu_s=round(float(user) + float(system), 2), rss_kb=int(rss_kb))


def record(args):
    line = dict(workload=args.workload, tool=args.tool, round=args.round, exit_code=args.exit_code,
                target_cpu_s=round(args.target_cpu, 2))
    if args.variant:
        line["variant"] = args.variant
    if args.window:
        line.update(window_s=round(args.window, 2), window_generator_cpu_s=round(args.window_generator_cpu, 2),
                    window_target_cpu_s=round(args.window_target_cpu, 2))
    line.update(gnu_time(args.base))
    try:
        line.update(PARSERS[args.tool](args.base, args.workload))
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as problem:
        line.update(ok=False, reason="%s (exit %d; see %s.out/.err)" % (problem, args.exit_code, os.path.basename(args.base)))
        print(json.dumps(line))
        return
    if args.exit_code == 124:
        line.update(ok=False, reason="stopped by timeout (exit 124)")
    elif not line.get("requests") or not line.get("rps"):
        line.update(ok=False, reason="no requests completed")
    else:
        line["ok"] = True
        if args.window:
            # Steady state: the generator's CPU in the window over the requests it made there at its average rate.
            line["steady_cpu_s_per_1k"] = round(1000 * args.window_generator_cpu / (line["rps"] * args.window), 4)
    print(json.dumps(line))


def describe(line):
    d = json.loads(line)
    head = "%-8s %-17s round %s:" % (d["workload"], d.get("variant") or d["tool"], d["round"])
    if not d.get("ok"):
        return "%s NOT OK: %s" % (head, d.get("reason"))
    text = "%s %9.0f req/s" % (head, d["rps"])
    if "iterations_per_s" in d:
        text += ", %7.0f iterations/s" % d["iterations_per_s"]
    cpu = d.get("cpu_s")
    if cpu is not None:
        text += ", %.3f CPU s/1k req, %.0f MiB peak" % (cpu * 1000 / d["requests"], d["rss_kb"] / 1024)
    if d.get("window_s"):
        text += " (steady: %.3f CPU s/1k req, generator core %.0f %%, target core %.0f %%)" % (
            d["steady_cpu_s_per_1k"], 100 * d["window_generator_cpu_s"] / d["window_s"],
            100 * d["window_target_cpu_s"] / d["window_s"])
    rounded = lambda v: "n/a" if v is None else "%.2f" % v
    text += ", p50 %s ms, p99 %s ms, errors %d" % (rounded(d.get("p50_ms")), rounded(d.get("p99_ms")), d.get("errors", 0))
    if d.get("alloc_bytes_per_request") is not None:
        text += ", %.0f B allocated/req" % d["alloc_bytes_per_request"]
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--describe", action="store_true", help="print a one-line summary of the JSON line on stdin")
    parser.add_argument("--tool", choices=sorted(PARSERS))
    parser.add_argument("--workload", choices=["register", "journey", "journey-raw"])
    parser.add_argument("--round", type=int)
    parser.add_argument("--base")
    parser.add_argument("--variant", default="")
    parser.add_argument("--exit-code", type=int, default=0)
    parser.add_argument("--target-cpu", type=float, default=0.0)
    parser.add_argument("--window", type=float, default=0.0, help="seconds of the steady window")
    parser.add_argument("--window-generator-cpu", type=float, default=0.0)
    parser.add_argument("--window-target-cpu", type=float, default=0.0)
    args = parser.parse_args()
    if args.describe:
        print("  " + describe(sys.stdin.read()))
        return
    if not (args.tool and args.workload and args.round and args.base):
        parser.error("--tool, --workload, --round and --base are needed to record a run")
    record(args)


if __name__ == "__main__":
    main()
