using System.Runtime.CompilerServices;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>Registers a new investor per iteration; registered investors feed join-fund when it runs too.</summary>
internal sealed class RegisterScenario(ScenarioServices services)
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        var investors = services.Investors;
        investors.Enter();
        var investor = services.Faker.Next();
        var record = InvestorRecord.For(investor, ScenarioNames.Register);
        try
        {
            var response = await services.Steps.RegisterAsync(investor, record, context);
            if (!response.IsError)
            {
                investors.Write(record);
                services.Pool.OfferRegistered(investor);
            }

            return response;
        }
        finally
        {
            investors.Exit();
        }
    }
}
