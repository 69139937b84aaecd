using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// Joins the fund with an investor the register scenario left, or one it registers itself when none is waiting.
/// Joined investors top up the pool that purchase, balance and sale draw from.
/// </summary>
internal sealed class JoinFundScenario(InvestorSteps steps, InvestorPool pool)
{
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        steps.Enter();
        try
        {
            if (!pool.TryTakeRegistered(out var investor))
            {
                investor = steps.NewInvestor();
                var row = InvestorSteps.Outcome(investor, ScenarioNames.JoinFund);
                var register = await steps.RegisterAsync(investor, row, context);
                if (register.IsError)
                {
                    return register;
                }

                var joined = await steps.JoinAsync(investor, row, context);
                steps.WriteRow(row);
                if (!joined.IsError)
                {
                    pool.OfferJoined(investor);
                }

                return joined;
            }

            var join = await steps.JoinAsync(investor, null, context);
            if (!join.IsError)
            {
                pool.OfferJoined(investor);
            }

            return join;
        }
        finally
        {
            steps.Exit();
        }
    }
}
