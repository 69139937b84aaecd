using Spectre.Console;
using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Console;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Sinks;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Reporting;
using UnitTrustLoad.Scenarios;

namespace UnitTrustLoad.Run;

/// <summary>
/// One test run from a valid configuration, in order: compose (<see cref="RunPlan"/>), preflight, load, drain,
/// ledger reconciliation, reports, verdict. The policies live with their subjects (<see cref="RunVerdict"/>,
/// <see cref="RunThresholds"/>, <see cref="RunSettings"/>, <see cref="RunFiles"/>); this class only sequences them.
/// </summary>
internal sealed class SuiteRun(
    SuiteOptions options,
    SuiteConfiguration configuration,
    TimeZoneInfo timeZone,
    RunSummary? baseline,
    InvestorsFile? existingInvestors,
    TextWriter stdout,
    TextWriter stderr,
    TimeProvider time)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        GeneratorSettings.ApplyBeforeAnySocket(options.UsesEmbeddedSimulator);
        await using var plan = await RunPlan.CreateAsync(options, time, existingInvestors, cancellationToken);
        await stdout.WriteLineAsync(plan.Simulator is null
            ? $"Target: {plan.BaseUrl}"
            : $"Target: embedded simulator at {plan.BaseUrl} (pass --target URL for a real environment)");
        if (plan.Proxy is { } proxy)
        {
            await stdout.WriteLineAsync($"Proxy: {proxy.Describe(plan.BaseUrl)}; transport {plan.Client.TransportDescription}");
        }

        if (plan.Headers.Count > 0)
        {
            await stdout.WriteLineAsync($"Request headers: {RequestHeaders.Describe(plan.Headers)}");
        }

        if (SimulationMapper.DescribeShortcut(options.Load) is { } shortcut)
        {
            await stdout.WriteLineAsync($"Load: {shortcut}");
        }

        string? preflightProblem;
        try
        {
            preflightProblem = await Preflight.CheckAsync(
                plan.Client, plan.TokenEndpoint, plan.BaseUrl, !string.IsNullOrWhiteSpace(options.Auth.TokenUrl), stdout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Interrupted during the preflight: no load was sent.");
            return ExitCodes.Interrupted;
        }

        if (preflightProblem is not null)
        {
            await stderr.WriteLineAsync(preflightProblem);
            return ExitCodes.PreflightFailed;
        }

        var folder = RunFolder.Create(options.Report.Root, plan.TestName, time.GetUtcNow(), timeZone);
        plan.Files.Open(folder);

        // The search prints a line per judged step, which the live table would overwrite: it reports in plain lines.
        using var live = plan.Capacity is null ? CreateLiveSink() : null;
        IReportingSink progress = live is not null ? live : new PlainProgressSink(stdout);
        var test = LoadTest.Create(plan.TestName)
            .WithScenarios([.. plan.Scenarios])
            .WithThresholds([.. RunThresholds.For(options, plan.Scenarios, stdout)])
            .WithSinks(progress, plan.Files)
            .WithReportingInterval(options.Load.ReportingInterval)
            .WithStopGracePeriod(options.Load.StopGracePeriod)
            .WithTimeProvider(time);
        if (baseline is not null)
        {
            test = test.WithBaseline(baseline.ToBaselineLookup());
        }

        if (plan.Capacity is { } capacity)
        {
            var judged = 0;
            test = test.WithCapacity(capacity with { StepJudged = step => stdout.WriteLine(CapacityLines.Step(++judged, step)) });
            await stdout.WriteLineAsync($"Capacity: searching {capacity.Scenario}'s sustainable rate (at most {capacity.MaxDuration:c}; Ctrl+C ends it with a partial result).");
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
            plan.Files.RemoveIfEmpty();
            return ExitCodes.InvalidConfiguration;
        }

        await plan.Files.DrainAsync(options.Load.StopGracePeriod + TimeSpan.FromSeconds(5));
        var generator = usage.Describe(result, plan.Simulator is not null);
        result = LedgerCheck.JudgeNothingCompared(result);
        var interrupted = cancellationToken.IsCancellationRequested;
        if (!interrupted && !result.Interrupted && options.Ledger.ReconcileSample > 0)
        {
            await stdout.WriteLineAsync($"Reconciling: re-fetching up to {options.Ledger.ReconcileSample} balances (at most {options.Ledger.ReconcileTimeout.TotalSeconds:0.#} s, Ctrl+C skips it)...");
            (result, interrupted) = await Reconciliation.RunAsync(result, plan.Ledger, plan.Client, options.Ledger.ReconcileTimeout, cancellationToken);
            if (interrupted)
            {
                result = result with { Interrupted = true, InterruptReason = "Ctrl+C during the reconciliation" };
            }
        }

        if (result.Counters.TryGetValue(PoolShortage.Counter, out var shortage) && shortage > 0)
        {
            await stderr.WriteLineAsync($"Warning: {shortage} iterations of {string.Join(", ", ScenarioNames.PoolScenarios)} were dropped (not failed): every pool investor was in use. Raise {(plan.InvestorsFile is null ? $"Load:PoolSize (now {options.Load.PoolSize})" : "the investors in Data:InvestorsFile")} above those scenarios' users and in-flight iterations.");
        }

        var regressed = options.Report.FailOnRegression && RegressionRule.Find(result, baseline).Count > 0;
        var exitCode = RunVerdict.ExitCode(result, interrupted, regressed);

        // Close the suite's own files first so the report (which may link them) sees them complete.
        await plan.Files.DisposeAsync();

        // The load phase's garbage is dead now: give its memory back before the report writers allocate theirs, so
        // writing the reports does not raise the process's peak memory above the load phase's (3-4 MiB less peak RSS
        // in 10-s runs; docs/benchmarks.md, issue 6). The generator figures above were taken before this.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var settings = RunSettings.Describe(plan, configuration);
        var context = new ReportContext(result, exitCode, timeZone, [.. settings, RunSettings.Resends(result), .. RunSettings.Outages(result), .. generator], baseline, RunChecks.From(result), RunFiles.Names, options.Report.FailOnRegression);
        var reportFailures = await ReportWriterSet.Default.WriteAllAsync(context, folder, CancellationToken.None);
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(TextSummary.Render(context));
        foreach (var failure in reportFailures)
        {
            await stderr.WriteLineAsync($"Report {failure.FileName} was not written: {failure.Message}");
        }

        if (await StepSummary.AppendAsync(Environment.GetEnvironmentVariable(StepSummary.Variable), folder, CancellationToken.None) is { } summaryProblem)
        {
            await stderr.WriteLineAsync(summaryProblem);
        }

        await stdout.WriteLineAsync($"Reports: {folder}");
        await stdout.WriteLineAsync($"Exit code: {exitCode} ({RunVerdict.Describe(exitCode)})");
        return exitCode;
    }

    private LiveProgressSink? CreateLiveSink()
    {
        var interactive = options.Report.LiveView && ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected
            && AnsiConsole.Profile.Capabilities.Interactive;
        return interactive ? new LiveProgressSink(AnsiConsole.Console, time) : null;
    }
}
