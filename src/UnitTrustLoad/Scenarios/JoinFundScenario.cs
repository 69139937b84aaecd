using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// Joins the fund with an investor the register scenario left, or one it registers itself when none is waiting.
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
                return joined;
            }

            return await steps.JoinAsync(investor, null, context);
        }
        finally
        {
            steps.Exit();
        }
    }
}
