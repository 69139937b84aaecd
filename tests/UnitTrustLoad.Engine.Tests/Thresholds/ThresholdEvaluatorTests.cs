using System.Diagnostics;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Statistics;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Tests.Thresholds;

public sealed class ThresholdEvaluatorTests
{
    /// <summary>1..1000 ms once each, 10 of them failed, over 10 s.</summary>
    private static ThresholdSubject Uniform()
    {
        var recorder = new StepRecorder("s", Stopwatch.Frequency);
        for (int ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(ms * Stopwatch.Frequency / 1000, ms % 100 == 0 ? Response.Fail("500") : Response.Ok());
        }

        var stats = new StepAccumulator();
        recorder.DrainInto(stats);
        return new ThresholdSubject(stats, TimeSpan.FromSeconds(10), Dropped: 3);
    }

    private static Model.ThresholdResult Evaluate(string text, ThresholdSubject subject, Func<string, string, double?>? baseline = null, long counter = 0)
    {
        var expression = ThresholdParser.TryParse(text, out string? error) ?? throw new InvalidOperationException(error);
        return ThresholdEvaluator.Evaluate(new Threshold(text, "checkout"), expression, subject, _ => counter, baseline);
    }

    [Theory]
    [InlineData("p(95) < 960", true, 950)]
    [InlineData("p(95) < 940", false, 950)]
    [InlineData("p(99.9) <= 1000", true, 999)]
    [InlineData("mean < 500", false, 500.5)]
    [InlineData("min == 1", true, 1)]
    [InlineData("max >= 999", true, 999)] // 1000 ms is a failed call: latency judges successful calls
    [InlineData("stddev < 300", true, 288.7)]
    [InlineData("fail_rate <= 0.01", true, 0.01)]
    [InlineData("fail_rate < 0.01", false, 0.01)]
    [InlineData("rps > 99", true, 100)]
    [InlineData("count(fail) == 0", false, 10)]
    [InlineData("count(ok) == 990", true, 990)]
    [InlineData("count == 1000", true, 1000)]
    [InlineData("dropped == 0", false, 3)]
    public void Metrics_are_measured_in_milliseconds_rates_and_counts(string text, bool passed, double actual)
    {
        var result = Evaluate(text, Uniform());

        result.Passed.ShouldBe(passed);
        result.Actual!.Value.ShouldBe(actual, Math.Max(0.001, actual * 0.001));
        result.Scope.ShouldBe("checkout");
        if (passed)
        {
            result.Message.ShouldBeNull();
        }
        else
        {
            result.Message.ShouldNotBeNull();
        }
    }

    [Fact]
    public void A_baseline_relative_limit_uses_the_baseline_of_the_same_scope_and_metric()
    {
        string? askedScope = null;
        string? askedMetric = null;
        var result = Evaluate("p(95) < baseline * 1.10", Uniform(), (scope, metric) =>
        {
            (askedScope, askedMetric) = (scope, metric);
            return 900;
        });

        askedScope.ShouldBe("checkout");
        askedMetric.ShouldBe("p(95)");
        result.Passed.ShouldBeTrue();
        Evaluate("p(95) < baseline + 40", Uniform(), (_, _) => 900).Passed.ShouldBeFalse();
    }

    [Fact]
    public void A_missing_baseline_fails_the_threshold_and_says_so()
    {
        var result = Evaluate("p(95) < baseline * 1.10", Uniform(), (_, _) => null);

        result.Passed.ShouldBeFalse();
        result.Message!.ShouldContain("no baseline value for p(95)");
        Evaluate("mean < baseline", Uniform(), baseline: null).Message!.ShouldContain("no baseline value");
    }

    [Fact]
    public void A_custom_counter_is_compared_by_name()
    {
        Evaluate("consistency_violations == 0", Uniform(), counter: 2).Passed.ShouldBeFalse();
        Evaluate("consistency_violations == 0", Uniform(), counter: 0).Passed.ShouldBeTrue();
    }

    [Fact]
    public void A_scope_that_recorded_nothing_fails_with_a_reason()
    {
        var result = Evaluate("p(95) < 500", new ThresholdSubject(null, TimeSpan.FromSeconds(1), 0));

        result.Passed.ShouldBeFalse();
        result.Actual.ShouldBeNull();
        result.Message!.ShouldContain("recorded nothing");
    }
}
