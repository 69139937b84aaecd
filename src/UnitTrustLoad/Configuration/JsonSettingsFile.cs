using System.Text;
using System.Text.Json;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Reads a settings file the way the configuration's JSON provider will (comments and trailing commas allowed, an object
/// at the top, no key twice in one object) before it is layered, so a mistake is named by file, line, column and the
/// token found there rather than by the provider's "Could not parse the JSON file".
/// </summary>
internal static class JsonSettingsFile
{
    private const string Advice = "a missing comma, quote or brace, or one too many, is the usual cause";

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Null when the file can be layered; otherwise the one problem, with where it is and how to fix it.</summary>
    public static string? Problem(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{path}: cannot be read ({ex.Message}); check the path and its permissions.";
        }

        var json = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        try
        {
            return Walk(json, path);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var bytePosition = (int)(ex.BytePositionInLine ?? 0);
            var offset = LineStart(json, line) + bytePosition;
            // The reader stops inside a bad literal ("tree" at its "e"): name the word from its start.
            var lineStart = offset - bytePosition;
            var wordStart = offset;
            var inWord = offset < json.Length && IsWordByte(json[offset]);
            while (inWord && wordStart > lineStart && IsWordByte(json[wordStart - 1]))
            {
                wordStart--;
            }

            bytePosition -= offset - wordStart;
            offset = wordStart;
            var reason = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            return $"{At(json, path, offset, line, bytePosition)}: the JSON is malformed at {Token(json, offset)} ({reason}); fix it there ({Advice}).";
        }
    }

    private static string? Walk(byte[] json, string path)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var keys = new Stack<HashSet<string>>();
        var first = true;
        while (reader.Read())
        {
            if (first)
            {
                first = false;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    return $"{At(json, path, start)}: the settings must be one JSON object ({{ \"Section\": {{ \"Key\": value }} }}), "
                        + $"not {Token(json, start)}; wrap them in braces.";
                }
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    break;
                case JsonTokenType.EndObject:
                    keys.Pop();
                    break;
                case JsonTokenType.PropertyName when !keys.Peek().Add(reader.GetString() ?? ""):
                    var key = (int)reader.TokenStartIndex;
                    return $"{At(json, path, key)}: the key {Token(json, key)} appears twice in the same object (keys ignore case); keep one.";
            }
        }

        return first ? $"{path}: the file is empty; write the settings as one JSON object ({{ }} at least)." : null;
    }

    private static bool IsWordByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'+';

    /// <summary>"path: line L, column C", both counted from 1, the column in characters.</summary>
    private static string At(byte[] json, string path, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return At(json, path, offset, line, offset - lineStart);
    }

    private static string At(byte[] json, string path, int offset, int line, int bytePosition)
    {
        var start = Math.Max(0, Math.Min(offset, json.Length) - bytePosition);
        var column = Encoding.UTF8.GetCharCount(json, start, Math.Min(bytePosition, json.Length - start)) + 1;
        return $"{path}: line {line + 1}, column {column}";
    }

    private static int LineStart(byte[] json, int line)
    {
        var offset = 0;
        for (var seen = 0; seen < line && offset < json.Length; offset++)
        {
            if (json[offset] == (byte)'\n')
            {
                seen++;
            }
        }

        return offset;
    }

    /// <summary>The token starting at <paramref name="offset"/>, quoted, as the user wrote it.</summary>
    private static string Token(byte[] json, int offset)
    {
        if (offset >= json.Length)
        {
            return "the end of the file";
        }

        var end = offset + 1;
        if (json[offset] == (byte)'"')
        {
            while (end < json.Length && json[end] != (byte)'"' && json[end] != (byte)'\n')
            {
                end += json[end] == (byte)'\\' ? 2 : 1;
            }

            end = Math.Min(json.Length, end + 1);
        }
        else if ("{}[],:"u8.IndexOf(json[offset]) < 0)
        {
            while (end < json.Length && end - offset < 40 && !char.IsWhiteSpace((char)json[end]) && "{}[],:\""u8.IndexOf(json[end]) < 0)
            {
                end++;
            }
        }

        return $"'{Encoding.UTF8.GetString(json, offset, end - offset).Trim()}'";
    }
}
