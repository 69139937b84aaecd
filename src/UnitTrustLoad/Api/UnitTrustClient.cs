using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Api;

/// <summary>
/// The Unit Trust API, one method per operation, each with the shared token: a valid token is read without a lock, a
/// 401 forces one shared refresh and one retry. Every answer becomes an <see cref="ApiResult{T}"/>, never an exception.
/// </summary>
internal sealed class UnitTrustClient(ApiTransport transport, TokenCache tokens, ApiEndpoints endpoints) : IDisposable
{
    public TokenCache Tokens => tokens;

    /// <summary>Which HTTP client carries the calls.</summary>
    public string TransportDescription => transport.Description;

    public ValueTask<ApiResult<RegisterInvestorResponse>> RegisterAsync(RegisterInvestorRequest body, ICallObserver? observer, CancellationToken cancellationToken)
        => SendAsync(endpoints.Register, body, ApiJsonContext.Default.RegisterInvestorRequest, ApiJsonContext.Default.RegisterInvestorResponse, observer, cancellationToken);

    public ValueTask<ApiResult<JoinFundResponse>> JoinFundAsync(JoinFundRequest body, ICallObserver? observer, CancellationToken cancellationToken)
        => SendAsync(endpoints.JoinFund, body, ApiJsonContext.Default.JoinFundRequest, ApiJsonContext.Default.JoinFundResponse, observer, cancellationToken);

    public ValueTask<ApiResult<PurchaseResponse>> PurchaseAsync(PurchaseRequest body, ICallObserver? observer, CancellationToken cancellationToken)
        => SendAsync(endpoints.Purchase, body, ApiJsonContext.Default.PurchaseRequest, ApiJsonContext.Default.PurchaseResponse, observer, cancellationToken);

    public ValueTask<ApiResult<BalanceResponse>> FetchBalanceAsync(BalanceRequest body, ICallObserver? observer, CancellationToken cancellationToken)
        => SendAsync(endpoints.FetchBalance, body, ApiJsonContext.Default.BalanceRequest, ApiJsonContext.Default.BalanceResponse, observer, cancellationToken);

    public ValueTask<ApiResult<SaleResponse>> SellAsync(SaleRequest body, ICallObserver? observer, CancellationToken cancellationToken)
        => SendAsync(endpoints.Sell, body, ApiJsonContext.Default.SaleRequest, ApiJsonContext.Default.SaleResponse, observer, cancellationToken);

    public void Dispose() => transport.Dispose();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApiResult<TResponse>> SendAsync<TRequest, TResponse>(
        ApiOperation operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        ICallObserver? observer,
        CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(observer, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return ApiResult<TResponse>.Fail(CallStatus.NoToken, tokens.LastError);
        }

        var attempt = await transport.SendAsync(operation, body, requestType, responseType, token, observer, cancellationToken).ConfigureAwait(false);
        if (attempt.Status is "401")
        {
            // The server stopped accepting our token early (rotated keys, clock skew): one shared refresh, one retry.
            observer?.AuthRetried();
            token = await tokens.RenewRejectedAsync(token, observer, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                return ApiResult<TResponse>.Fail(CallStatus.NoToken, tokens.LastError);
            }

            attempt = await transport.SendAsync(operation, body, requestType, responseType, token, observer, cancellationToken).ConfigureAwait(false);
        }

        return attempt;
    }
}
