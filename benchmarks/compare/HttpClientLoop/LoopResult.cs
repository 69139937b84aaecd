using System.Globalization;

namespace HttpClientLoop;

/// <summary>The figures of one run, printed as the one JSON line compare.sh reads.</summary>
internal sealed record LoopResult(long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, double AllocatedBytesPerRequest)
{
    public string ToJsonLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"PERF_JSON {{\"requests\":{Requests},\"seconds\":{Elapsed.TotalSeconds:F3},\"rps\":{Requests / Elapsed.TotalSeconds:F1}," +
        $"\"p50_ms\":{P50Ms:F3},\"p99_ms\":{P99Ms:F3},\"errors\":{Errors},\"alloc_bytes_per_request\":{AllocatedBytesPerRequest:F0}}}");
}
