using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HdrHistogram;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Engine.Statistics;

/// <summary>
/// One lane of a step's live statistics. Threads pick a lane by their id, so two threads rarely share one and the
/// lane's lock is almost always uncontended; the interval flush takes the same lock to drain it.
/// </summary>
internal sealed class StatsStripe
{
    /// <summary>Distinct status codes kept per lane; later new codes are counted under <see cref="OtherStatusCodes"/>.</summary>
    public const int MaxStatusCodes = 200;

    /// <summary>The status code that collects codes beyond <see cref="MaxStatusCodes"/>.</summary>
    public const string OtherStatusCodes = "other";

    private readonly Lock _gate = new();
    // Successful calls: every latency figure and threshold judges these, as NBomber's OkLatency does.
    private readonly LongHistogram _histogram = LatencyHistogram.Create();

    // Failed calls, apart (a refused connect in 0.01 ms must not make p95 look good); made at the first failure.
    private LongHistogram? _failHistogram;
    private readonly Dictionary<string, long> _statusCodes = new(StringComparer.Ordinal);
    private long _ok;
    private long _fail;
    private long _bytesSent;
    private long _bytesReceived;

    public void Record(long microseconds, in Response response)
    {
        lock (_gate)
        {
            if (response.IsError)
            {
                (_failHistogram ??= LatencyHistogram.Create()).RecordValue(microseconds);
                _fail++;
            }
            else
            {
                _histogram.RecordValue(microseconds);
                _ok++;
            }

            _bytesSent += response.BytesSent;
            _bytesReceived += response.BytesReceived;
            string code = response.StatusCode ?? string.Empty;
            ref long count = ref CollectionsMarshal.GetValueRefOrNullRef(_statusCodes, code);
            if (Unsafe.IsNullRef(ref count))
            {
                // Status codes are meant to be few; a scenario that puts unique text in them must not grow memory.
                count = ref CollectionsMarshal.GetValueRefOrAddDefault(_statusCodes, _statusCodes.Count < MaxStatusCodes ? code : OtherStatusCodes, out _);
            }

            count++;
        }
    }

    /// <summary>Moves everything recorded so far into <paramref name="into"/> and starts this lane afresh.</summary>
    public void DrainInto(StepAccumulator into)
    {
        lock (_gate)
        {
            if (_ok == 0 && _fail == 0)
            {
                return;
            }

            into.Add(_histogram, _failHistogram, _ok, _fail, _bytesSent, _bytesReceived, _statusCodes);
            _histogram.Reset();
            _failHistogram?.Reset();
            _ok = 0;
            _fail = 0;
            _bytesSent = 0;
            _bytesReceived = 0;

            // Zero rather than clear: the keys stay, so the next interval's records allocate nothing.
            foreach (var key in _statusCodes.Keys)
            {
                _statusCodes[key] = 0;
            }
        }
    }
}
