using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Tests.Thresholds;

public sealed class ThresholdParserTests
{
    [Theory]
    [InlineData("p(95) < 500", "Percentile", "p(95)", "<", 500)]
    [InlineData("p(99.9)<=2000", "Percentile", "p(99.9)", "<=", 2000)]
    [InlineData("mean < 200", "Mean", "mean", "<", 200)]
    [InlineData("min >= 0.5", "Min", "min", ">=", 0.5)]
    [InlineData("max < 3000", "Max", "max", "<", 3000)]
    [InlineData("stddev < 50", "StdDev", "stddev", "<", 50)]
    [InlineData("fail_rate < 0.01", "FailRate", "fail_rate", "<", 0.01)]
    [InlineData("rps > 100", "Rps", "rps", ">", 100)]
    [InlineData("count(fail) == 0", "CountFail", "count(fail)", "==", 0)]
    [InlineData("count(ok) != 0", "CountOk", "count(ok)", "!=", 0)]
    [InlineData("count > 10", "Count", "count", ">", 10)]
    [InlineData("dropped == 0", "Dropped", "dropped", "==", 0)]
    [InlineData("consistency_violations == 0", "Counter", "consistency_violations", "==", 0)]
    [InlineData("  p(50)   >  1e2 ", "Percentile", "p(50)", ">", 100)]
    public void Valid_forms_parse_into_metric_operator_and_limit(string text, string metric, string name, string op, double limit)
    {
        var expression = ThresholdParser.TryParse(text, out string? error);

        error.ShouldBeNull();
        expression.ShouldNotBeNull();
        expression.Metric.ShouldBe(Enum.Parse<ThresholdMetric>(metric));
        expression.MetricName.ShouldBe(name);
        expression.Operator.ShouldBe(op);
        expression.Limit.ShouldBe(limit);
        expression.Relative.ShouldBe(BaselineRelation.None);
    }

    [Theory]
    [InlineData("p(95) < baseline * 1.10", "Times", 1.10)]
    [InlineData("mean < baseline + 50", "Plus", 50)]
    [InlineData("rps > baseline - 5", "Plus", -5)]
    [InlineData("p(99) <= baseline", "Times", 1)]
    public void Baseline_forms_parse_into_a_relation(string text, string relation, double limit)
    {
        var expression = ThresholdParser.TryParse(text, out _);

        expression.ShouldNotBeNull();
        expression.Relative.ShouldBe(Enum.Parse<BaselineRelation>(relation));
        expression.Limit.ShouldBe(limit, 1e-9);
    }

    [Theory]
    [InlineData("", 1, "expected a metric name")]
    [InlineData("p(95 < 500", 6, "expected ')'")]
    [InlineData("p(101) < 5", 3, "0 < N <= 100")]
    [InlineData("p(95) 500", 7, "comparison operator")]
    [InlineData("p(95) =< 500", 7, "comparison operator")]
    [InlineData("fail_rate < abc", 13, "number or baseline")]
    [InlineData("mean < 200 ms", 12, "unexpected text")]
    [InlineData("count(bad) == 0", 7, "count(ok) or count(fail)")]
    [InlineData("p(95) < baseline * x", 20, "number after 'baseline *'")]
    [InlineData("95 < 3", 1, "not a metric")]
    public void Malformed_expressions_name_the_problem_its_position_and_the_valid_forms(string text, int position, string problem)
    {
        var expression = ThresholdParser.TryParse(text, out string? error);

        expression.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain(problem);
        error.ShouldContain($"at position {position};");
        error.ShouldContain("valid forms: p(N) OP X");
    }
}
