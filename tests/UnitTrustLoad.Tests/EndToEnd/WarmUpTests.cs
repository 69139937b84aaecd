using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>A scenario's warm-up is left out of the figures, and the reports say how long it was and what it left out.</summary>
[Collection(AppRunsSerially.Name)]
public sealed class WarmUpTests
{
    [Fact]
    public async Task The_reports_state_the_warm_up_and_the_calls_it_left_out()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "1", "--duration", "00:00:02", "--seed", "3", "--Load:Scenarios:journey:WarmUp=00:00:01", "--Ledger:ReconcileSample=0"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var journey = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Journey);
        var warmUp = journey.WarmUp.ShouldNotBeNull();
        warmUp.DurationSeconds.ShouldBe(1);
        warmUp.Iterations.ShouldBeGreaterThan(0);

        // Five steps an iteration, and the token step when the warm-up fetched the token.
        warmUp.StepCalls.ShouldBeGreaterThanOrEqualTo(5 * warmUp.Iterations);
        var stated = $"1.0s, left out of every figure: {warmUp.Iterations} iterations and {warmUp.StepCalls} step calls";
        run.Stdout.ShouldContain($"warm-up .............: {stated}");
        File.ReadAllText(Path.Combine(run.Folder, "summary.md")).ShouldContain($"| warm-up of journey | {stated} |");
        File.ReadAllText(Path.Combine(run.Folder, "report.html")).ShouldContain($"warm-up: {stated}.");
        File.ReadAllText(Path.Combine(run.Folder, "junit.xml")).ShouldContain($"warm-up {stated}");
    }
}
