using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>Buys units for a pool investor (leased for the iteration, so its ledger stays exact).</summary>
internal sealed class PurchaseScenario(InvestorSteps steps, InvestorPool pool)
{
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        if (!pool.TryLease(out var investor))
        {
            return await PoolShortage.DropAsync(context);
        }

        try
        {
            return await steps.PurchaseAsync(investor, steps.PurchaseValueFor(investor), null, context);
        }
        finally
        {
            pool.Return(investor);
        }
    }
}
