using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Output;

namespace UnitTrustLoad.Api.Transport;

/// <summary>
/// Sends one API request with a given token and reads its answer into a <see cref="Response{T}"/>: the expected status is
/// OK, anything else (timeouts and connection errors included) a failure under its code, never an exception, except
/// that a cancelled run's token surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
internal interface IApiTransport : IDisposable
{
    /// <summary>"lean" or "httpclient", for the report's settings.</summary>
    string Name { get; }

    ValueTask<Response<TResponse>> SendAsync<TRequest, TResponse>(
        ApiOperation operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        AccessToken token,
        FailureLog failures,
        CancellationToken cancellationToken);
}
