using System.Text;

namespace UnitTrustLoad.Http;

/// <summary>
/// A POST's request line and fixed headers, encoded once: "POST /path?query HTTP/1.1", Host, Content-Type and the
/// caller's own fixed headers (<see cref="Headers"/>: an API key, a correlation id). Only a
/// <see cref="HeaderLine"/> (the token), Content-Length and the body are written per request.
/// </summary>
public sealed class HttpRequestTemplate
{
    private HttpRequestTemplate(Uri url, string contentType, IReadOnlyList<HeaderLine> headers, byte[] head)
    {
        Url = url;
        ContentType = contentType;
        Headers = headers;
        Head = head;
    }

    /// <summary>The absolute URL the request goes to.</summary>
    public Uri Url { get; }

    /// <summary>The body's media type, for example "application/json; charset=utf-8".</summary>
    public string ContentType { get; }

    /// <summary>Fixed headers sent with every request from this template (both clients send them).</summary>
    public IReadOnlyList<HeaderLine> Headers { get; }

    /// <summary>The encoded request line, Host, Content-Type and <see cref="Headers"/>, each ending in CRLF.</summary>
    internal byte[] Head { get; }

    /// <summary>A POST to <paramref name="url"/> whose body is of <paramref name="contentType"/>, with <paramref name="headers"/> on every request.</summary>
    public static HttpRequestTemplate Post(Uri url, string contentType = "application/json; charset=utf-8", IReadOnlyList<HeaderLine>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        HeaderLine.ThrowIfNotAFieldValue(contentType, nameof(contentType));
        headers ??= [];
        var text = new StringBuilder($"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: {contentType}\r\n");
        foreach (var header in headers)
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        return new HttpRequestTemplate(url, contentType, headers, Encoding.ASCII.GetBytes(text.ToString()));
    }
}
