using System.Net;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Http;

namespace UnitTrustLoad.Api;

/// <summary>The five operations' URLs, built once from the base URL, paths and api-versions.</summary>
internal sealed class ApiEndpoints
{
    public ApiEndpoints(Uri baseUrl, TargetOptions target, IReadOnlyList<RequestHeader>? headers = null, string? acceptEncoding = null)
    {
        var lines = new List<HeaderLine>();
        foreach (var header in headers ?? [])
        {
            lines.Add(HeaderLine.Of(header.Name, header.Value));
        }

        if (acceptEncoding is not null)
        {
            // Both clients decode what this asks for (Http11Client, HttpClientTransport).
            lines.Add(HeaderLine.Of("Accept-Encoding", acceptEncoding));
        }

        Register = Build(baseUrl, "register", target.Register, HttpStatusCode.Created, lines);
        JoinFund = Build(baseUrl, "join-fund", target.JoinFund, HttpStatusCode.OK, lines);
        Purchase = Build(baseUrl, "purchase", target.Purchase, HttpStatusCode.OK, lines);
        FetchBalance = Build(baseUrl, "balance", target.FetchBalance, HttpStatusCode.OK, lines);
        Sell = Build(baseUrl, "sale", target.Sell, HttpStatusCode.OK, lines);
    }

    public ApiOperation Register { get; }

    public ApiOperation JoinFund { get; }

    public ApiOperation Purchase { get; }

    public ApiOperation FetchBalance { get; }

    public ApiOperation Sell { get; }

    private static ApiOperation Build(Uri baseUrl, string name, OperationOptions operation, HttpStatusCode expected, IReadOnlyList<HeaderLine> headers)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        var url = new Uri($"{root}{operation.Path}?api-version={Uri.EscapeDataString(operation.ApiVersion)}", UriKind.Absolute);
        return new ApiOperation(name, url, (int)expected, headers);
    }
}
