using UnitTrustLoad.Tests.EndToEnd;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>Threshold mistakes are configuration problems, in the one block before any traffic (issue 13.9).</summary>
[Collection(AppRunsSerially.Name)]
public sealed class ThresholdConfigurationTests
{
    [Fact]
    public async Task A_metric_typo_is_refused_with_a_suggestion_instead_of_passing_as_a_counter_of_zero()
    {
        using var run = await AppRun.StartAsync(["--Thresholds:0:Expression=p95 < 2000", "--Thresholds:1:Expression=median < 100"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Thresholds:0:Expression");
        run.Stderr.ShouldContain("unknown metric 'p95'; did you mean p(95)?");
        run.Stderr.ShouldContain("unknown metric 'median'; did you mean p(50)?");
        run.Stdout.ShouldNotContain("Target:");
    }

    [Fact]
    public async Task A_baseline_threshold_without_a_baseline_and_a_misspelt_step_are_refused_together_before_any_traffic()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "-1",
             "--Thresholds:0:Expression=p(95) < baseline * 1.1",
             "--Thresholds:1:Expression=p(95) < 500", "--Thresholds:1:Scenario=journey", "--Thresholds:1:Step=purchse"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldStartWith("The configuration is invalid (3 problems):");
        run.Stderr.ShouldContain("Load:Vus (--vus)");
        run.Stderr.ShouldContain("Thresholds:0:Expression: 'p(95) < baseline * 1.1' compares with a baseline, but none was given. Fix: pass --baseline");
        run.Stderr.ShouldContain("Thresholds:1:Step: 'purchse' is not a step of scenario 'journey'; did you mean purchase?");
        run.Stdout.ShouldNotContain("Target:");
    }
}
