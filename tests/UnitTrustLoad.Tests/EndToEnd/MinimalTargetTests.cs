using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// The register scenario against the smallest target a benchmark would stand up (a token answer and a 201), as the
/// perf comparison with wrk runs it.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class MinimalTargetTests
{
    [Fact]
    public async Task Register_scenario_runs_against_a_target_that_only_answers_token_and_201()
    {
        await using var target = await LoopbackTarget.StartRegisterOnlyAsync();
        using var run = await AppRun.StartAsync(
            ["--target", target.Url, "--scenario", "register", "--vus", "8", "--duration", "00:00:03",
             "--Auth:ClientId=bench", "--Auth:ClientSecret=" + Guid.NewGuid().ToString("N")]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        register.OkCount.ShouldBeGreaterThan(100);
        register.FailCount.ShouldBe(0);
        target.Registrations.ShouldBe(register.OkCount, "the target carried out exactly the registrations the suite counted");
    }
}
