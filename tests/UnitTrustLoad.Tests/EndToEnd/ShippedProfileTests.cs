using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Every profile the repository ships passes, shortened, against the embedded simulator (issue 17.5).</summary>
[Collection(AppRunsSerially.Name)]
public sealed class ShippedProfileTests
{
    /// <summary>
    /// Every profile but breakpoint, whose job is to find where the target breaks: shortened to 4 s it ramps to
    /// 2,000 journeys a second, past the embedded simulator's ~850 on two cores, so it may fail there by design.
    /// </summary>
    public static TheoryData<string> Profiles() => [.. Names().Where(name => name != "breakpoint")];

    private static List<string> Names()
    {
        var config = SuiteConfiguration.FindConfigDirectory() ?? throw new InvalidOperationException("config/ not found");
        return [.. Directory.EnumerateFiles(Path.Combine(config, "profiles"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void The_repository_ships_the_profiles_the_docs_name()
    {
        Names().ShouldBe(["breakpoint", "load", "smoke", "soak", "spike", "stress"]);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_shipped_profile_shortened_passes_against_the_embedded_simulator(string profile)
    {
        using var run = await AppRun.StartAsync(["--profile", profile, "--duration", "4s", "--Ledger:ReconcileSample=5"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        run.Summary.Thresholds.ShouldAllBe(t => t.Passed);
    }

    [Fact]
    public async Task The_breakpoint_profile_shortened_runs_to_its_verdict_with_its_abort_thresholds_judged()
    {
        using var run = await AppRun.StartAsync(["--profile", "breakpoint", "--duration", "4s", "--Ledger:ReconcileSample=5"]);

        run.ExitCode.ShouldBeOneOf([ExitCodes.Passed, ExitCodes.ThresholdFailed], run.Describe());
        run.Summary.Thresholds.Select(t => t.Expression).ShouldContain("fail_rate < 0.05");
        run.Summary.Thresholds.Select(t => t.Expression).ShouldContain("p(95) < 2000");
        run.Summary.Thresholds.ShouldAllBe(t => t.Actual != null);
    }
}
