using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>Sells a small fixed value (Data:SaleValue) from a pool investor, funded at preparation.</summary>
internal sealed class SaleScenario(InvestorSteps steps, InvestorPool pool)
{
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        if (!pool.TryLease(out var investor))
        {
            return await PoolShortage.DropAsync(context);
        }

        try
        {
            return await steps.SellAsync(investor, steps.SaleValue, null, context);
        }
        finally
        {
            pool.Return(investor);
        }
    }
}
