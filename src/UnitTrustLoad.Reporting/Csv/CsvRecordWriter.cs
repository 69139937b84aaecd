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
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Field(double value)
    {
        Separator();
        writer.Write(double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty);
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
