using System.Net;
using System.Net.Sockets;
using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Scenarios;


namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>The app end to end against the embedded simulator on loopback; runs are serial so timings stay honest on 2 cores.</summary>
[Collection(AppRunsSerially.Name)]
public sealed class AppRunTests
{
    [Fact]
    public async Task Default_run_writes_every_report_file_and_exits_0()
    {
        using var run = await AppRun.StartAsync(["--vus", "2", "--duration", "00:00:04", "--seed", "42"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        string[] expected =
        [
            "report.html", "summary.txt", "summary.md", "summary.json", "stats.csv", "timeseries.csv", "junit.xml",
            InvestorsCsv.FileName, "consistency.csv", FailureLog.FileName,
        ];
        foreach (var file in expected)
        {
            File.Exists(Path.Combine(run.Folder, file)).ShouldBeTrue($"{file} missing in {run.Folder}");
        }

        var summary = run.Summary;
        var journey = summary.Scenarios.Single(s => s.Name == ScenarioNames.Journey);
        journey.OkCount.ShouldBeGreaterThan(10);
        journey.Steps.Select(s => s.Name).ShouldBe(
            [ScenarioNames.Register, ScenarioNames.JoinFund, ScenarioNames.Purchase, ScenarioNames.Balance, ScenarioNames.Sale],
            ignoreOrder: true);
        summary.Check("consistency")!.Checked.ShouldBeGreaterThan(10);
        summary.Thresholds.ShouldContain(t => t.Expression == LedgerCheck.BuiltInThreshold && t.Passed);
        run.Stdout.ShouldContain($"Reports: {run.Folder}");
        run.Stdout.ShouldContain("journey.register");

        // What the load phase cost the generator, per request, in every report.
        var cpu = summary.Settings.Single(s => s.Name == "generator CPU").Value;
        cpu.ShouldContain("embedded simulator included");
        PerRequest(cpu, " µs per request").ShouldBeInRange(1, 100_000);
        var gc = summary.Settings.Single(s => s.Name == "generator GC").Value;
        PerRequest(gc, " B per request").ShouldBeInRange(100, 1_000_000);
        summary.Settings.Single(s => s.Name == "generator memory").Value.ShouldStartWith("peak working set ");
        run.Stdout.ShouldContain("generator GC");
    }

    private static double PerRequest(string text, string unit)
    {
        var end = text.IndexOf(unit, StringComparison.Ordinal);
        end.ShouldBeGreaterThan(0, text);
        var start = text.LastIndexOf(' ', end - 1) + 1;
        return double.Parse(text[start..end], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Duration_alone_runs_the_configured_shape_fitted_to_it_and_every_report_says_so()
    {
        using var run = await AppRun.StartAsync(["--duration", "2s", "--Load:Scenarios:journey:Simulations:0:Copies=3"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        const string Line = "duration 00:00:02 (each scenario's shape fitted to it)";
        run.Stdout.ShouldContain($"Load: {Line}");
        run.Stdout.ShouldContain("journey: KeepConstant 3 copies during 00:00:02");
        foreach (var report in new[] { "summary.txt", "summary.md", "summary.json", "report.html" })
        {
            (await File.ReadAllTextAsync(Path.Combine(run.Folder, report))).ShouldContain("duration 00:00:02 (each scenario", Case.Sensitive, report);
        }
    }

    [Fact]
    public async Task Impossible_threshold_exits_99()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "1", "--duration", "00:00:02", "--Thresholds:0:Expression=p(95) < 0.0001", "--Ledger:ReconcileSample=0"]);

        run.ExitCode.ShouldBe(ExitCodes.ThresholdFailed, run.Describe());
        run.Summary.Thresholds.ShouldContain(t => t.Expression == "p(95) < 0.0001" && !t.Passed);
    }

    [Fact]
    public async Task Bad_configuration_exits_2_naming_each_bad_setting_before_any_traffic()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "0", "--duration", "five minutes", "--Target:Colour=blue", "--Load:Scenarios:journey:Simulations:0:Kind=Hover", "--profile", "nope"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Load:Duration (--duration)");
        run.Stderr.ShouldContain("Target:Colour: unknown setting");
        run.Stderr.ShouldContain("--profile 'nope'");
        run.Stderr.ShouldNotContain("   at ");
        Directory.Exists(run.Root).ShouldBeFalse("no report folder may be created for an invalid configuration");
    }

    [Fact]
    public async Task Mistakes_in_the_suites_and_the_simulators_settings_come_in_one_block_before_the_simulator_starts()
    {
        using var run = await AppRun.StartAsync(
            ["--duration", "soon", "--Load:Colour=blue", "--scenario", "checkout", "--vus", "-3", "--Simulator:ClientSecret=short"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Load:Duration (--duration): 'soon' is not a duration");
        run.Stderr.ShouldContain("Load:Colour: unknown setting");
        run.Stderr.ShouldContain("--scenario 'checkout' is not a scenario");
        run.Stderr.ShouldContain("Load:Vus (--vus): ");
        run.Stderr.ShouldContain("Simulator:ClientSecret is shorter than 8 characters");
        run.Stderr.Split("Nothing was sent.").Length.ShouldBe(2, "one block: " + run.Stderr);
        run.Stderr.ShouldStartWith("The configuration is invalid (5 problems):");
        run.Stdout.ShouldNotContain("Target:", Case.Sensitive, "the simulator must not have started");
        Directory.Exists(run.Root).ShouldBeFalse("no report folder may be created for an invalid configuration");
    }

    [Fact]
    public async Task Bad_values_are_all_reported_after_binding_too()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "0", "--Load:Scenarios:journey:Simulations:0:Kind=Hover", "--Data:PurchaseMin=900000", "--Data:PurchaseMax=1000", "--Report:TimeZone=Mars/Olympus"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Load:Vus (--vus)");
        run.Stderr.ShouldContain("'Hover' is not a load simulation");
        run.Stderr.ShouldContain("Data:PurchaseMin");
        run.Stderr.ShouldContain("Report:TimeZone");
    }

    [Fact]
    public async Task Unreachable_target_exits_3_naming_what_to_check()
    {
        var port = ClosedPort();
        using var run = await AppRun.StartAsync(
            ["--target", $"http://127.0.0.1:{port}", "--Auth:ClientId=someone", "--Auth:ClientSecret=generated-" + Guid.NewGuid().ToString("N")]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("unreachable");
        run.Stderr.ShouldContain("--target");
        (Directory.Exists(run.Root) ? Directory.GetDirectories(run.Root).Length : 0).ShouldBe(0, "no run folder before preflight passes");
    }

    [Fact]
    public async Task Short_token_lifetime_is_refreshed_ahead_so_no_401_reaches_the_statistics()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "4", "--duration", "00:00:10", "--Simulator:TokenLifetime=00:00:02", "--Ledger:ReconcileSample=0"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var summary = run.Summary;
        var journey = summary.Scenarios.Single(s => s.Name == ScenarioNames.Journey);
        foreach (var step in journey.Steps)
        {
            step.StatusCodes.ShouldNotContainKey("401", $"step {step.Name}");
        }

        // Refreshed ahead of expiry: several token requests, and never a rejected request that needed a retry.
        journey.Steps.Single(s => s.Name == ScenarioNames.TokenStep).OkCount.ShouldBeGreaterThanOrEqualTo(4);
        summary.Counters.GetValueOrDefault(ScenarioObserver.AuthRetriesCounter).ShouldBe(0);
    }

    [Fact]
    public async Task Injected_500s_show_up_in_the_failure_counts_within_statistical_bounds()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "register", "--vus", "4", "--duration", "00:00:05", "--Simulator:Faults:Register:ErrorRate=0.2", "--seed", "7"]);

        run.ExitCode.ShouldBe(ExitCodes.ThresholdFailed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register).Steps.Single(s => s.Name == ScenarioNames.Register);
        register.Count.ShouldBeGreaterThan(200);
        var errors = register.StatusCodes.GetValueOrDefault("500");
        register.FailCount.ShouldBe(errors);
        // Binomial: 0.2 ± 5 standard deviations of the observed count.
        var n = register.Count;
        var sd = Math.Sqrt(n * 0.2 * 0.8);
        ((double)errors).ShouldBeInRange((n * 0.2) - (5 * sd), (n * 0.2) + (5 * sd));
        File.ReadAllText(Path.Combine(run.Folder, FailureLog.FileName)).ShouldContain(" 500 ");
    }

