using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>--baseline flags regressions beyond noise in every report; --Report:FailOnRegression=true fails the run on them.</summary>
[Collection(AppRunsSerially.Name)]
public sealed class BaselineRegressionTests
{
    private static readonly string[] Register = ["--scenario", "register", "--vus", "1", "--duration", "00:00:02", "--seed", "5", "--Ledger:ReconcileSample=0"];

    // One registration in ten answered 500: +10 percentage points of fail rate, far beyond the 1-point noise; the
    // fail-rate threshold is relaxed so that only the regression can fail the run.
    private static readonly string[] Faulty = [.. Register, "--Simulator:Faults:Register:ErrorRate=0.1", "--Thresholds:0:Expression=fail_rate < 0.5"];

    [Fact]
    public async Task A_regression_is_flagged_and_fails_the_run_only_with_fail_on_regression()
    {
        using var baseline = await AppRun.StartAsync(Register);
        baseline.ExitCode.ShouldBe(ExitCodes.Passed, baseline.Describe());

        using (var flagged = await AppRun.StartAsync([.. Faulty, "--baseline", baseline.Folder]))
        {
            flagged.ExitCode.ShouldBe(ExitCodes.Passed, flagged.Describe());
            var regression = flagged.Summary.Regressions.ShouldNotBeNull().ShouldHaveSingleItem();
            regression.Scope.ShouldBe($"{ScenarioNames.Register}.{ScenarioNames.Register}");
            regression.Metric.ShouldBe("fail_rate");
            flagged.Stdout.ShouldContain("regressions against the baseline");
            flagged.Stdout.ShouldContain($"✗ {regression.Description}");
        }

        using var failed = await AppRun.StartAsync([.. Faulty, "--baseline", baseline.Folder, "--Report:FailOnRegression=true"]);
        failed.ExitCode.ShouldBe(ExitCodes.ThresholdFailed, failed.Describe());
        failed.Summary.Passed.ShouldBeFalse();
        failed.Summary.Thresholds.ShouldAllBe(t => t.Passed);
        failed.Stdout.ShouldContain("FAILED: 1 regression against the baseline (register.register: fail rate 0.00% → ");
    }

    [Fact]
    public async Task Fail_on_regression_without_a_baseline_is_a_configuration_problem()
    {
        using var run = await AppRun.StartAsync(["--Report:FailOnRegression=true"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Report:FailOnRegression is true but no baseline is given");
        run.Stderr.ShouldNotContain("   at ");
    }
}
