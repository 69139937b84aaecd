/* Draws the report's charts with the inlined uPlot from the data block; makes no request of any kind. */
(function () {
  "use strict";
  var palette = ["#2f5d9e", "#d9822b", "#1a7f37", "#8e44ad", "#c62828", "#00838f", "#6d4c41", "#546e7a", "#ad1457", "#9e9d24"];
  var charts = [];

  // "1:05", "1:02:05"; with tenths ("0:05.5") when a short run's fine intervals put ticks between whole seconds.
  function clock(seconds, tenths) {
    var whole = Math.floor(seconds + 1e-6);
    var s = tenths ? whole : Math.round(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var mm = (h > 0 && m < 10 ? "0" : "") + m, ss = (r < 10 ? "0" : "") + r;
    var tail = tenths ? "." + Math.round((seconds - whole) * 10) % 10 : "";
    return (h > 0 ? h + ":" + mm + ":" + ss : mm + ":" + ss) + tail;
  }

  function fractional(values) {
    for (var i = 0; i < values.length; i++) { if (Math.abs(values[i] - Math.round(values[i])) > 1e-6) { return true; } }
    return false;
  }

  function number(v, digits) {
    if (v == null || isNaN(v)) { return "-"; }
    return v.toFixed(digits);
  }

  function hasData(columns) {
    for (var i = 0; i < columns.length; i++) {
      var c = columns[i];
      for (var j = 0; j < c.length; j++) { if (c[j] != null && c[j] !== 0) { return true; } }
    }
    return false;
  }

  function widthOf(el) {
    return Math.max(260, Math.floor(el.clientWidth - 20));
  }

  function draw(holder, title, time, lines, yLabel, digits, rightScale, xAxis) {
    var box = document.createElement("div");
    box.className = "chart";
    var head = document.createElement("div");
    head.className = "chart-head";
    var h = document.createElement("h4");
    h.textContent = title;
    head.appendChild(h);
    box.appendChild(head);
    holder.appendChild(box);
    var plot = document.createElement("div");
    box.appendChild(plot);
    var state = { box: box, plot: plot, uplot: null, time: time, yLabel: yLabel, digits: digits, rightScale: rightScale, xAxis: xAxis };
    render(state, lines);
    charts.push(state);
    return state;
  }

  function render(state, lines) {
    state.lines = lines;
    if (state.uplot) { state.uplot.destroy(); state.uplot = null; }
    state.plot.textContent = "";
    var columns = lines.map(function (l) { return l.values; });
    if (state.time.length === 0 || !hasData(columns)) {
      var empty = document.createElement("div");
      empty.className = "empty";
      empty.textContent = "Nothing to show: no values in this run.";
      state.plot.appendChild(empty);
      return;
    }
    var tenths = fractional(state.time);
    var xAxis = state.xAxis;
    var series = [{ label: xAxis ? xAxis.label : "time", value: function (u, v) { return v == null ? "-" : xAxis ? xAxis.format(v) : clock(v, tenths); } }];
    lines.forEach(function (l, i) {
      series.push({
        label: l.label,
        stroke: l.color || palette[i % palette.length],
        width: l.width || 1.6,
        scale: l.scale || "y",
        dash: l.dash,
        spanGaps: false,
        points: { show: state.time.length < 60 },
        value: function (u, v) { return number(v, l.digits != null ? l.digits : state.digits); }
      });
    });
    var axes = [
      { label: xAxis ? xAxis.label : undefined,
        values: function (u, splits) { var t = fractional(splits); return splits.map(function (s) { return xAxis ? xAxis.format(s) : clock(s, t); }); }, stroke: "#5b6675", grid: { stroke: "#eef1f4" } },
      { label: state.yLabel, stroke: "#5b6675", size: 60, grid: { stroke: "#eef1f4" } }
    ];
    var scales = { x: { time: false }, y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.08 : 1]; } } };
    if (state.rightScale) {
      axes.push({ scale: state.rightScale.scale, label: state.rightScale.label, side: 1, stroke: "#5b6675", size: 60, grid: { show: false } });
      scales[state.rightScale.scale] = { range: function (u, min, max) { return [0, max > 0 ? max * 1.08 : 1]; } };
    }
    var opts = {
      width: widthOf(state.box),
      height: 220,
      series: series,
      axes: axes,
      scales: scales,
      legend: { live: true },
      cursor: { drag: { x: true, y: false } }
    };
    state.uplot = new uPlot(opts, [state.time].concat(columns), state.plot);
  }

  function latencyLines(source) {
    return [
      { label: "p50", values: source.p50, color: "#2f5d9e" },
      { label: "p95", values: source.p95, color: "#d9822b" },
      { label: "p99", values: source.p99, color: "#c62828" }
    ];
  }

  // A capacity search's knee: each step's percentiles and failure rate against the rate it offered, and what the
  // target achieved against what was offered (the dashed line is "achieved = offered").
  function capacityCharts(holder, capacity) {
    var perSecond = { label: "offered/s", format: function (v) { return number(v, 0) + "/s"; } };
    draw(holder, "Latency and failures against the offered rate", capacity.rate,
      latencyLines(capacity).concat([{ label: "failed %", values: capacity.fail, color: "#6a1b9a", scale: "pct", dash: [4, 4], digits: 2 }]),
      "ms", 1, { scale: "pct", label: "failed %" }, perSecond);
    draw(holder, "Achieved against offered throughput", capacity.rate, [
      { label: "achieved/s", values: capacity.achieved, color: "#2f5d9e", digits: 1 },
      { label: "offered/s", values: capacity.rate, color: "#9aa5b1", dash: [6, 4], digits: 0 }
    ], "per second", 1, null, perSecond);
  }

  function scenarioCharts(holder, data, scenario) {
    var time = data.time;
    var rps = [{ label: "iterations/s", values: scenario.total.rps, color: "#1c2430", width: 2.2 }];
    scenario.steps.forEach(function (s, i) { rps.push({ label: s.name, values: s.rps, color: palette[(i + 1) % palette.length] }); });
    draw(holder, "Throughput (per second)", time, rps, "per second", 2);

    var latency = draw(holder, "Latency percentiles (ms)", time, latencyLines(scenario.total), "ms", 1);
    if (scenario.steps.length > 0) {
      var select = document.createElement("select");
      select.setAttribute("aria-label", "Latency of");
      var all = document.createElement("option");
      all.value = "-1";
      all.textContent = "whole iteration";
      select.appendChild(all);
      scenario.steps.forEach(function (s, i) {
        var o = document.createElement("option");
        o.value = String(i);
        o.textContent = "step: " + s.name;
        select.appendChild(o);
      });
      select.addEventListener("change", function () {
        var i = parseInt(select.value, 10);
        render(latency, latencyLines(i < 0 ? scenario.total : scenario.steps[i]));
      });
      latency.box.querySelector(".chart-head").appendChild(select);
    }

    var failures = [{ label: "failed iterations", values: scenario.total.fail, color: "#c62828", width: 2.2, digits: 0 },
      { label: "dropped iterations", values: scenario.dropped, color: "#9a6700", dash: [6, 4], digits: 0 }];
    scenario.steps.forEach(function (s, i) { failures.push({ label: s.name, values: s.fail, color: palette[(i + 1) % palette.length], digits: 0 }); });
    draw(holder, "Failures and dropped iterations per interval", time, failures, "count", 0);

    var openModel = hasData([scenario.target]);
    var load = [{ label: openModel ? "in flight" : "virtual users", values: scenario.active, color: "#2f5d9e", width: 2, digits: 0 }];
    if (openModel) {
      load.push({ label: "target rate /s", values: scenario.target, color: "#d9822b", scale: "rate", digits: 1 });
    }
    draw(holder, openModel ? "Arrival rate and iterations in flight" : "Virtual users", time, load, openModel ? "in flight" : "VUs", 0,
      openModel ? { scale: "rate", label: "per second" } : null);
  }

  // HdrHistogram's percentile distribution: x is log10(1/(1-p)), so 0 %, 90 %, 99 %, 99.9 % ... are evenly spaced.
  function nines(percentile) { return -Math.log10(1 - percentile / 100); }

  function percentileLabel(x) {
    var p = 100 * (1 - Math.pow(10, -x));
    var digits = Math.max(0, Math.ceil(x - 2 - 1e-9));
    return (x <= 1e-9 ? "0" : p.toFixed(Math.min(digits + (Math.abs(x - Math.round(x)) < 1e-9 ? 0 : 2), 6))) + "%";
  }

  function curveColumns(curve) {
    var xs = [], ys = [];
    if (curve) {
      for (var i = 0; i < curve.p.length; i++) {
        if (curve.ms[i] != null && curve.p[i] < 100) { xs.push(nines(curve.p[i])); ys.push(curve.ms[i]); }
      }
    }
    return [xs, ys];
  }

  function drawDistribution(holder, title, distribution) {
    var box = document.createElement("div");
    box.className = "chart distribution";
    var head = document.createElement("div");
    head.className = "chart-head";
    var h = document.createElement("h4");
    h.textContent = title;
    head.appendChild(h);
    box.appendChild(head);
    holder.appendChild(box);
    var plot = document.createElement("div");
    box.appendChild(plot);
    var ok = curveColumns(distribution && distribution.ok);
    var failed = curveColumns(distribution && distribution.failed);
    var state = { box: box, plot: plot, uplot: null };
    charts.push(state);
    if (ok[0].length === 0 && failed[0].length === 0) {
      var empty = document.createElement("div");
      empty.className = "empty";
      empty.textContent = "Nothing to show: no calls in this run.";
      plot.appendChild(empty);
      return state;
    }
    var parts = [], series = [{ label: "percentile", value: function (u, v) { return v == null ? "-" : percentileLabel(v); } }];
    [[ok, "successful", "#2f5d9e"], [failed, "failed", "#c62828"]].forEach(function (c) {
      if (c[0][0].length === 0) { return; }
      parts.push(c[0]);
      series.push({ label: c[1], stroke: c[2], width: 1.8, spanGaps: true, points: { show: false },
        value: function (u, v) { return number(v, 1); } });
    });
    var data = parts.length === 1 ? parts[0] : uPlot.join(parts);
    var maxX = 0;
    data[0].forEach(function (x) { if (x > maxX) { maxX = x; } });
    var decades = Math.max(1, Math.ceil(maxX - 1e-9));
    var opts = {
      width: widthOf(box),
      height: 220,
      series: series,
      axes: [
        { stroke: "#5b6675", grid: { stroke: "#eef1f4" },
          splits: function () { var s = []; for (var d = 0; d <= decades; d++) { s.push(d); } return s; },
          values: function (u, splits) { return splits.map(percentileLabel); } },
        { label: "ms", stroke: "#5b6675", size: 60, grid: { stroke: "#eef1f4" } }
      ],
      scales: { x: { time: false, range: function () { return [0, decades]; } },
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.08 : 1]; } } },
      legend: { live: true },
      cursor: { drag: { x: true, y: false } }
    };
    state.uplot = new uPlot(opts, data, plot);
    return state;
  }

  function distributionCharts(holder, scenario) {
    if (scenario.steps.length === 0) {
      drawDistribution(holder, "Whole iteration: latency by percentile (ms)", scenario.total.distribution);
      return;
    }
    scenario.steps.forEach(function (s) {
      drawDistribution(holder, "Step " + s.name + ": latency by percentile (ms)", s.distribution);
    });
  }

  function resizeAll() {
    charts.forEach(function (c) { if (c.uplot) { c.uplot.setSize({ width: widthOf(c.box), height: 220 }); } });
  }

  function start() {
    var block = document.getElementById("report-data");
    if (!block || typeof uPlot === "undefined") { return; }
    var data = JSON.parse(block.textContent);
    var knee = document.getElementById("capacity-charts");
    if (knee && data.capacity) { capacityCharts(knee, data.capacity); }
    data.scenarios.forEach(function (scenario, i) {
      var holder = document.getElementById("charts-" + i);
      if (holder) { scenarioCharts(holder, data, scenario); }
      var distribution = document.getElementById("distribution-" + i);
      if (distribution) { distributionCharts(distribution, scenario); }
    });
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(resizeAll, 150);
    });
    window.addEventListener("beforeprint", resizeAll);
    window.addEventListener("afterprint", resizeAll);
    if (window.matchMedia) {
      var print = window.matchMedia("print");
      if (print.addEventListener) { print.addEventListener("change", resizeAll); }
    }
    document.documentElement.setAttribute("data-charts", String(charts.length));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
