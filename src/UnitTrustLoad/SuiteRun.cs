using System.Globalization;
using Spectre.Console;
using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Transport;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Console;
using UnitTrustLoad.Data;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Sinks;
using UnitTrustLoad.Engine.Thresholds;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Output;
using UnitTrustLoad.Reporting;
using UnitTrustLoad.Scenarios;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad;

/// <summary>One test run from a valid configuration: target, preflight, load, ledger reconciliation, reports, verdict.</summary>
internal sealed class SuiteRun(
    SuiteOptions options,
    SuiteConfiguration configuration,
    TimeZoneInfo timeZone,
    RunSummary? baseline,
    TextWriter stdout,
    TextWriter stderr,
    TimeProvider time)
{
    public const string BuiltInConsistencyThreshold = "consistency_violations == 0";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        GeneratorSettings.ApplyBeforeAnySocket(options.UsesEmbeddedSimulator);
        await using var simulator = options.UsesEmbeddedSimulator
            ? await EmbeddedSimulator.StartAsync(options.Simulator, cancellationToken)
            : null;
        var baseUrl = simulator?.BaseUrl ?? new Uri(options.Target.BaseUrl!, UriKind.Absolute);
        var endpoint = ResolveTokenEndpoint(baseUrl, simulator);

        using var handler = ApiHttp.CreateHandler(options.Target);
        using var http = ApiHttp.CreateClient(handler, options.Target.RequestTimeout);
        var tokens = new TokenCache(http, endpoint, time);
        var endpoints = new ApiEndpoints(baseUrl, options.Target);
        using var transport = ApiTransports.Create(options.Target, baseUrl, endpoints, http, time);
        var client = new UnitTrustClient(transport, tokens, endpoints);

        await stdout.WriteLineAsync(simulator is null
            ? $"Target: {baseUrl}"
            : $"Target: embedded simulator at {baseUrl} (pass --target URL for a real environment)");
        if (await Preflight.CheckAsync(client, endpoint, baseUrl) is { } preflightProblem)
        {
            await stderr.WriteLineAsync(preflightProblem);
            return ExitCodes.PreflightFailed;
        }

        var seed = options.Data.Seed ?? Random.Shared.Next();
        var runId = References.NewRunId(time);
        var investorsCsv = new InvestorCsvSink();
        await using var investorsCsvScope = investorsCsv;
        await using var consistency = new ConsistencyLog(time);
        await using var failures = new FailureLog(options.Report.FailureSamplesPerStatus, time);
        var ledger = new LedgerCheck(options.Ledger.Enabled, options.Ledger.ReconcileSample, consistency);
        var steps = new InvestorSteps(client, new InvestorFaker(seed, time), new References(runId), ledger, investorsCsv, options.Data, time);
        var pool = new InvestorPool(steps, options.Load.PoolSize);
        var scenarios = ScenarioCatalog.Build(options.Load, steps, pool);
        var testName = string.IsNullOrWhiteSpace(options.Load.TestName) ? DefaultTestName(scenarios) : options.Load.TestName;

        var folder = RunFolder.Create(options.Report.Root, testName, time.GetUtcNow(), timeZone);
        investorsCsv.Open(folder);
        consistency.Open(folder);
        failures.Open(folder);
        client.Failures = failures;

        using var live = CreateLiveSink();
        IReportingSink progress = live is not null ? live : new PlainProgressSink(stdout);
        var test = LoadTest.Create(testName)
            .WithScenarios([.. scenarios])
            .WithThresholds([.. Thresholds(scenarios)])
            .WithSinks(progress, investorsCsv)
            .WithReportingInterval(options.Load.ReportingInterval)
            .WithStopGracePeriod(options.Load.StopGracePeriod)
            .WithTimeProvider(time);
        if (baseline is not null)
        {
            test = test.WithBaseline(baseline.ToBaselineLookup());
        }

        RunResult result;
        var usage = GeneratorUsage.Start();
        try
        {
            result = await test.RunAsync(cancellationToken);
        }
        catch (LoadTestDefinitionException ex)
        {
            await UnitTrustLoadApp.ReportProblemsAsync(stderr, "The load test cannot run", ex.Problems.Select(p => p.ToString()).ToList());
            TryRemoveEmpty(folder, investorsCsv);
            return ExitCodes.InvalidConfiguration;
        }

        await DrainAsync(steps);
        var generator = usage.Describe(result, simulator is not null);
        var interrupted = cancellationToken.IsCancellationRequested;
        if (!interrupted && !result.Interrupted && options.Ledger.ReconcileSample > 0)
        {
            using var reconcileTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            result = await Reconciliation.RunAsync(result, ledger, client, reconcileTimeout.Token);
        }

        var exitCode = interrupted || (result.Interrupted && !AbortedByThreshold(result)) ? ExitCodes.Interrupted
            : result.ThresholdsPassed ? ExitCodes.Passed : ExitCodes.ThresholdFailed;

        // Close the suite's own files first so the report (which may link them) sees them complete.
        await investorsCsv.DisposeAsync();
        await consistency.DisposeAsync();
        await failures.DisposeAsync();

        // The load phase's garbage is dead now: give its memory back before the report writers allocate theirs, so
        // writing the reports does not raise the process's peak memory above the load phase's (3-4 MiB less peak RSS
        // in 10-s runs; docs/benchmarks.md, issue 6). The generator figures above were taken before this.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var context = new ReportContext(result, exitCode, timeZone, [.. Settings(baseUrl, simulator is not null, seed, runId, scenarios), .. generator], baseline);
        var reportFailures = await ReportWriterSet.Default.WriteAllAsync(context, folder, CancellationToken.None);
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(TextSummary.Render(context));
        foreach (var failure in reportFailures)
        {
            await stderr.WriteLineAsync($"Report {failure.FileName} was not written: {failure.Message}");
        }

        await stdout.WriteLineAsync($"Reports: {folder}");
        await stdout.WriteLineAsync($"Exit code: {exitCode} ({Verdict(exitCode)})");
        return exitCode;
    }

    private TokenEndpoint ResolveTokenEndpoint(Uri baseUrl, EmbeddedSimulator? simulator)
    {
        var auth = options.Auth;
        var address = string.IsNullOrWhiteSpace(auth.TokenUrl) ? baseUrl.AbsoluteUri.TrimEnd('/') + "/core/connect/token" : auth.TokenUrl;
        var clientId = simulator is not null && string.IsNullOrWhiteSpace(auth.ClientId) ? simulator.ClientId : auth.ClientId ?? "";
        var secret = simulator is not null && string.IsNullOrEmpty(auth.ClientSecret) ? simulator.ClientSecret : auth.ClientSecret ?? "";
        return new TokenEndpoint(address, clientId, secret, auth.Scope, auth.RefreshAhead, auth.RefreshAheadFraction, auth.RetryBackoff);
    }

    private List<Threshold> Thresholds(List<ScenarioProps> scenarios)
    {
        var running = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scenario in scenarios)
        {
            running.Add(scenario.Name);
        }

        var thresholds = new List<Threshold>();
        foreach (var t in options.Thresholds)
        {
            var scenario = string.IsNullOrWhiteSpace(t.Scenario) ? null : t.Scenario.ToLowerInvariant();
            if (scenario is not null && !running.Contains(scenario))
            {
                // A threshold on a scenario that is not running has nothing to judge; say so instead of failing the run.
                stdout.WriteLine($"Note: threshold '{t.Expression}' on scenario '{scenario}' is skipped: that scenario is not running.");
                continue;
            }

            thresholds.Add(new Threshold(t.Expression, scenario, string.IsNullOrWhiteSpace(t.Step) ? null : t.Step, t.AbortOnFail, t.AbortGracePeriod));
        }

        if (options.Ledger.Enabled && (running.Contains(ScenarioNames.Journey) || running.Contains(ScenarioNames.Balance)))
        {
            thresholds.Add(new Threshold(BuiltInConsistencyThreshold));
        }

        return thresholds;
    }

    private LiveProgressSink? CreateLiveSink()
    {
        var interactive = options.Report.LiveView && ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected
            && AnsiConsole.Profile.Capabilities.Interactive;
        return interactive ? new LiveProgressSink(AnsiConsole.Console, time) : null;
    }

    private List<KeyValuePair<string, string>> Settings(Uri baseUrl, bool embedded, int seed, string runId, List<ScenarioProps> scenarios)
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("target", embedded ? $"embedded simulator ({baseUrl})" : baseUrl.ToString()),
        };
        if (configuration.ProfileName is { } profile)
        {
            settings.Add(new("profile", profile));
        }

        if (configuration.ConfigFile is { } file)
        {
            settings.Add(new("config file", file));
        }

        foreach (var scenario in scenarios)
        {
            settings.Add(new($"scenario {scenario.Name}", ScenarioCatalog.Describe(scenario)));
        }

        settings.Add(new("transport", ApiTransports.Describe(options.Target, baseUrl)));
        settings.Add(new("seed", seed.ToString(CultureInfo.InvariantCulture)));
        settings.Add(new("run id", runId));
        settings.Add(new("fund", options.Data.Fund));
        settings.Add(new("purchase value", string.Create(CultureInfo.InvariantCulture, $"{options.Data.PurchaseMin:N2}..{options.Data.PurchaseMax:N2} KES")));
        if (embedded)
        {
            settings.Add(new("simulator token lifetime", options.Simulator.TokenLifetime.ToString("c", CultureInfo.InvariantCulture)));
        }

        return settings;
    }

    private async Task DrainAsync(InvestorSteps steps)
    {
        // Iterations cut off by the stop still write their investor row in a finally; wait for them before closing the file.
        var deadline = time.GetTimestamp() + (long)(time.TimestampFrequency * (options.Load.StopGracePeriod.TotalSeconds + 5));
        while (steps.InFlight > 0 && time.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time);
        }
    }

    private static bool AbortedByThreshold(RunResult result)
    {
        foreach (var threshold in result.Thresholds)
        {
            if (threshold.AbortedRun)
            {
                return true;
            }
        }

        return false;
    }

    private static string DefaultTestName(List<ScenarioProps> scenarios)
    {
        var names = new List<string>(scenarios.Count);
        foreach (var scenario in scenarios)
        {
            names.Add(scenario.Name);
        }

        return string.Join('+', names);
    }

    private static void TryRemoveEmpty(string folder, InvestorCsvSink investors)
    {
        if (investors.Rows == 0)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Leaving an empty run folder behind is harmless.
            }
        }
    }

    private static string Verdict(int exitCode) => exitCode switch
    {
        ExitCodes.Passed => "all thresholds passed",
        ExitCodes.ThresholdFailed => "a threshold failed",
        ExitCodes.Interrupted => "interrupted",
        _ => "see above",
    };
}
