using System.ComponentModel;
using System.Globalization;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// A duration or a range of them, as think time is written: <c>00:00:01</c> (always one second) or
/// <c>00:00:01..00:00:03</c> (a seeded draw between the two for each pause, as Locust's <c>between(1, 3)</c>).
/// </summary>
[TypeConverter(typeof(DurationRangeConverter))]
internal readonly record struct DurationRange(TimeSpan Min, TimeSpan Max)
{
    public const string Separator = "..";

    /// <summary>Both ends the same.</summary>
    public static implicit operator DurationRange(TimeSpan fixedDuration) => new(fixedDuration, fixedDuration);

    /// <summary>True when there is nothing to wait.</summary>
    public bool IsZero => Max <= TimeSpan.Zero;

    /// <summary>The point <paramref name="unit"/> (0 to 1) of the way from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public TimeSpan At(double unit) => Min == Max ? Min : Min + ((Max - Min) * unit);

    /// <summary>Reads "d" or "d..d"; false with the reason when it is neither.</summary>
    public static bool TryParse(string? text, out DurationRange range, out string error)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no value";
            return false;
        }

        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        var low = at < 0 ? text : text[..at];
        var high = at < 0 ? text : text[(at + Separator.Length)..];
        if (!TryDuration(low, out var min) || !TryDuration(high, out var max))
        {
            error = $"'{text}' is not a duration or a range of two (write 00:00:01, or 00:00:01..00:00:03 for a draw between them)";
            return false;
        }

        if (min < TimeSpan.Zero || max < min)
        {
            error = $"'{text}': a range runs from the shorter to the longer duration, neither below zero";
            return false;
        }

        range = new DurationRange(min, max);
        error = string.Empty;
        return true;
    }

    public override string ToString() => Min == Max ? Format(Min) : $"{Format(Min)}{Separator}{Format(Max)}";

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static bool TryDuration(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out value);
}

/// <summary>Lets the configuration binder read a <see cref="DurationRange"/> from its text.</summary>
internal sealed class DurationRangeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? DurationRange.TryParse(text, out var range, out var error) ? range : throw new FormatException(error)
            : base.ConvertFrom(context, culture, value);
}
