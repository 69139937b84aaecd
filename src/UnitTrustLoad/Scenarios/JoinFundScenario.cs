using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// Joins the fund with an investor the register scenario left, or one it registers itself when none is waiting.
/// </summary>
internal sealed class JoinFundScenario(ScenarioServices services)
{
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        var (steps, faker, pool, investors, _) = services;
        investors.Enter();
        try
        {
            if (!pool.TryTakeRegistered(out var investor))
            {
                investor = faker.Next();
                var record = InvestorRecord.For(investor, ScenarioNames.JoinFund);
                var register = await steps.RegisterAsync(investor, record, context);
                if (register.IsError)
                {
                    return register;
                }

                var joined = await steps.JoinAsync(investor, record, context);
                investors.Write(record);
                return joined;
            }

            return await steps.JoinAsync(investor, null, context);
        }
        finally
        {
            investors.Exit();
        }
    }
}
