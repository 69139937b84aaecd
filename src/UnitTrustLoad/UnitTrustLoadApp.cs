using UnitTrustLoad.Configuration;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Reporting;
using UnitTrustLoad.Run;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad;

/// <summary>
/// The whole program behind one call, so tests run it in-process: arguments and settings in, exit code out. Every user
/// mistake ends here as a message and exit code, never a stack trace.
/// </summary>
internal static class UnitTrustLoadApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var commandLine = CommandLine.Parse(args);
        if (commandLine.HelpRequested)
        {
            await stdout.WriteLineAsync(HelpText.Text);
            return commandLine.Problems.Count == 0 ? ExitCodes.Passed : ExitCodes.InvalidConfiguration;
        }

        var configuration = SuiteConfiguration.Load(commandLine, SuiteConfiguration.FindConfigDirectory());
        if (configuration.Options is not { } options)
        {
            await ReportProblemsAsync(stderr, "The configuration is invalid", configuration.Problems);
            return ExitCodes.InvalidConfiguration;
        }

        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Report.TimeZone);
        if (RunFolder.CheckWritable(options.Report.Root) is { } notWritable)
        {
            await ReportProblemsAsync(stderr, "The report folder cannot be used", [notWritable]);
            return ExitCodes.InvalidConfiguration;
        }

        RunSummary? baseline = null;
        if (!string.IsNullOrWhiteSpace(options.Report.Baseline))
        {
            try
            {
                baseline = RunSummary.Load(options.Report.Baseline);
            }
            catch (BaselineException ex)
            {
                await ReportProblemsAsync(stderr, "The baseline cannot be used", [ex.Message]);
                return ExitCodes.InvalidConfiguration;
            }
        }

        InvestorsFile? existing = null;
        if (!string.IsNullOrWhiteSpace(options.Data.InvestorsFile))
        {
            try
            {
                existing = InvestorsFile.Load(options.Data.InvestorsFile);
                if (PoolDemand.Problem(options.Load, existing.Investors.Count, $"Data:InvestorsFile '{existing.Path}'", "list at least") is { } shortage)
                {
                    throw new InvestorsFileException([shortage]);
                }
            }
            catch (InvestorsFileException ex)
            {
                await ReportProblemsAsync(stderr, "The investors file cannot be used", ex.Problems);
                return ExitCodes.InvalidConfiguration;
            }
        }

        try
        {
            var run = new SuiteRun(options, configuration, timeZone, baseline, existing, stdout, stderr, TimeProvider.System);
            return await run.ExecuteAsync(cancellationToken);
        }
        catch (SimulatorConfigurationException ex)
        {
            await ReportProblemsAsync(stderr, "The embedded simulator's settings are invalid", [.. ex.Problems]);
            return ExitCodes.InvalidConfiguration;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Interrupted before the load started.");
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The last line of defence: a bug in the suite is reported in one line with its kind, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"UnitTrustLoad stopped on an unexpected error ({ex.GetType().Name}): {ex.Message}");
            if (Environment.GetEnvironmentVariable("UTLOAD_DEBUG") == "1")
            {
                await stderr.WriteLineAsync(ex.ToString());
            }
            else
            {
                await stderr.WriteLineAsync("Set UTLOAD_DEBUG=1 to see the details, and report it with them.");
            }

            return ExitCodes.Unexpected;
        }
    }

    public static async Task ReportProblemsAsync(TextWriter stderr, string title, IReadOnlyList<string> problems)
    {
        await stderr.WriteLineAsync($"{title} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync($"  - {problem}");
        }

        await stderr.WriteLineAsync("Nothing was sent. Run with --help for the options.");
    }
}
