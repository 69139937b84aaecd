using System.Globalization;
using System.Text;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// The one reader of durations, wherever a user writes one (the command line, config files, environment variables):
/// k6's units (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>, <c>1.5s</c>) or a clock <c>h:mm:ss</c>/<c>hh:mm:ss</c>
/// (with optional <c>.fff</c> seconds and a <c>d.</c> day prefix, as .NET writes them). A bare number (<c>30</c>) or a
/// two-part clock (<c>1:30</c>) is refused: .NET reads them as 30 days and 90 minutes, which nobody means.
/// </summary>
internal static class DurationText
{
    /// <summary>The forms that work, for messages.</summary>
    public const string Forms = "30s, 5m, 1h30m, 500ms or hh:mm:ss (00:05:00)";

    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
    ];

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says why and which forms work.</summary>
    public static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            error = $"a duration is needed: write {Forms}";
            return false;
        }

        if (s[0] == '-')
        {
            error = $"'{s}' is negative: a duration is 0 or more, written {Forms}";
            return false;
        }

        var ok = s.Contains(':', StringComparison.Ordinal) ? TryClock(s, out value, out error) : TryUnits(s, out value, out error);
        return ok;
    }

    /// <summary>Like <see cref="TryParse(string?, out TimeSpan, out string)"/>, for callers without a message to give.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>Writes a duration the way <see cref="TryParse(string?, out TimeSpan, out string)"/> reads it: 1h30m15s, 500ms, 0s.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Duration();
        }

        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (value.Minutes > 0)
        {
            builder.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var subSecondTicks = value.Ticks % TimeSpan.TicksPerSecond;
        if (subSecondTicks % TimeSpan.TicksPerMillisecond == 0 && value.Seconds == 0 && subSecondTicks > 0 && builder.Length == 0)
        {
            return builder.Append(value.Milliseconds.ToString(CultureInfo.InvariantCulture)).Append("ms").ToString();
        }

        if (value.Seconds > 0 || subSecondTicks > 0)
        {
            var seconds = value.Seconds + (subSecondTicks / (decimal)TimeSpan.TicksPerSecond);
            builder.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s');
        }

        return builder.ToString();
    }

    private static bool TryUnits(string s, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{s}' has no unit: write {Forms}";
            return false;
        }

        decimal ticks = 0;
        var i = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"'{s}' is not a duration: write {Forms}";
                return false;
            }

            var unit = Unit(s, i);
            if (unit is null)
            {
                error = $"'{s}' is not a duration (units are h, m, s and ms): write {Forms}";
                return false;
            }

            if (!seen.Add(unit.Value.Unit))
            {
                error = $"'{s}' names '{unit.Value.Unit}' twice: write {Forms}";
                return false;
            }

            ticks += amount * unit.Value.Ticks;
            i += unit.Value.Unit.Length;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = $"'{s}' is too long a duration";
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    private static (string Unit, long Ticks)? Unit(string s, int at)
    {
        foreach (var unit in Units)
        {
            if (string.CompareOrdinal(s, at, unit.Unit, 0, unit.Unit.Length) == 0)
            {
                var end = at + unit.Unit.Length;
                // "m" must not swallow the "m" of "ms".
                if (end == s.Length || char.IsAsciiDigit(s[end]) || s[end] == '.')
                {
                    return unit;
                }
            }
        }

        return null;
    }

    private static bool TryClock(string s, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        var parts = s.Split(':');
        if (parts.Length == 2)
        {
            error = $"'{s}' is ambiguous (minutes:seconds or hours:minutes?): write {Forms}, for example 1m30s or 1h30m";
            return false;
        }

        var days = 0;
        var hoursText = parts[0];
        var dot = hoursText.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            if (!int.TryParse(hoursText.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out days))
            {
                error = $"'{s}' is not a duration: write {Forms}";
                return false;
            }

            hoursText = hoursText[(dot + 1)..];
        }

        var secondsText = parts.Length == 3 ? parts[2] : "";
        var fraction = 0m;
        var secondsDot = secondsText.IndexOf('.', StringComparison.Ordinal);
        if (secondsDot >= 0)
        {
            if (!decimal.TryParse("0" + secondsText[secondsDot..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out fraction)
                || secondsText.Length - secondsDot - 1 is < 1 or > 7)
            {
                error = $"'{s}' is not a duration: write {Forms}";
                return false;
            }

            secondsText = secondsText[..secondsDot];
        }

        if (parts.Length != 3
            || hoursText.Length is < 1 or > 2 || !int.TryParse(hoursText, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || secondsText.Length != 2 || !int.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            error = $"'{s}' is not a duration: write {Forms}";
            return false;
        }

        if (minutes > 59 || seconds > 59 || (dot >= 0 && hours > 23))
        {
            error = $"'{s}' is not a clock time (minutes and seconds go up to 59{(dot >= 0 ? ", hours after a day up to 23" : "")}): write {Forms}";
            return false;
        }

        error = "";
        value = new TimeSpan(days, hours, minutes, seconds) + TimeSpan.FromTicks((long)Math.Round(fraction * TimeSpan.TicksPerSecond));
        return true;
    }
}
