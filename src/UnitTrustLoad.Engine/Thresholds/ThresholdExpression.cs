namespace UnitTrustLoad.Engine.Thresholds;

/// <summary>A parsed threshold: <c>metric OP value</c>, where value is a number or relative to a baseline.</summary>
/// <param name="Text">The expression as written.</param>
/// <param name="Metric">What is measured.</param>
/// <param name="MetricName">The metric as written in canonical form ("p(95)", "mean", a counter name); the baseline key.</param>
/// <param name="Percentile">For <see cref="ThresholdMetric.Percentile"/>: 0 &lt; N ≤ 100.</param>
/// <param name="Operator">The comparison: &lt; &lt;= &gt; &gt;= == !=.</param>
/// <param name="Limit">The number, or the factor/addend applied to the baseline.</param>
/// <param name="Relative">How <paramref name="Limit"/> relates to the baseline.</param>
internal sealed record ThresholdExpression(
    string Text,
    ThresholdMetric Metric,
    string MetricName,
    double Percentile,
    string Operator,
    double Limit,
    BaselineRelation Relative)
{
    /// <summary>Whether <paramref name="actual"/> satisfies the comparison against <paramref name="limit"/>.</summary>
    public bool Holds(double actual, double limit) => Operator switch
    {
        "<" => actual < limit,
        "<=" => actual <= limit,
        ">" => actual > limit,
        ">=" => actual >= limit,
        "==" => actual == limit,
        _ => actual != limit,
    };
}

/// <summary>How the right-hand side relates to a baseline.</summary>
internal enum BaselineRelation
{
    /// <summary>A plain number.</summary>
    None,

    /// <summary><c>baseline * F</c> (plain <c>baseline</c> is F = 1).</summary>
    Times,

    /// <summary><c>baseline + N</c> (or <c>- N</c>, stored negative).</summary>
    Plus,
}
