namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Arguments the app refuses or answers before starting anything.</summary>
public sealed class AppArgumentTests
{
    [Fact]
    public async Task Help_lists_the_options_and_exit_codes_and_exits_0()
    {
        using var run = await AppRun.StartAsync(["--help"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed);
        foreach (var option in new[] { "--config", "--profile", "--target", "--vus", "--duration", "--rate", "--scenario", "--out", "--seed", "--baseline", "UNITTRUSTLOAD_", "130" })
        {
            run.Stdout.ShouldContain(option);
        }
    }

    [Fact]
    public async Task A_report_folder_that_is_a_file_exits_2_naming_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var run = await AppRun.StartAsync(["--duration", "00:00:01"], root: file, CancellationToken.None);

            run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
            run.Stderr.ShouldContain(file);
            run.Stderr.ShouldContain("Fix:");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_baseline_that_is_not_a_summary_exits_2_with_the_reason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-baseline-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{ not json");
        try
        {
            using var run = await AppRun.StartAsync(["--baseline", file]);

            run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
            run.Stderr.ShouldContain("baseline");
            run.Stderr.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_baseline_is_a_configuration_problem_naming_the_option()
    {
        using var run = await AppRun.StartAsync(["--baseline", "/no/such/run"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Report:Baseline (--baseline)");
    }

    [Fact]
    public async Task Short_h_prints_the_help_and_exits_0()
    {
        using var run = await AppRun.StartAsync(["-h"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        run.Stdout.ShouldContain("--stage T:N");
    }

    [Fact]
    public async Task A_malformed_config_file_exits_2_naming_its_line_column_and_token()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\n  \"Load\": {\n    \"Vus\": 3\n    \"TestName\": \"x\"\n  }\n}\n");
        try
        {
            using var run = await AppRun.StartAsync(["--config", file]);

            run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
            run.Stderr.ShouldContain("(1 problem)");
            run.Stderr.ShouldContain($"{file}: line 4, column 5: the JSON is malformed at '\"TestName\"'");
            run.Stderr.ShouldNotContain("   at ");
            run.Stdout.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
