using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// A virtual user's view of the client's own work: a token request it waited for is recorded as the "token" step of
/// its scenario, a 401 retry as the auth_retries counter, a resend as its step's resends_ counter. One per virtual user, kept in its context's data.
/// </summary>
internal sealed class ScenarioObserver : ICallObserver
{
    public const string AuthRetriesCounter = "auth_retries";

    private const string DataKey = "UnitTrustLoad.ScenarioObserver";

    private readonly IScenarioContext _context;

    private ScenarioObserver(IScenarioContext context) => _context = context;

    /// <summary>The observer of <paramref name="context"/>'s virtual user, made at its first call.</summary>
    public static ScenarioObserver For(IScenarioContext context)
    {
        var data = context.Data;
        if (data.TryGetValue(DataKey, out var existing))
        {
            return (ScenarioObserver)existing;
        }

        var observer = new ScenarioObserver(context);
        data[DataKey] = observer;
        return observer;
    }

    public async ValueTask<ApiResult<AccessToken>> ObserveTokenRequestAsync(Func<ValueTask<ApiResult<AccessToken>>> fetch)
    {
        // Rare (once per token lifetime), so the lambda's state machine is not worth pooling.
        var response = await Step.Run(ScenarioNames.TokenStep, _context, fetch, static async f => StepResponse.From(await f().ConfigureAwait(false))).ConfigureAwait(false);
        return response.IsError
            ? ApiResult<AccessToken>.Fail(response.Outcome.StatusCode, response.Outcome.Message)
            : ApiResult<AccessToken>.Ok(response.Payload!, response.Outcome.StatusCode, response.Outcome.BytesSent, response.Outcome.BytesReceived);
    }

    public void AuthRetried() => _context.AddCounter(AuthRetriesCounter);

    public void Resent(string counter) => _context.AddCounter(counter);
}
