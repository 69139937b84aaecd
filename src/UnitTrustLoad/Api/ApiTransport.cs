using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Http;

namespace UnitTrustLoad.Api;

/// <summary>
/// JSON over either HTTP client: writes the body, sends it with the token, and reads the answer through the one
/// answer reader of its operation, whichever client carried it. The promised status is OK, anything else a failure
/// under its <see cref="CallStatus"/>; a sample of failures per operation and status goes to <see cref="FailureLog"/>.
/// </summary>
internal sealed class ApiTransport(IHttpTransport http, FailureLog failures) : IDisposable
{
    private volatile AuthorizationHeader? _authorization;

    /// <summary>Which HTTP client carries the calls, for the report's settings.</summary>
    public string Description => http.Description;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ApiResult<TResponse>> SendAsync<TRequest, TResponse>(
        ApiOperation operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        AccessToken token,
        ICallObserver? observer,
        CancellationToken cancellationToken)
    {
        var header = AuthorizationFor(token);
        var answer = await http.PostAsync(operation.Request, header, new JsonBody<TRequest>(body, requestType), cancellationToken).ConfigureAwait(false);
        if (MaySendAgain(answer))
        {
            // A keep-alive connection no server read the request from: it is sent once more (on another
            // connection), and counted.
            answer.Dispose();
            observer?.Resent(operation.ResendCounter);
            answer = await http.PostAsync(operation.Request, header, new JsonBody<TRequest>(body, requestType), cancellationToken).ConfigureAwait(false);
        }

        using (answer)
        {
            return Read(operation, answer, responseType);
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>
    /// RFC 9110 section 9.2.2: a request that is not idempotent may be sent again only when the server cannot have
    /// received it: a reused connection failed before any byte of it was written. Once a byte left, the server may
    /// have carried it out (an unknown outcome), and sending it again could do it twice. That holds even when the
    /// server's close is seen right after the write (<see cref="WireOutcome.ClosedBeforeRequest"/>): a server that read
    /// the request and then hung up looks just the same from here (a test caught the suite sending such a POST twice),
    /// so that is a failure too. The check before reuse keeps it rare.
    /// </summary>
    internal static bool MaySendAgain(in HttpAnswer answer)
        => answer.ConnectionReused
            && !answer.RequestWritten && answer.Outcome is WireOutcome.ClosedBeforeAnswer or WireOutcome.ConnectionError;

    private ApiResult<TResponse> Read<TResponse>(ApiOperation operation, in HttpAnswer answer, JsonTypeInfo<TResponse> responseType)
    {
        var sent = answer.BytesSent;
        switch (answer.Outcome)
        {
            case WireOutcome.Answered:
                break;
            case WireOutcome.Timeout:
                failures.Record(operation.Name, "POST", operation.PathAndQuery, CallStatus.Timeout, answer.Error);
                return ApiResult<TResponse>.Fail(CallStatus.Timeout, answer.Error ?? "no answer within the request timeout", sent);
            case WireOutcome.Malformed:
                failures.Record(operation.Name, "POST", operation.PathAndQuery, CallStatus.InvalidResponse, answer.Error);
                return ApiResult<TResponse>.Fail(CallStatus.InvalidResponse, answer.Error, sent);
            default:
                failures.Record(operation.Name, "POST", operation.PathAndQuery, CallStatus.ConnectionError, answer.Error);
                return ApiResult<TResponse>.Fail(CallStatus.ConnectionError, answer.Error, sent);
        }

        var status = answer.Status;
        var statusText = CallStatus.Of(status);
        var received = answer.BodyLength;
        if (status != operation.ExpectedStatus)
        {
            // The body is decoded only for the sampled few; a 401 is retried, so it is not a failure yet.
            if (status != (int)HttpStatusCode.Unauthorized && failures.Reserve(operation.Name, statusText))
            {
                failures.Write(operation.Name, "POST", operation.PathAndQuery, statusText, Encoding.UTF8.GetString(answer.Body));
            }

            return ApiResult<TResponse>.Fail(statusText, null, sent, received);
        }

        TResponse? value;
        try
        {
            value = answer.BodyLength == 0 ? default : JsonSerializer.Deserialize(answer.Body, responseType);
        }
        catch (JsonException ex)
        {
            failures.Record(operation.Name, "POST", operation.PathAndQuery, CallStatus.InvalidBody, ex.Message);
            return ApiResult<TResponse>.Fail(CallStatus.InvalidBody, ex.Message, sent, received);
        }

        return value is null
            ? ApiResult<TResponse>.Fail(CallStatus.InvalidBody, "empty body", sent, received)
            : ApiResult<TResponse>.Ok(value, statusText, sent, received);
    }

    private HeaderLine AuthorizationFor(AccessToken token)
    {
        var current = _authorization;
        if (current is not null && ReferenceEquals(current.Token, token))
        {
            return current.Line;
        }

        // A new token (or, during a refresh, an older one still in flight): encode once and share.
        var header = new AuthorizationHeader(token, HeaderLine.Of("Authorization", token.Authorization));
        _authorization = header;
        return header.Line;
    }

    private sealed record AuthorizationHeader(AccessToken Token, HeaderLine Line);
}
