using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Output;

namespace UnitTrustLoad.Api.Transport;

/// <summary>The API over the shared, tuned <see cref="HttpClient"/>: used for https:// targets, and for http:// when configured.</summary>
internal sealed class HttpClientTransport(HttpClient http) : IApiTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public string Name => TransportChoice.HttpClient;

    public async ValueTask<Response<TResponse>> SendAsync<TRequest, TResponse>(
        ApiOperation operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        AccessToken token,
        FailureLog failures,
        CancellationToken cancellationToken)
    {
        var payload = ApiJsonContext.SerializeRequest(body, requestType);
        using var request = new HttpRequestMessage(HttpMethod.Post, operation.Url);
        request.Headers.TryAddWithoutValidation("Authorization", token.Authorization);
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = Json;
        request.Content = content;

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.Timeout, null);
            return Response.Fail<TResponse>(StatusText.Timeout, $"no answer within the request timeout", payload.Length);
        }
        catch (HttpRequestException ex)
        {
            failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.ConnectionError, ex.Message);
            return Response.Fail<TResponse>(StatusText.ConnectionError, ex.Message, payload.Length);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var statusText = StatusText.Of(status);
            var received = response.Content.Headers.ContentLength ?? 0;
            if (status != operation.ExpectedStatus)
            {
                // The body is read only for the sampled few; a 401 is retried, so it is not a failure yet.
                if (status != (int)HttpStatusCode.Unauthorized && failures.Reserve(operation.Name, statusText))
                {
                    var text = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
                    failures.Write(operation.Name, "POST", operation.PathAndQuery, statusText, text);
                }

                return Response.Fail<TResponse>(statusText, null, payload.Length, received);
            }

            TResponse? value;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(CancellationToken.None).ConfigureAwait(false);
                value = JsonSerializer.Deserialize(stream, responseType);
            }
            catch (JsonException ex)
            {
                failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.InvalidBody, ex.Message);
                return Response.Fail<TResponse>(StatusText.InvalidBody, ex.Message, payload.Length, received);
            }

            if (value is null)
            {
                return Response.Fail<TResponse>(StatusText.InvalidBody, "empty body", payload.Length, received);
            }

            return Response.Ok(value, statusText, payload.Length, received);
        }
    }

    // The HttpClient is shared with the token cache and owned by the run.
    public void Dispose()
    {
    }
}
