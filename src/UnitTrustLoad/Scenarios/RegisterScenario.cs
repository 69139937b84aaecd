using System.Runtime.CompilerServices;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>Registers a new investor per iteration; registered investors feed join-fund when it runs too.</summary>
internal sealed class RegisterScenario(InvestorSteps steps, InvestorPool pool)
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        steps.Enter();
        var investor = steps.NewInvestor();
        var row = InvestorSteps.Outcome(investor, ScenarioNames.Register);
        try
        {
            var response = await steps.RegisterAsync(investor, row, context);
            if (!response.IsError)
            {
                steps.WriteRow(row);
                pool.OfferRegistered(investor);
            }

            return response;
        }
        finally
        {
            steps.Exit();
        }
    }
}
