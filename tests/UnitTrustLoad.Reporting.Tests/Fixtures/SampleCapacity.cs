using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Reporting.Tests.Fixtures;

/// <summary>Capacity searches with known figures: a target that breaks between 200/s and 210/s, and a starved generator.</summary>
internal static class SampleCapacity
{
    private static CapacityStep Step(int rate, double achieved, double p95, bool passed, bool generatorLimited = false, long dropped = 0) => new(
        rate,
        achieved,
        p95 / 1.2,
        p95,
        p95 * 1.1,
        passed ? 0 : 0.002,
        dropped,
        passed,
        generatorLimited,
        0.4,
        [new ThresholdResult("p(95) < 100", "register", p95 < 100, p95, p95 < 100 ? null : $"p(95) was {p95}, required < 100", false)]);

    /// <summary>80, 160 pass; 320, 240 fail; 200 passes; 220, 210 fail: 200/s sustained, 210/s breaks on p(95).</summary>
    public static CapacityResult TargetLimited() => new(
        "register",
        200,
        210,
        "target",
        "p(95) < 100",
        "p(95) was 111.9, required < 100",
        CapacityEnd.Resolution,
        TimeSpan.FromSeconds(16),
        [Step(80, 79.9, 23.5, true), Step(160, 159.9, 24.1, true), Step(320, 200.1, 730.6, false), Step(240, 200.1, 337.7, false),
            Step(200, 199.9, 25.7, true), Step(220, 200.1, 193.8, false), Step(210, 200.3, 111.9, false)]);

    /// <summary>40 passes; 80 drops a tenth of its arrivals: no capacity named.</summary>
    public static CapacityResult GeneratorLimited() => new(
        "register",
        40,
        null,
        "generator",
        null,
        null,
        CapacityEnd.Generator,
        TimeSpan.FromSeconds(4),
        [Step(40, 40, 20, true), Step(80, 72, 22, false, generatorLimited: true, dropped: 16)]);

    /// <summary>A sample run (one scenario) that was a capacity search.</summary>
    public static ReportContext Context(CapacityResult capacity)
    {
        var result = SampleRun.Create(steps: ["register"], failingThreshold: false, scenarios: 1, testName: "register-capacity") with { Capacity = capacity };
        return SampleRun.Context(result, exitCode: capacity.NamedCapacity ? 0 : 99);
    }
}