    [Fact]
    public async Task Corrupted_balances_are_caught_by_the_ledger_and_exit_99()
    {
        using var run = await AppRun.StartAsync(
            ["--vus", "2", "--duration", "00:00:04", "--Simulator:Faults:FetchBalance:CorruptBalanceRate=0.3"]);

        run.ExitCode.ShouldBe(ExitCodes.ThresholdFailed, run.Describe());
        var summary = run.Summary;
        summary.Check("consistency")!.Failed.ShouldBeGreaterThan(0);
        summary.Thresholds.ShouldContain(t => t.Expression == LedgerCheck.BuiltInThreshold && !t.Passed);
        File.ReadAllLines(Path.Combine(run.Folder, "consistency.csv")).Length.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Cancelled_run_exits_130_with_one_investor_row_per_successful_registration()
    {
        using var cancel = new CancellationTokenSource();
        var root = Path.Combine(Path.GetTempPath(), "utl-tests", Guid.NewGuid().ToString("N"));
        var running = AppRun.StartAsync(["--vus", "4", "--duration", "00:01:00"], root, cancel.Token);
        // Cancel mid-load: two seconds after the run folder (created just before the load starts) appears.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!running.IsCompleted && DateTime.UtcNow < deadline && !(Directory.Exists(root) && Directory.GetDirectories(root).Length == 1))
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await cancel.CancelAsync();
        using var run = await running;

        run.ExitCode.ShouldBe(ExitCodes.Interrupted, run.Describe());
        var summary = run.Summary;
        summary.Interrupted.ShouldBeTrue();
        var registered = summary.Scenarios.Single(s => s.Name == ScenarioNames.Journey).Steps.Single(s => s.Name == ScenarioNames.Register).OkCount;
        registered.ShouldBeGreaterThan(0);
        var rows = File.ReadAllLines(Path.Combine(run.Folder, InvestorsCsv.FileName));
        (rows.Length - 1).ShouldBe((int)registered);
        rows.Skip(1).Select(r => r.Split(',')[1]).Distinct().Count().ShouldBe((int)registered);
    }

    [Fact]
    public async Task Standalone_purchase_balance_and_sale_share_a_prepared_pool_and_keep_the_ledger_exact()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "purchase,balance,sale,register,join-fund", "--vus", "3", "--duration", "00:00:04", "--Load:PoolSize=12"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var summary = run.Summary;
        foreach (var name in new[] { ScenarioNames.Purchase, ScenarioNames.Balance, ScenarioNames.Sale, ScenarioNames.Register, ScenarioNames.JoinFund })
        {
            var scenario = summary.Scenarios.Single(s => s.Name == name);
            scenario.OkCount.ShouldBeGreaterThan(0, name);
            scenario.FailCount.ShouldBe(0, name);
        }

        summary.Check("consistency")!.Checked.ShouldBeGreaterThan(0);
        summary.Check("consistency")!.Failed.ShouldBe(0);
        // The pool's 12 investors plus every registration of the register and join-fund scenarios.
        var registrations = summary.Scenarios.SelectMany(s => s.Steps).Where(s => s.Name == ScenarioNames.Register).Sum(s => s.OkCount);
        (File.ReadAllLines(Path.Combine(run.Folder, InvestorsCsv.FileName)).Length - 1).ShouldBe((int)registrations + 12);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
