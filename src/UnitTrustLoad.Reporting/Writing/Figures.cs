using System.Globalization;

namespace UnitTrustLoad.Reporting.Writing;

/// <summary>How numbers read in every human-facing report: invariant culture, a sensible number of decimals.</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Milliseconds: 2 decimals below 10, 1 below 1000, none above.</summary>
    public static string Ms(double value) => value switch
    {
        _ when double.IsNaN(value) => "-",
        < 10 => value.ToString("0.00", Invariant),
        < 1000 => value.ToString("0.0", Invariant),
        _ => value.ToString("0", Invariant),
    };

    /// <summary>A rate per second.</summary>
    public static string Rate(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 100 ? "0.00" : "0.0", Invariant);

    /// <summary>A whole count.</summary>
    public static string Count(long value) => value.ToString(Invariant);

    /// <summary>A share as a percentage ("0.25%").</summary>
    public static string Percent(double share) => (share * 100).ToString(share < 0.001 && share > 0 ? "0.000" : "0.00", Invariant) + "%";

    /// <summary>Any measured value (a threshold's actual value), with up to 4 decimals.</summary>
    public static string Value(double? value) => value is { } v ? v.ToString("0.####", Invariant) : "n/a";

    /// <summary>A byte count in B, kB, MB or GB (decimal units).</summary>
    public static string Bytes(long value) => value switch
    {
        < 1_000 => value.ToString(Invariant) + " B",
        < 1_000_000 => (value / 1e3).ToString("0.0", Invariant) + " kB",
        < 1_000_000_000 => (value / 1e6).ToString("0.0", Invariant) + " MB",
        _ => (value / 1e9).ToString("0.00", Invariant) + " GB",
    };

    /// <summary>A duration as h:mm:ss (or m:ss.f under a minute's worth of detail).</summary>
    public static string Duration(TimeSpan value) =>
        value.TotalHours >= 1
            ? $"{(int)value.TotalHours}h{value.Minutes:00}m{value.Seconds:00}s"
            : value.TotalMinutes >= 1 ? $"{value.Minutes}m{value.Seconds:00}s" : value.TotalSeconds.ToString("0.0", Invariant) + "s";

    /// <summary>A scenario's warm-up as every report states it: "none", or its length and what it left out.</summary>
    public static string WarmUp(Engine.Model.WarmUpResult? warmUp)
    {
        if (warmUp is null)
        {
            return "none";
        }

        var calls = warmUp.StepCalls > 0 ? $" and {Count(warmUp.StepCalls)} step calls" : string.Empty;
        return $"{Duration(warmUp.Duration)}, left out of every figure: {Count(warmUp.Iterations)} iterations{calls}";
    }

    /// <summary>A timestamp with its zone, for example "2026-11-25 06:55:12 +03:00 (Africa/Nairobi)".</summary>
    public static string Timestamp(DateTimeOffset local, TimeZoneInfo zone) =>
        local.ToString("yyyy-MM-dd HH:mm:ss zzz", Invariant) + $" ({zone.Id})";

    /// <summary>Status codes as "200=95 500=5", most frequent first.</summary>
    public static string StatusCodes(IReadOnlyDictionary<string, long> codes)
    {
        if (codes.Count == 0)
        {
            return "-";
        }

        var ordered = new List<KeyValuePair<string, long>>(codes.Count);
        foreach (var code in codes)
        {
            if (code.Value != 0)
            {
                ordered.Add(code);
            }
        }

        ordered.Sort(static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var parts = new string[ordered.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = $"{ordered[i].Key}={ordered[i].Value.ToString(Invariant)}";
        }

        return parts.Length == 0 ? "-" : string.Join(' ', parts);
    }

    /// <summary>A signed relative change ("+4.2%"), or "new"/"-" when it cannot be computed.</summary>
    public static string Change(double current, double? baseline)
    {
        if (baseline is not { } b)
        {
            return "new";
        }

        if (b == 0)
        {
            return current == 0 ? "±0%" : "n/a";
        }

        var change = (current - b) / b * 100;
        return (change >= 0 ? "+" : string.Empty) + change.ToString("0.0", Invariant) + "%";
    }

    /// <summary>A signed change of a share in percentage points ("+0.12 pp").</summary>
    public static string PointChange(double current, double? baseline) =>
        baseline is { } b ? ((current - b) * 100 >= 0 ? "+" : string.Empty) + ((current - b) * 100).ToString("0.00", Invariant) + " pp" : "new";
}
