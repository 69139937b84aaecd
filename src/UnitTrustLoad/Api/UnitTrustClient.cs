using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Api.Transport;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Output;

namespace UnitTrustLoad.Api;

/// <summary>
/// The Unit Trust API, one method per operation. Every answer becomes a <see cref="Response{T}"/>: the promised status
/// is OK, anything else (timeouts and connection errors included) a failure counted under its code, never an exception.
/// </summary>
internal sealed class UnitTrustClient(IApiTransport transport, TokenCache tokens, ApiEndpoints endpoints)
{
    public const string AuthRetriesCounter = "auth_retries";

    /// <summary>Where sampled failures go; replaced once the run folder exists.</summary>
    public FailureLog Failures { get; set; } = FailureLog.Discard;

    public TokenCache Tokens => tokens;

    /// <summary>"lean" or "httpclient".</summary>
    public string TransportName => transport.Name;

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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
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

        var attempt = await transport.SendAsync(operation, body, requestType, responseType, token, Failures, cancellationToken).ConfigureAwait(false);
        if (attempt.Outcome.StatusCode is "401")
        {
            // The server stopped accepting our token early (rotated keys, clock skew): one shared refresh, one retry.
            context?.AddCounter(AuthRetriesCounter);
            token = await tokens.RenewRejectedAsync(token, context).ConfigureAwait(false);
            if (token is null)
            {
                return Response.Fail<TResponse>(StatusText.NoToken, tokens.LastError);
            }

            attempt = await transport.SendAsync(operation, body, requestType, responseType, token, Failures, cancellationToken).ConfigureAwait(false);
        }

        return attempt;
    }
}
