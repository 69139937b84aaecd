using Microsoft.Data.Sqlite;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// --capacity against the embedded simulator with a capacity model whose right answer is known (issue 14): register
/// served by 2 workers at 100 a second (20 ms each), a queue past that. Rates stay low and the service level loose
/// (p95 under 150 ms, 7 times the service time) so a busy 2-core machine, whose stalls the embedded target shares,
/// still sees the target's knee: above 110/s the queue adds 200 ms within a step.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class CapacityTests
{
    private static readonly string[] Search =
    [
        "--scenario", "register", "--capacity",
        "--Capacity:StartRate=40", "--Capacity:Factor=2", "--Capacity:StepDuration=00:00:02", "--Capacity:Settle=00:00:00.500",
        "--Capacity:MaxDuration=00:00:30", "--Capacity:Slo:0=p(95) < 150", "--Capacity:Slo:1=fail_rate < 0.01",
        "--Simulator:Capacity:Register:PerSecond=100", "--Simulator:Capacity:Register:Workers=2",
    ];

    [Fact]
    public async Task The_search_finds_the_simulators_configured_capacity_within_ten_percent_and_the_target_counts_every_request()
    {
        var database = Path.Combine(Path.GetTempPath(), "utl-tests", $"sim-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        try
        {
            using var run = await AppRun.StartAsync([.. Search, "--Simulator:DatabasePath=" + database]);

            run.ExitCode.ShouldBe(0, run.Describe());
            var capacity = run.Summary.Capacity.ShouldNotBeNull();
            capacity.LimitedBy.ShouldBe("target");
            capacity.SustainableRate!.Value.ShouldBeInRange(90, 110, run.Describe());
            capacity.BreakingRate!.Value.ShouldBeGreaterThan(100, run.Describe());
            capacity.BrokenBy.ShouldBe("p(95) < 150");
            capacity.DurationSeconds.ShouldBeLessThanOrEqualTo(30);
            capacity.Steps.Count(s => s.Passed).ShouldBeGreaterThanOrEqualTo(2);
            run.Stdout.ShouldContain("Capacity step 1: 40/s offered");
            run.Stdout.ShouldContain($"capacity of register: {capacity.SustainableRate}/s sustained; breaks at {capacity.BreakingRate}/s");

            var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
            // Every register the suite counted, its warm-up's too, and only those, reached the target.
            register.WarmUp.ShouldNotBeNull().Iterations.ShouldBeGreaterThan(0, "the search warms up at its start rate");
            Investors(database).ShouldBe(register.OkCount + register.FailCount + register.WarmUp.Iterations);
            foreach (var report in new[] { "summary.txt", "summary.md", "report.html" })
            {
                File.ReadAllText(Path.Combine(run.Folder, report)).ShouldContain($"{capacity.SustainableRate}/s sustained", customMessage: report);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    [Fact]
    public async Task A_starved_generator_is_named_as_the_limit_and_the_run_fails_instead_of_naming_a_capacity()
    {
        // At most 1 registration in flight against 20 ms of service: about 50 a second is all this generator starts.
        using var run = await AppRun.StartAsync([.. Search, "--Load:Scenarios:register:MaxConcurrency=1"]);

        run.ExitCode.ShouldBe(99, run.Describe());
        var capacity = run.Summary.Capacity.ShouldNotBeNull();
        capacity.LimitedBy.ShouldBe("generator");
        capacity.End.ShouldBe("generator");
        capacity.Steps[^1].GeneratorLimited.ShouldBeTrue();
        capacity.Steps[^1].Dropped.ShouldBeGreaterThan(0);
        run.Stdout.ShouldContain("GENERATOR-LIMITED");
        run.Stdout.ShouldContain("FAILED: the capacity search was generator-limited and names no capacity");
    }

    [Theory]
    [InlineData("--scenario journey,purchase --capacity", "Capacity:Enabled (--capacity): the search finds one scenario's capacity, and 2 are enabled (journey, purchase)")]
    [InlineData("--scenario register --capacity --rate 50", "Capacity:Enabled (--capacity) with --rate: the search sets the rate and the length itself")]
    [InlineData("--scenario register --capacity --Capacity:Settle=00:00:20", "Capacity:Settle: each step must judge something")]
    [InlineData("--scenario register --capacity --Capacity:Slo:0=p(95)<", "Capacity:Slo: service level \"p(95)<\"")]
    [InlineData("--scenario register --capacity --Capacity:Factor=1", "Capacity:Factor: The field Factor must be between 1.01 and 100")]
    [InlineData("--scenario register --Thresholds:0:Expression=p(95)<500 --Thresholds:0:Window=00:00:00.500", "Thresholds:0:Window")]
    public async Task Capacity_settings_that_cannot_search_are_named_before_anything_is_sent(string args, string problem)
    {
        using var run = await AppRun.StartAsync(args.Split(' '));

        run.ExitCode.ShouldBe(2, run.Describe());
        run.Stderr.ShouldContain(problem, Case.Sensitive, run.Describe());
        run.Stderr.ShouldNotContain("   at ");
    }

    private static long Investors(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM investors";
        return (long)command.ExecuteScalar()!;
    }
}
