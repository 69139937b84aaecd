using System.Globalization;

namespace UnitTrustLoad.Reporting.Csv;

/// <summary>Writes RFC 4180 CSV records with invariant-culture numbers, quoting a field only when it needs it.</summary>
internal sealed class CsvRecordWriter(TextWriter writer)
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private bool _first = true;

    public void Field(string? text)
    {
        Separator();
        text ??= string.Empty;
        if (text.IndexOfAny(NeedsQuotes) < 0 && (text.Length == 0 || (text[0] != ' ' && text[^1] != ' ')))
        {
            writer.Write(text);
            return;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    public void Field(long value)
    {
        Separator();
        Span<char> buffer = stackalloc char[24];
        writer.Write(value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) ? buffer[..written] : value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A number with up to 3 decimals (latencies are measured to the microsecond).</summary>
    public void Field(double value) => Field(value, "0.###");

    /// <summary>A number in the given invariant format; empty when it is not finite.</summary>
    public void Field(double value, string format)
    {
        Separator();
        Span<char> buffer = stackalloc char[64];
        if (!double.IsFinite(value))
        {
            return;
        }

        // Formatting into a stack buffer: timeseries.csv of a long soak has millions of fields.
        writer.Write(value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture) ? buffer[..written] : value.ToString(format, CultureInfo.InvariantCulture));
    }

    public void Fields(params ReadOnlySpan<string> texts)
    {
        foreach (var text in texts)
        {
            Field(text);
        }
    }

    public void EndRecord()
    {
        writer.Write("\r\n");
        _first = true;
    }

    private void Separator()
    {
        if (!_first)
        {
            writer.Write(',');
        }

        _first = false;
    }
}
