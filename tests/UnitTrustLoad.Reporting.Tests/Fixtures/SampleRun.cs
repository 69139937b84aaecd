using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting;

namespace UnitTrustLoad.Reporting.Tests.Fixtures;

/// <summary>Hand-built run results with known, recognisable figures.</summary>
internal static class SampleRun
{
    public static readonly TimeZoneInfo Nairobi = TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi");

    // 2026-11-25 03:55:12 UTC = 06:55:12 in Nairobi.
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 25, 3, 55, 12, TimeSpan.Zero);

    public static readonly string[] JourneySteps = ["register", "join_fund", "purchase", "balance", "sale"];

    public static StepResult Step(string name, long ok, long fail, double rps, double p50, IReadOnlyDictionary<string, long>? codes = null) =>
        new(
            name,
            ok,
            fail,
            rps,
            new LatencyStats(p50 / 4, p50 * 1.1, p50 * 9, p50 / 2, p50, p50 * 1.3, p50 * 2, p50 * 3, p50 * 5),
            codes ?? new Dictionary<string, long> { ["200"] = ok, ["500"] = fail },
            ok * 310,
            ok * 1200);

    /// <summary>Percentile curves rising from p50/2 to the tail: successful calls to 99.9 %, failed ones (when any) slower and to 90 %.</summary>
    public static LatencyDistribution Curves(double p50, bool failures)
    {
        static List<PercentilePoint> Curve(int points, double from, double growth)
        {
            var curve = new List<PercentilePoint>(points);
            for (var i = 0; i < points; i++)
            {
                curve.Add(new PercentilePoint(100 * (1 - Math.Pow(10, -i / 16.0)), from * Math.Pow(growth, i)));
            }

            return curve;
        }

        return new LatencyDistribution(Curve(49, p50 / 2, 1.05), failures ? Curve(17, p50 * 3, 1.02) : []);
    }

    public static RunResult Create(
        int intervals = 12,
        bool failingThreshold = true,
        bool interrupted = false,
        long violations = 0,
        string testName = "journey-smoke",
        string[]? steps = null,
        int scenarios = 2,
        double speed = 1)
    {
        steps ??= JourneySteps;
        var scenarioResults = new List<ScenarioResult>();
        var names = new List<string>();
        for (var s = 0; s < scenarios; s++)
        {
            var name = s == 0 ? "journey" : $"balance_only_{s}";
            names.Add(name);
            var stepResults = new List<StepResult>();
            for (var i = 0; i < steps.Length; i++)
            {
                var p50 = (20 + (i * 7.5)) / speed;
                var step = Step(steps[i], 1000 + (i * 111), i == 2 ? 25 : 0, (16.5 + i) * speed, p50);
                stepResults.Add(step with { Distribution = Curves(p50, failures: i == 2) });
            }

            scenarioResults.Add(new ScenarioResult(
                name,
                Step(name, 990, 10, 16.5 * speed, 120 / speed) with { Distribution = Curves(120 / speed, failures: true) },
                stepResults,
                DroppedIterations: 7 + s,
                ["Inject 20/1s for 00:01:00", "Pause 00:00:05"],
                TimeSpan.FromSeconds(65)));
        }

        var thresholds = new List<ThresholdResult>
        {
            new("p(95) < 500", "journey", true, 156, null, false),
            new("fail_rate < 0.01", "journey.purchase", !failingThreshold, 0.0196, failingThreshold ? "0.0196 is not < 0.01" : null, false),
            new("consistency_violations == 0", "run", violations == 0, violations, null, false),
        };

        var series = new List<IntervalStats>();
        for (var i = 0; i < intervals; i++)
        {
            var perScenario = new List<ScenarioIntervalStats>();
            foreach (var name in names)
            {
                var stepStats = new List<StepResult>();
                for (var k = 0; k < steps.Length; k++)
                {
                    stepStats.Add(Step(steps[k], 80 + (i % 7), i % 5 == 0 ? 2 : 0, 16 + (i % 3), 20 + (k * 7.5) + (i % 11)));
                }

                perScenario.Add(new ScenarioIntervalStats(name, 5 + (i % 4), 20, i % 6 == 0 ? 1 : 0, Step(name, 80, 1, 16, 120 + (i % 13)), stepStats));
            }

            series.Add(new IntervalStats(i, TimeSpan.FromSeconds(i * 5), TimeSpan.FromSeconds(5), perScenario));
        }

        return new RunResult(
            testName,
            StartedAt,
            TimeSpan.FromSeconds(65.4),
            interrupted,
            interrupted ? "Ctrl+C" : null,
            scenarioResults,
            thresholds,
            new Dictionary<string, long> { ["consistency_checked"] = 4321, ["consistency_violations"] = violations },
            series,
            []);
    }

    /// <summary>Files the caller says it wrote beside the reports; the HTML page links those that exist.</summary>
    public static readonly string[] CallerFiles = ["investors.csv", "consistency.csv", "failures.log"];

    public static ReportContext Context(RunResult? result = null, RunSummary? baseline = null, int? exitCode = null, IReadOnlyList<CheckSummary>? checks = null)
    {
        result ??= Create();
        return new ReportContext(
            result,
            exitCode ?? (result.Interrupted ? 130 : result.ThresholdsPassed ? 0 : 99),
            Nairobi,
            [new("target", "http://127.0.0.1:5099 (embedded simulator)"), new("seed", "42"), new("scenarios", "journey, balance_only_1")],
            baseline,
            checks ?? [Consistency(result)],
            CallerFiles);
    }

    /// <summary>The caller's check as the sample's counters give it (a caller's words, not the library's).</summary>
    public static CheckSummary Consistency(RunResult result)
    {
        var compared = result.Counters.GetValueOrDefault("consistency_checked");
        var violations = result.Counters.GetValueOrDefault("consistency_violations");
        return new("consistency", compared, violations, $"{compared} balances checked against the ledger, {violations} mismatches");
    }
}
