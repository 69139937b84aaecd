using UnitTrustLoad.Api;
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
