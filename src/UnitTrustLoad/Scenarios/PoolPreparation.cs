using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// Makes one pool investor ready, outside any measured step: registered, joined and funded with Data:PoolFunding, with
/// the same effects on the investor, its row and the ledger's sample as the measured steps.
/// </summary>
internal sealed class PoolPreparation(UnitTrustClient client, InvestorFaker faker, InvestorSteps steps, LedgerCheck ledger, InvestorsCsv investors, DataOptions data)
{
    /// <summary>The scenario name pool investors carry in investors.csv.</summary>
    public const string PoolScenario = "pool";

    /// <summary>
    /// Makes investors from Data:InvestorsFile ready, one per call in file order: their opening balance (fetched
    /// outside any measured step) becomes the ledger's starting point, so what this run buys and sells is judged exactly.
    /// </summary>
    public Func<ValueTask<(Investor? Ready, string? Failure)>> Adopting(IReadOnlyList<Investor> existing)
    {
        var next = -1;
        return () =>
        {
            var index = Interlocked.Increment(ref next);
            return index < existing.Count ? AdoptAsync(existing[index]) : ValueTask.FromResult<(Investor?, string?)>((null, "no more investors in the file"));
        };
    }

    private async ValueTask<(Investor? Ready, string? Failure)> AdoptAsync(Investor investor)
    {
        var balance = await client.FetchBalanceAsync(new BalanceRequest(investor.ClientIdentifier), null, CancellationToken.None);
        if (!balance.IsOk)
        {
            return (null, $"opening balance of {investor.ClientIdentifier}: {balance.Status}");
        }

        investor.Holdings.Add(data.Fund, LedgerCheck.ReportedUnits(balance.Value!, data.Fund, out _));
        ledger.Offer(investor);
        return (investor, null);
    }

    public async ValueTask<(Investor? Ready, string? Failure)> PrepareOneAsync()
    {
        var investor = faker.Next();
        var record = InvestorRecord.For(investor, PoolScenario);
        var register = StepResponse.From(await client.RegisterAsync(investor.Registration, null, CancellationToken.None));
        InvestorSteps.ApplyRegister(investor, record, register);
        if (register.IsError)
        {
            return (null, $"register {register.Outcome.StatusCode}");
        }

        try
        {
            var join = await client.JoinFundAsync(steps.JoinRequest(investor), null, CancellationToken.None);
            record.JoinFund = join.Status;
            if (!join.IsOk)
            {
                return (null, $"join {join.Status}");
            }

            var purchase = StepResponse.From(await client.PurchaseAsync(steps.PurchaseRequest(investor, data.PoolFunding), null, CancellationToken.None));
            InvestorSteps.ApplyPurchase(investor, record, purchase, data.Fund);
            if (purchase.IsError)
            {
                return (null, $"purchase {purchase.Outcome.StatusCode}");
            }

            ledger.Offer(investor);
            return (investor, null);
        }
        finally
        {
            investors.Write(record);
        }
    }
}
