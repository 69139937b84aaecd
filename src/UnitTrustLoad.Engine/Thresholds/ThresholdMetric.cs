namespace UnitTrustLoad.Engine.Thresholds;

/// <summary>What a threshold measures.</summary>
internal enum ThresholdMetric
{
    /// <summary>A latency percentile, in milliseconds.</summary>
    Percentile,

    /// <summary>Mean latency, ms.</summary>
    Mean,

    /// <summary>Lowest latency, ms.</summary>
    Min,

    /// <summary>Highest latency, ms.</summary>
    Max,

    /// <summary>Standard deviation of latency, ms.</summary>
    StdDev,

    /// <summary>Failed share, 0..1.</summary>
    FailRate,

    /// <summary>Invocations per second.</summary>
    Rps,

    /// <summary>Failed invocations.</summary>
    CountFail,

    /// <summary>Successful invocations.</summary>
    CountOk,

    /// <summary>All invocations.</summary>
    Count,

    /// <summary>Dropped open-model iterations.</summary>
    Dropped,

    /// <summary>A custom run-wide counter.</summary>
    Counter,
}
