using HdrHistogram;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Statistics;

/// <summary>Statistics of one step over a span (an interval or the whole run), built off the hot path.</summary>
internal sealed class StepAccumulator
{
    private readonly Dictionary<string, long> _statusCodes = new(StringComparer.Ordinal);

    /// <summary>Latencies of the successful calls: what every latency figure and threshold judges.</summary>
    public LongHistogram Histogram { get; } = LatencyHistogram.Create();

    /// <summary>Latencies of the failed calls, apart; null until one failed.</summary>
    public LongHistogram? FailHistogram { get; private set; }

    public long Ok { get; private set; }

    public long Fail { get; private set; }

    public long Count => Ok + Fail;

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    public void Add(HistogramBase histogram, HistogramBase? failHistogram, long ok, long fail, long bytesSent, long bytesReceived, Dictionary<string, long> statusCodes)
    {
        Histogram.Add(histogram);
        if (failHistogram is { TotalCount: > 0 })
        {
            (FailHistogram ??= LatencyHistogram.Create()).Add(failHistogram);
        }

        Ok += ok;
        Fail += fail;
        BytesSent += bytesSent;
        BytesReceived += bytesReceived;
        foreach (var (code, count) in statusCodes)
        {
            if (count != 0)
            {
                _statusCodes[code] = _statusCodes.GetValueOrDefault(code) + count;
            }
        }
    }

    public void Add(StepAccumulator other) =>
        Add(other.Histogram, other.FailHistogram, other.Ok, other.Fail, other.BytesSent, other.BytesReceived, other._statusCodes);

    public void Reset()
    {
        Histogram.Reset();
        FailHistogram?.Reset();
        Ok = 0;
        Fail = 0;
        BytesSent = 0;
        BytesReceived = 0;
        _statusCodes.Clear();
    }

    /// <summary>The result model for this span; <paramref name="span"/> is the time the counts were gathered over.</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="span">The time the counts were gathered over.</param>
    /// <param name="withDistribution">True for the run's totals: adds the percentile curves (<see cref="StepResult.Distribution"/>).</param>
    public StepResult ToResult(string name, TimeSpan span, bool withDistribution = false)
    {
        double seconds = span.TotalSeconds;
        double rps = seconds > 0 ? Count / seconds : 0;
        return new StepResult(
            name,
            Ok,
            Fail,
            rps,
            LatencyHistogram.Describe(Histogram),
            new Dictionary<string, long>(_statusCodes, StringComparer.Ordinal),
            BytesSent,
            BytesReceived)
        {
            FailLatency = FailHistogram is { TotalCount: > 0 } failed ? LatencyHistogram.Describe(failed) : null,
            Distribution = withDistribution ? LatencyCurve.Of(Histogram, FailHistogram) : null,
        };
    }
}
