using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>Fetches a pool investor's balance and checks it against the ledger.</summary>
internal sealed class BalanceScenario(InvestorSteps steps, InvestorPool pool)
{
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        if (!pool.TryLease(out var investor))
        {
            return await PoolShortage.DropAsync(context);
        }

        try
        {
            return await steps.BalanceAsync(investor, null, context, ScenarioNames.Balance);
        }
        finally
        {
            pool.Return(investor);
        }
    }
}
