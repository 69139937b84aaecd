using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting.Benchmarks;

/// <summary>A generated long run: realistic, non-repeating figures over many intervals (seeded, so sizes repeat).</summary>
internal static class SoakRun
{
    public static RunResult Create(TimeSpan duration, TimeSpan interval, int scenarios, int steps, int seed = 7)
    {
        var random = new Random(seed);
        var count = (int)(duration / interval);
        var names = new string[scenarios];
        var stepNames = new string[steps];
        for (var s = 0; s < scenarios; s++)
        {
            names[s] = $"scenario_{s + 1}";
        }

        for (var k = 0; k < steps; k++)
        {
            stepNames[k] = $"step_{k + 1}";
        }

        var intervals = new List<IntervalStats>(count);
        for (var i = 0; i < count; i++)
        {
            var perScenario = new List<ScenarioIntervalStats>(scenarios);
            foreach (var name in names)
            {
                var stepStats = new List<StepResult>(steps);
                foreach (var step in stepNames)
                {
                    stepStats.Add(Step(step, random, interval));
                }

                perScenario.Add(new ScenarioIntervalStats(name, 50 + random.Next(10), 100, random.Next(3), Step(name, random, interval), stepStats));
            }

            intervals.Add(new IntervalStats(i, interval * i, interval, perScenario));
        }

        var results = new List<ScenarioResult>(scenarios);
        foreach (var name in names)
        {
            var stepResults = new List<StepResult>(steps);
            foreach (var step in stepNames)
            {
                stepResults.Add(Step(step, random, duration));
            }

            results.Add(new ScenarioResult(name, Step(name, random, duration), stepResults, 12, ["Inject 100/1s for 05:00:00"], duration));
        }

        return new RunResult(
            "soak-5h",
            new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            duration,
            false,
            null,
            results,
            [new ThresholdResult("p(95) < 500", names[0], true, 123.4, null, false)],
            new Dictionary<string, long> { ["consistency_checked"] = 1_800_000, ["consistency_violations"] = 0 },
            intervals,
            []);
    }

    private static StepResult Step(string name, Random random, TimeSpan span)
    {
        var p50 = 20 + (random.NextDouble() * 30);
        var ok = (long)(span.TotalSeconds * 100) - random.Next(5);
        var fail = random.Next(3);
        return new StepResult(
            name,
            ok,
            fail,
            (ok + fail) / span.TotalSeconds,
            new LatencyStats(p50 / 3, p50 * 1.2, p50 * 12.3, p50 / 2.1, p50, p50 * 1.37, p50 * 2.41, p50 * 3.77, p50 * 6.1),
            new Dictionary<string, long> { ["200"] = ok, ["500"] = fail },
            ok * 312,
            ok * 1187);
    }
}
