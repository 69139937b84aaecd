using System.Runtime.CompilerServices;
using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Data;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Output;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// The five operations as measured steps, with their bookkeeping: the investor row, the ledger, the comparison of each
/// balance. Scenarios compose these; the journey uses all five in order.
/// </summary>
internal sealed class InvestorSteps(
    UnitTrustClient client,
    InvestorFaker faker,
    References references,
    LedgerCheck ledger,
    InvestorCsvSink investors,
    DataOptions data,
    TimeProvider time)
{
    private readonly Lock _randomGate = new();
    private readonly Random _amounts = new(faker.GetHashCode());
    private long _inFlight;

    public DataOptions Data => data;

    public LedgerCheck Ledger => ledger;

    public UnitTrustClient Client => client;

    /// <summary>Iterations that may still write an investor row; the app waits for zero before closing investors.csv.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public Investor NewInvestor() => faker.Next();

    public static InvestorOutcome Outcome(Investor investor, string scenario) => new()
    {
        Scenario = scenario,
        ClientIdentifier = investor.ClientIdentifier,
        IDNumber = investor.Registration.IDNumber,
        FirstName = investor.Registration.FirstName,
        Surname = investor.Registration.Surname,
        PhoneNumber = investor.Registration.PhoneNumber,
        EmailAddress = investor.Registration.EmailAddress,
        PIN = investor.Registration.PIN,
        DateOfBirth = investor.Registration.DateOfBirth,
    };

    public void WriteRow(InvestorOutcome row) => investors.Write(row);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> RegisterAsync(Investor investor, InvestorOutcome row, IScenarioContext? context)
    {
        var response = context is null
            ? await client.RegisterAsync(investor.Registration, null, CancellationToken.None)
            : await Step.Run(ScenarioNames.Register, context, (client, investor.Registration, context), static s => s.client.RegisterAsync(s.Registration, s.context, s.context.CancellationToken));
        row.Register = response.Outcome.StatusCode;
        if (!response.IsError)
        {
            investor.InvestorId = response.Payload!.InvestorId;
            row.InvestorId = investor.InvestorId;
        }

        return response;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> JoinAsync(Investor investor, InvestorOutcome? row, IScenarioContext? context)
    {
        var request = new JoinFundRequest(investor.ClientIdentifier, data.Fund, data.IncomeDistributionMode);
        var response = context is null
            ? await client.JoinFundAsync(request, null, CancellationToken.None)
            : await Step.Run(ScenarioNames.JoinFund, context, (client, request, context), static s => s.client.JoinFundAsync(s.request, s.context, s.context.CancellationToken));
        row?.JoinFund = response.Outcome.StatusCode;
        return response;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> PurchaseAsync(Investor investor, decimal value, InvestorOutcome? row, IScenarioContext? context)
    {
        var reference = references.NextPurchase();
        var request = new PurchaseRequest(investor.ClientIdentifier, data.Fund, value, reference, data.PaymentMode, References.PaymentFor(reference));
        var response = context is null
            ? await client.PurchaseAsync(request, null, CancellationToken.None)
            : await Step.Run(ScenarioNames.Purchase, context, (client, request, context), static s => s.client.PurchaseAsync(s.request, s.context, s.context.CancellationToken));
        if (!response.IsError)
        {
            var units = response.Payload!.UnitsAllotted;
            investor.Holdings.Add(data.Fund, units);
            row?.UnitsBought += units;
        }
        else if (OutcomeUnknown(response.Outcome.StatusCode))
        {
            investor.Holdings.MarkUncertain();
        }

        row?.Purchase = response.Outcome.StatusCode;
        return response;
    }

    /// <summary>Fetches and compares with the ledger; the payload is the balance (for the journey's sale).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response<BalanceResponse>> BalanceAsync(Investor investor, InvestorOutcome? row, IScenarioContext context, string source)
    {
        var request = new BalanceRequest(investor.ClientIdentifier);
        var response = await Step.Run(ScenarioNames.Balance, context, (client, request, context), static s => s.client.FetchBalanceAsync(s.request, s.context, s.context.CancellationToken));
        row?.Balance = response.Outcome.StatusCode;
        if (!response.IsError)
        {
            var (compared, violations) = ledger.Compare(investor, response.Payload!, source);
            // Added even when 0, so the counters exist and the built-in threshold has something to judge.
            context.AddCounter(LedgerCheck.CheckedCounter, compared);
            context.AddCounter(LedgerCheck.ViolationsCounter, violations);

            row?.ReportedUnits = MarketUnits(response.Payload!, data.Fund, out _);
        }

        return response;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> SellAsync(Investor investor, decimal value, InvestorOutcome? row, IScenarioContext context)
    {
        var request = new SaleRequest(investor.ClientIdentifier, data.Fund, value, references.NextSale(), data.PaymentMode);
        var response = await Step.Run(ScenarioNames.Sale, context, (client, request, context), static s => s.client.SellAsync(s.request, s.context, s.context.CancellationToken));
        if (!response.IsError)
        {
            var units = response.Payload!.UnitsRedeemed;
            investor.Holdings.Add(data.Fund, -units);
            row?.UnitsSold += units;
        }
        else if (OutcomeUnknown(response.Outcome.StatusCode))
        {
            investor.Holdings.MarkUncertain();
        }

        row?.Sale = response.Outcome.StatusCode;
        return response;
    }

    /// <summary>A purchase value between the configured bounds, to the cent.</summary>
    public decimal NextPurchaseValue()
    {
        double share;
        lock (_randomGate)
        {
            share = _amounts.NextDouble();
        }

        return decimal.Round(data.PurchaseMin + ((data.PurchaseMax - data.PurchaseMin) * (decimal)share), 2, MidpointRounding.ToZero);
    }

    public async ValueTask ThinkAsync(TimeSpan thinkTime, IScenarioContext context)
    {
        if (thinkTime > TimeSpan.Zero)
        {
            await Task.Delay(thinkTime, time, context.CancellationToken);
        }
    }

    /// <summary>Units and market value the balance shows for a fund.</summary>
    public static decimal MarketUnits(BalanceResponse balance, string fund, out decimal marketValue)
    {
        marketValue = 0m;
        if (balance.Funds is null)
        {
            return 0m;
        }

        foreach (var entry in balance.Funds)
        {
            if (string.Equals(entry.FundShareClassCode, fund, StringComparison.OrdinalIgnoreCase))
            {
                marketValue = entry.MarketValue;
                return entry.Units;
            }
        }

        return 0m;
    }

    // A 4xx answer is a refusal (nothing changed); a 5xx, timeout or dropped connection may or may not have traded.
    private static bool OutcomeUnknown(string status) => status.Length != 3 || status[0] != '4';
}
