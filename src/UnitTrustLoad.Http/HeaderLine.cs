using System.Text;

namespace UnitTrustLoad.Http;

/// <summary>
/// One request header, "Name: value\r\n", encoded once and sent with many requests (a bearer token is encoded once per
/// token, not once per request).
/// </summary>
public sealed class HeaderLine
{
    private HeaderLine(string name, string value)
    {
        Name = name;
        Value = value;
        Bytes = Encoding.ASCII.GetBytes(name + ": " + value + "\r\n");
    }

    /// <summary>The field name, for example "Authorization".</summary>
    public string Name { get; }

    /// <summary>The field value as sent.</summary>
    public string Value { get; }

    /// <summary>The encoded line, CRLF included.</summary>
    internal byte[] Bytes { get; }

    /// <summary>A header line; refuses a name or value that would break the request's framing (CR, LF, non-ASCII).</summary>
    public static HeaderLine Of(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ThrowIfNotAFieldValue(name, nameof(name));
        ThrowIfNotAFieldValue(value, nameof(value));
        return new HeaderLine(name, value);
    }

    internal static void ThrowIfNotAFieldValue(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text, parameter);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or > '\x7e' || (c < ' ' && c != '\t'))
            {
                throw new ArgumentException("A header may hold only visible ASCII, spaces and tabs (no CR or LF).", parameter);
            }
        }
    }
}
