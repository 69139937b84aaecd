using System.Runtime.CompilerServices;
using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// The five operations as measured steps of a scenario, each followed by its effect on the investor: its id, its
/// holdings, its row in investors.csv, and the ledger's comparison of each balance. The effects are the Apply methods,
/// which the pool's unmeasured preparation uses too, so there is one home for each rule.
/// </summary>
internal sealed class InvestorSteps(UnitTrustClient client, References references, LedgerCheck ledger, DataOptions data, int seed)
{

    /// <summary>What the sale scenario sells per iteration (Data:SaleValue).</summary>
    public decimal SaleValue => data.SaleValue;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> RegisterAsync(Investor investor, InvestorRecord record, IScenarioContext context)
    {
        var call = new Call<RegisterInvestorRequest>(client, investor.Registration, ScenarioObserver.For(context), context.CancellationToken);
        var response = await Step.Run(ScenarioNames.Register, context, call, static c => StepResponseOf(c.Client.RegisterAsync(c.Request, c.Observer, c.CancellationToken)));
        ApplyRegister(investor, record, response);
        return response;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> JoinAsync(Investor investor, InvestorRecord? record, IScenarioContext context)
    {
        var call = new Call<JoinFundRequest>(client, JoinRequest(investor), ScenarioObserver.For(context), context.CancellationToken);
        var response = await Step.Run(ScenarioNames.JoinFund, context, call, static c => StepResponseOf(c.Client.JoinFundAsync(c.Request, c.Observer, c.CancellationToken)));
        record?.JoinFund = response.Outcome.StatusCode;
        return response;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> PurchaseAsync(Investor investor, decimal value, InvestorRecord? record, IScenarioContext context)
    {
        var call = new Call<PurchaseRequest>(client, PurchaseRequest(investor, value), ScenarioObserver.For(context), context.CancellationToken);
        var response = await Step.Run(ScenarioNames.Purchase, context, call, static c => StepResponseOf(c.Client.PurchaseAsync(c.Request, c.Observer, c.CancellationToken)));
        ApplyPurchase(investor, record, response, data.Fund);
        return response;
    }

    /// <summary>Fetches and compares with the ledger; the payload is the balance (for the journey's sale).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response<BalanceResponse>> BalanceAsync(Investor investor, InvestorRecord? record, IScenarioContext context, string source)
    {
        var call = new Call<BalanceRequest>(client, new BalanceRequest(investor.ClientIdentifier), ScenarioObserver.For(context), context.CancellationToken);
        var response = await Step.Run(ScenarioNames.Balance, context, call, static c => StepResponseOf(c.Client.FetchBalanceAsync(c.Request, c.Observer, c.CancellationToken)));
        record?.Balance = response.Outcome.StatusCode;
        if (!response.IsError)
        {
            var (compared, violations) = ledger.Compare(investor, response.Payload!, source);
            // Added even when 0, so the counters exist and the built-in threshold has something to judge.
            context.AddCounter(LedgerCheck.CheckedCounter, compared);
            context.AddCounter(LedgerCheck.ViolationsCounter, violations);
            record?.ReportedUnits = LedgerCheck.ReportedUnits(response.Payload!, data.Fund, out _);
        }

        return response;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> SellAsync(Investor investor, decimal value, InvestorRecord? record, IScenarioContext context)
    {
        var request = new SaleRequest(investor.ClientIdentifier, data.Fund, value, references.NextSale(), data.PaymentMode);
        var call = new Call<SaleRequest>(client, request, ScenarioObserver.For(context), context.CancellationToken);
        var response = await Step.Run(ScenarioNames.Sale, context, call, static c => StepResponseOf(c.Client.SellAsync(c.Request, c.Observer, c.CancellationToken)));
        if (!response.IsError)
        {
            var units = response.Payload!.UnitsRedeemed;
            investor.Holdings.Add(data.Fund, -units);
            record?.UnitsSold += units;
        }
        else if (!CallStatus.IsRefusal(response.Outcome.StatusCode))
        {
            investor.Holdings.MarkUncertain();
        }

        record?.Sale = response.Outcome.StatusCode;
        return response;
    }

    /// <summary>The join request for <paramref name="investor"/> with the configured fund and distribution mode.</summary>
    public JoinFundRequest JoinRequest(Investor investor) => new(investor.ClientIdentifier, data.Fund, data.IncomeDistributionMode);

    /// <summary>A purchase request with a reference unique for the run.</summary>
    public PurchaseRequest PurchaseRequest(Investor investor, decimal value)
    {
        var reference = references.NextPurchase();
        return new PurchaseRequest(investor.ClientIdentifier, data.Fund, value, reference, data.PaymentMode, References.PaymentFor(reference));
    }

    /// <summary>A registration's effect: the API's id on the investor and its row.</summary>
    public static void ApplyRegister(Investor investor, InvestorRecord record, in Response<RegisterInvestorResponse> response)
    {
        record.Register = response.Outcome.StatusCode;
        if (!response.IsError)
        {
            investor.InvestorId = response.Payload!.InvestorId;
            record.InvestorId = investor.InvestorId;
        }
    }

    /// <summary>
    /// A purchase's effect: allotted units join the investor's holdings; a purchase with an unknown outcome (5xx,
    /// timeout, dropped connection) leaves the investor unjudged, since it may or may not have traded.
    /// </summary>
    public static void ApplyPurchase(Investor investor, InvestorRecord? record, in Response<PurchaseResponse> response, string fund)
    {
        if (!response.IsError)
        {
            var units = response.Payload!.UnitsAllotted;
            investor.Holdings.Add(fund, units);
            record?.UnitsBought += units;
        }
        else if (!CallStatus.IsRefusal(response.Outcome.StatusCode))
        {
            investor.Holdings.MarkUncertain();
        }

        record?.Purchase = response.Outcome.StatusCode;
    }

    /// <summary>
    /// A purchase value between the configured bounds, to the cent, decided by the seed, the investor and which of its
    /// purchases this is: the same seed buys the same amounts for the same investors whatever the users' interleaving.
    /// </summary>
    public decimal PurchaseValueFor(Investor investor)
    {
        var share = new SequenceRandom(SequenceRandom.Mix(seed, investor.Sequence, investor.NextPurchaseNumber())).Unit();
        return decimal.Round(data.PurchaseMin + ((data.PurchaseMax - data.PurchaseMin) * (decimal)share), 2, MidpointRounding.ToZero);
    }

    /// <summary>What the journey sells: Data:SaleFraction of the market value the balance shows.</summary>
    public decimal SaleValueFor(BalanceResponse balance)
    {
        LedgerCheck.ReportedUnits(balance, data.Fund, out var marketValue);
        return decimal.Round(marketValue * (decimal)data.SaleFraction, 2, MidpointRounding.ToZero);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Response<T>> StepResponseOf<T>(ValueTask<ApiResult<T>> call) => StepResponse.From(await call.ConfigureAwait(false));

    private readonly record struct Call<TRequest>(UnitTrustClient Client, TRequest Request, ScenarioObserver Observer, CancellationToken CancellationToken);
}
