using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// Every pool investor is leased: the generator's own shortage, never the target's failure. The iteration is dropped
/// (as k6 drops an arrival with no free virtual user), counted under <see cref="Counter"/> for the end-of-run warning,
/// and the user waits a moment so a closed-model loop does not spin on an empty pool.
/// </summary>
internal static class PoolShortage
{
    public const string Counter = "pool_shortage_dropped";

    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(10);

    public static async ValueTask<Response> DropAsync(IScenarioContext context)
    {
        context.AddCounter(Counter);
        await context.PauseAsync(Backoff).ConfigureAwait(false);
        return Response.Dropped(InvestorPool.EmptyMessage);
    }
}
