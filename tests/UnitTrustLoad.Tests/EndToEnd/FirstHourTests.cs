using Microsoft.Data.Sqlite;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Knobs a user turns in the first hour (issue 17) do what docs/usage.md says, end to end on loopback.</summary>
[Collection(AppRunsSerially.Name)]
public sealed partial class FirstHourTests
{
    [Fact]
    public async Task Think_time_is_not_latency_so_a_journey_with_pauses_passes_its_p95_threshold()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "journey", "--vus", "2", "--duration", "00:00:04", "--Load:Scenarios:journey:ThinkTime=00:00:00.400",
             "--Thresholds:0:Expression=p(95) < 1000", "--Thresholds:0:Scenario=journey"]);

        // Four 400-ms pauses a journey: 1.6 s of think time each iteration, none of it latency.
        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var journey = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Journey);
        journey.OkCount.ShouldBeInRange(2, 12);
        journey.Iterations.LatencyMs.P95.ShouldBeLessThan(1000);
        run.Summary.Settings.Single(s => s.Name == "scenario journey").Value.ShouldContain("think time 00:00:00.4000000 after each step (not counted as latency)");
    }

    [Fact]
    public async Task Think_time_paces_a_single_operation_scenario_and_may_be_a_range()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "register", "--vus", "1", "--duration", "00:00:03", "--Load:Scenarios:register:ThinkTime=00:00:00.300..00:00:00.500"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);

        // One user thinking 0.3-0.5 s after each registration: 6 to 10 in 3 s, where without it thousands.
        register.OkCount.ShouldBeInRange(5, 11);
        register.Iterations.LatencyMs.P95.ShouldBeLessThan(300);
    }

    [Fact]
    public async Task A_think_time_range_the_wrong_way_round_is_refused_with_its_path()
    {
        using var run = await AppRun.StartAsync(["--Load:Scenarios:journey:ThinkTime=00:00:03..00:00:01"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Load:Scenarios:journey:ThinkTime");
        run.Stderr.ShouldContain("from the shorter to the longer");
        run.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Weight_shares_the_rate_among_the_running_scenarios()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "register,join-fund", "--rate", "50", "--duration", "00:00:04",
             "--Load:Scenarios:register:Weight=4", "--Load:Scenarios:join-fund:Weight=1"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var summary = run.Summary;
        summary.Settings.Single(s => s.Name == "scenario register").Value.ShouldContain("40");
        summary.Settings.Single(s => s.Name == "scenario join-fund").Value.ShouldContain("10");
        var register = summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        var join = summary.Scenarios.Single(s => s.Name == ScenarioNames.JoinFund);
        (register.OkCount + register.FailCount + register.DroppedIterations).ShouldBeInRange(150, 170);
        (join.OkCount + join.FailCount + join.DroppedIterations).ShouldBeInRange(35, 45);
    }

    [Fact]
    public async Task The_seed_decides_the_money_so_one_user_writes_the_same_investors_twice()
    {
        string[] args =
        [
            "--scenario", "journey", "--seed", "999",
            "--Load:Scenarios:journey:Simulations:0:Kind=IterationsForConstant",
            "--Load:Scenarios:journey:Simulations:0:Copies=1",
            "--Load:Scenarios:journey:Simulations:0:Iterations=12",
            "--Load:Scenarios:journey:Simulations:0:During=00:00:20",
        ];
        using var first = await AppRun.StartAsync(args);
        using var second = await AppRun.StartAsync(args);
        using var other = await AppRun.StartAsync([.. args[..3], "12345", .. args[4..]]);

        first.ExitCode.ShouldBe(ExitCodes.Passed, first.Describe());
        var a = InvestorsWithoutTimes(first.Folder);
        a.Count.ShouldBe(13, "a header and 12 investors");
        InvestorsWithoutTimes(second.Folder).ShouldBe(a);
        var amounts = Column(a, "UnitsBought");
        amounts.Distinct().Count().ShouldBeGreaterThan(6, "purchase amounts vary within a run");
        Column(InvestorsWithoutTimes(other.Folder), "UnitsBought").ShouldNotBe(amounts);
    }

    [Fact]
    public async Task Existing_investors_from_a_file_feed_the_pool_scenarios_and_none_is_registered()
    {
        var database = Path.Combine(Path.GetTempPath(), $"utl-existing-{Guid.NewGuid():N}.db");
        try
        {
            await using var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions { DatabasePath = database });
            string[] target = ["--target", simulator.BaseUrl.ToString(), "--Auth:ClientId=" + simulator.ClientId, "--Auth:ClientSecret=" + simulator.ClientSecret];

            // A previous run registered and joined six investors; its investors.csv is the list.
            using var earlier = await AppRun.StartAsync(
            [
                .. target, "--scenario", "journey",
                "--Load:Scenarios:journey:Simulations:0:Kind=IterationsForConstant",
                "--Load:Scenarios:journey:Simulations:0:Copies=2", "--Load:Scenarios:journey:Simulations:0:Iterations=6",
                "--Load:Scenarios:journey:Simulations:0:During=00:00:20",
            ]);
            earlier.ExitCode.ShouldBe(ExitCodes.Passed, earlier.Describe());
            var file = Path.Combine(earlier.Folder, InvestorsCsv.FileName);
            var investorsBefore = Count(database, "SELECT COUNT(*) FROM investors");
            investorsBefore.ShouldBe(6);
            var purchasesBefore = Count(database, "SELECT COUNT(*) FROM transactions WHERE kind = 'purchase'");

            using var run = await AppRun.StartAsync(
                [.. target, "--scenario", "purchase,balance", "--vus", "2", "--duration", "00:00:03", "--Data:InvestorsFile=" + file]);

            run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
            var summary = run.Summary;
            Count(database, "SELECT COUNT(*) FROM investors").ShouldBe(investorsBefore, "no investor is registered");
            var purchase = summary.Scenarios.Single(s => s.Name == ScenarioNames.Purchase);
            (Count(database, "SELECT COUNT(*) FROM transactions WHERE kind = 'purchase'") - purchasesBefore).ShouldBe(purchase.OkCount);
            purchase.OkCount.ShouldBeGreaterThan(10);
            var consistency = summary.Check("consistency")!;
            consistency.Checked.ShouldBeGreaterThan(10);
            consistency.Failed.ShouldBe(0);
            summary.Settings.Single(s => s.Name == "investors").Value.ShouldStartWith($"6 investors from {file}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    [Fact]
    public async Task A_malformed_investors_file_is_refused_with_its_line_numbers_before_any_traffic()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-investors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "ClientIdentifier,IDNumber\nA1,123\n,456\nA1,789\nB2,12x\n\"C3,1\n");
        try
        {
            using var run = await AppRun.StartAsync(["--scenario", "balance", "--Data:InvestorsFile=" + file]);

            run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
            run.Stderr.ShouldContain("The investors file cannot be used");
            run.Stderr.ShouldContain("line 6: a quoted field is never closed");
            run.Stdout.ShouldNotContain("Target:");
            (Directory.Exists(run.Root) ? Directory.GetDirectories(run.Root) : []).ShouldBeEmpty("no run folder before any traffic");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Each_bad_row_of_an_investors_file_is_named_by_its_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-investors-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "IDNumber,ClientIdentifier\n123,A1\n456,\n789,A1\n12x,B2\n1,\"C,3\"\n2,D4,extra\n");
        try
        {
            var problems = Should.Throw<InvestorsFileException>(() => InvestorsFile.Load(file)).Problems;

            problems.Count.ShouldBe(4);
            problems[0].ShouldContain("line 3: the ClientIdentifier is empty");
            problems[1].ShouldContain("line 4: A1 appears again (first on line 2)");
            problems[2].ShouldContain("line 5: IDNumber '12x' is not a whole number");
            problems[3].ShouldContain("line 7: 3 fields where the header has 2");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_previous_runs_rows_that_never_registered_or_joined_are_left_out()
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-investors-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "Scenario,ClientIdentifier,Register,JoinFund\njourney,A1,201,200\npool,B2,500,\njourney,C3,201,409\n\"journey\",\"D,4\",201,200\n");
        try
        {
            var loaded = InvestorsFile.Load(file);

            loaded.Investors.Select(i => i.ClientIdentifier).ShouldBe(["A1", "D,4"]);
            loaded.Skipped.ShouldBe(2);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> InvestorsWithoutTimes(string folder)
    {
        // ClientIdentifier carries the run's id (made from the time); every other column comes from the seed or the API.
        var lines = File.ReadAllLines(Path.Combine(folder, InvestorsCsv.FileName));
        var header = Fields(lines[0]);
        var drop = Array.IndexOf(header, "ClientIdentifier");
        drop.ShouldBeGreaterThanOrEqualTo(0);
        return [.. lines.Select(line => string.Join(',', Fields(line).Where((_, i) => i != drop)))];
    }

    private static List<string> Column(List<string> rows, string name)
    {
        var at = Array.IndexOf(Fields(rows[0]), name);
        at.ShouldBeGreaterThanOrEqualTo(0);
        return [.. rows.Skip(1).Select(row => Fields(row)[at])];
    }

    /// <summary>A CSV line's fields, quoted ones (the dates hold commas) kept whole.</summary>
    private static string[] Fields(string line) => QuotedAwareComma().Split(line);

    [System.Text.RegularExpressions.GeneratedRegex("""",(?=(?:[^"]*"[^"]*")*[^"]*$)"""")]
    private static partial System.Text.RegularExpressions.Regex QuotedAwareComma();

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
