using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Tests.Console;

/// <summary>A short run as the console views see it: a journey with two steps over two 5-s intervals.</summary>
internal static class ProgressViews
{
    public static RunInfo Info { get; } = new(
        "journey",
        new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero),
        [new ScenarioInfo("journey", ["KeepConstant 4 copies during 00:00:10"])],
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(10));

    public static IntervalStats Interval(int index, long ok, long failed) => new(
        index,
        TimeSpan.FromSeconds(5 * index),
        TimeSpan.FromSeconds(5),
        [
            new ScenarioIntervalStats(
                "journey",
                4,
                0,
                0,
                Step("journey", ok, failed, 40.0),
                [Step("register", ok, failed, 4.2), Step("purchase", ok, 0, 7.5)]),
        ]);

    public static RunResult Result { get; } = new("journey", Info.StartedAt, TimeSpan.FromSeconds(10), false, null, [], [], new Dictionary<string, long>(), [], []);

    private static StepResult Step(string name, long ok, long failed, double p50)
    {
        var codes = new Dictionary<string, long> { ["201"] = ok };
        if (failed > 0)
        {
            codes["500"] = failed;
        }

        return new StepResult(name, ok, failed, (ok + failed) / 5.0, new LatencyStats(1, p50, p50 * 4, 1, p50, p50 * 1.5, p50 * 2, p50 * 3, p50 * 4), codes, ok * 400, ok * 100);
    }
}
