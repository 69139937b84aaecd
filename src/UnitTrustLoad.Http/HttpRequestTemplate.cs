using System.Text;

namespace UnitTrustLoad.Http;

/// <summary>
/// A POST's request line and fixed headers, encoded once: "POST /path?query HTTP/1.1", Host and Content-Type. Only a
/// <see cref="HeaderLine"/> (the token), Content-Length and the body are written per request.
/// </summary>
public sealed class HttpRequestTemplate
{
    private HttpRequestTemplate(Uri url, string contentType, byte[] head)
    {
        Url = url;
        ContentType = contentType;
        Head = head;
    }

    /// <summary>The absolute URL the request goes to.</summary>
    public Uri Url { get; }

    /// <summary>The body's media type, for example "application/json; charset=utf-8".</summary>
    public string ContentType { get; }

    /// <summary>The encoded request line, Host and Content-Type, each ending in CRLF.</summary>
    internal byte[] Head { get; }

    /// <summary>A POST to <paramref name="url"/> whose body is of <paramref name="contentType"/>.</summary>
    public static HttpRequestTemplate Post(Uri url, string contentType = "application/json; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(url);
        HeaderLine.ThrowIfNotAFieldValue(contentType, nameof(contentType));
        var text = $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: {contentType}\r\n";
        return new HttpRequestTemplate(url, contentType, Encoding.ASCII.GetBytes(text));
    }
}
