using System.Text;

namespace UnitTrustLoad.Api.Transport;

/// <summary>
/// An operation's request line and fixed headers, encoded once: "POST /path?api-version=2.0 HTTP/1.1", Host and
/// Content-Type. Authorization and Content-Length are the only parts written per request.
/// </summary>
internal sealed class RequestHead(ApiOperation operation, byte[] bytes)
{
    public ApiOperation Operation { get; } = operation;

    public byte[] Bytes { get; } = bytes;

    public static RequestHead For(ApiOperation operation)
    {
        var url = operation.Url;
        var text = $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json; charset=utf-8\r\n";
        return new RequestHead(operation, Encoding.ASCII.GetBytes(text));
    }
}
