using System.Net;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Api;

/// <summary>The five operations' URLs, built once from the base URL, paths and api-versions.</summary>
internal sealed class ApiEndpoints
{
    public ApiEndpoints(Uri baseUrl, TargetOptions target)
    {
        Register = Build(baseUrl, "register", target.Register, HttpStatusCode.Created);
        JoinFund = Build(baseUrl, "join-fund", target.JoinFund, HttpStatusCode.OK);
        Purchase = Build(baseUrl, "purchase", target.Purchase, HttpStatusCode.OK);
        FetchBalance = Build(baseUrl, "balance", target.FetchBalance, HttpStatusCode.OK);
        Sell = Build(baseUrl, "sale", target.Sell, HttpStatusCode.OK);
    }

    public ApiOperation Register { get; }

    public ApiOperation JoinFund { get; }

    public ApiOperation Purchase { get; }

    public ApiOperation FetchBalance { get; }

    public ApiOperation Sell { get; }

    private static ApiOperation Build(Uri baseUrl, string name, OperationOptions operation, HttpStatusCode expected)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        var url = new Uri($"{root}{operation.Path}?api-version={Uri.EscapeDataString(operation.ApiVersion)}", UriKind.Absolute);
        return new ApiOperation(name, url, (int)expected);
    }
}
