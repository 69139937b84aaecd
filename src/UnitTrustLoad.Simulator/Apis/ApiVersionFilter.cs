using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace UnitTrustLoad.Simulator.Apis;

/// <summary>
/// Enforces the api-version query parameter of one operation. Missing or unsupported versions get a
/// 400 problem naming the supported version (in the detail and in "supportedVersions"), and every
/// answer reports it in the api-supported-versions header, as Asp.Versioning does.
/// </summary>
internal sealed class ApiVersionFilter(string supported) : IEndpointFilter
{
    public const string Parameter = "api-version";

    private readonly decimal _supported = decimal.Parse(supported, CultureInfo.InvariantCulture);
    private readonly string[] _supportedList = [supported];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers["api-supported-versions"] = supported;
        var values = http.Request.Query[Parameter];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return ValueTask.FromResult<object?>(Reject(
                "missing-api-version",
                "API version required.",
                $"Add the query parameter {Parameter}={supported}; this operation supports version {supported}."));
        }

        var requested = values[0]!;
        if (values.Count > 1
            || !decimal.TryParse(requested, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version)
            || version != _supported)
        {
            return ValueTask.FromResult<object?>(Reject(
                "unsupported-api-version",
                "API version not supported.",
                $"{Parameter} '{values}' is not supported by this operation; use {Parameter}={supported}."));
        }

        return next(context);
    }

    private ProblemHttpResult Reject(string problem, string title, string detail)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: detail,
            type: Problems.TypeBase + problem,
            extensions: new Dictionary<string, object?> { ["supportedVersions"] = _supportedList });
}
