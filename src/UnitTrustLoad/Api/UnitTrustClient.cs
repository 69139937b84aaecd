using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Output;

namespace UnitTrustLoad.Api;

/// <summary>
/// The Unit Trust API, one method per operation. Every answer becomes a <see cref="Response{T}"/>: the promised status
/// is OK, anything else (timeouts and connection errors included) a failure counted under its code, never an exception.
/// </summary>
internal sealed class UnitTrustClient(HttpClient http, TokenCache tokens, ApiEndpoints endpoints)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public const string AuthRetriesCounter = "auth_retries";

    /// <summary>Where sampled failures go; replaced once the run folder exists.</summary>
    public FailureLog Failures { get; set; } = FailureLog.Discard;

    public TokenCache Tokens => tokens;

    public ValueTask<Response<RegisterInvestorResponse>> RegisterAsync(RegisterInvestorRequest body, IScenarioContext? context, CancellationToken cancellationToken)
        => SendAsync(endpoints.Register, body, ApiJsonContext.Default.RegisterInvestorRequest, ApiJsonContext.Default.RegisterInvestorResponse, context, cancellationToken);

    public ValueTask<Response<JoinFundResponse>> JoinFundAsync(JoinFundRequest body, IScenarioContext? context, CancellationToken cancellationToken)
        => SendAsync(endpoints.JoinFund, body, ApiJsonContext.Default.JoinFundRequest, ApiJsonContext.Default.JoinFundResponse, context, cancellationToken);

    public ValueTask<Response<PurchaseResponse>> PurchaseAsync(PurchaseRequest body, IScenarioContext? context, CancellationToken cancellationToken)
        => SendAsync(endpoints.Purchase, body, ApiJsonContext.Default.PurchaseRequest, ApiJsonContext.Default.PurchaseResponse, context, cancellationToken);

    public ValueTask<Response<BalanceResponse>> FetchBalanceAsync(BalanceRequest body, IScenarioContext? context, CancellationToken cancellationToken)
        => SendAsync(endpoints.FetchBalance, body, ApiJsonContext.Default.BalanceRequest, ApiJsonContext.Default.BalanceResponse, context, cancellationToken);

    public ValueTask<Response<SaleResponse>> SellAsync(SaleRequest body, IScenarioContext? context, CancellationToken cancellationToken)
        => SendAsync(endpoints.Sell, body, ApiJsonContext.Default.SaleRequest, ApiJsonContext.Default.SaleResponse, context, cancellationToken);

    private async ValueTask<Response<TResponse>> SendAsync<TRequest, TResponse>(
        ApiOperation operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        IScenarioContext? context,
        CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(context).ConfigureAwait(false);
        if (token is null)
        {
            return Response.Fail<TResponse>(StatusText.NoToken, tokens.LastError);
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var attempt = await SendOnceAsync(operation, payload, token, responseType, cancellationToken).ConfigureAwait(false);
        if (attempt.Outcome.StatusCode is "401")
        {
            // The server stopped accepting our token early (rotated keys, clock skew): one shared refresh, one retry.
            context?.AddCounter(AuthRetriesCounter);
            token = await tokens.RenewRejectedAsync(token, context).ConfigureAwait(false);
            if (token is null)
            {
                return Response.Fail<TResponse>(StatusText.NoToken, tokens.LastError);
            }

            attempt = await SendOnceAsync(operation, payload, token, responseType, cancellationToken).ConfigureAwait(false);
        }

        return attempt;
    }

    private async ValueTask<Response<TResponse>> SendOnceAsync<TResponse>(
        ApiOperation operation,
        byte[] payload,
        AccessToken token,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
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
            Failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.Timeout, null);
            return Response.Fail<TResponse>(StatusText.Timeout, $"no answer within the request timeout", payload.Length);
        }
        catch (HttpRequestException ex)
        {
            Failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.ConnectionError, ex.Message);
            return Response.Fail<TResponse>(StatusText.ConnectionError, ex.Message, payload.Length);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var statusText = StatusText.Of(status);
            var received = response.Content.Headers.ContentLength ?? 0;
            if (status != operation.ExpectedStatus)
            {
                if (status != (int)HttpStatusCode.Unauthorized)
                {
                    var text = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
                    Failures.Record(operation.Name, "POST", operation.PathAndQuery, statusText, text);
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
                Failures.Record(operation.Name, "POST", operation.PathAndQuery, StatusText.InvalidBody, ex.Message);
                return Response.Fail<TResponse>(StatusText.InvalidBody, ex.Message, payload.Length, received);
            }

            if (value is null)
            {
                return Response.Fail<TResponse>(StatusText.InvalidBody, "empty body", payload.Length, received);
            }

            return Response.Ok(value, statusText, payload.Length, received);
        }
    }
}
