using System.Diagnostics;
using System.Text;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Reporting;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>What happens after the load (issue 13.6-13.8): no phase's timeout is an error, nothing judged never passes, Ctrl+C is heard.</summary>
[Collection(AppRunsSerially.Name)]
public sealed class AfterTheLoadTests
{
    [Fact]
    public async Task A_reconciliation_that_runs_out_of_time_judges_what_it_fetched_and_every_report_is_written()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "purchase", "--vus", "2", "--duration", "00:00:03",
             "--Simulator:Faults:FetchBalance:LatencyMs=1200", "--Ledger:ReconcileTimeout=00:00:02"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        ReportsAreWritten(run.Folder);
        var reconciliation = run.Summary.Thresholds.Single(t => t.Expression == Reconciliation.Expression);
        reconciliation.Passed.ShouldBeTrue();
        reconciliation.Message.ShouldNotBeNull().ShouldContain("re-fetched before its 2-s budget (Ledger:ReconcileTimeout) ran out; the rest not judged");
        run.Summary.Check("reconciliation")!.Checked.ShouldBeInRange(1, 3);
    }

    [Fact]
    public async Task A_reconciliation_that_judged_nothing_fails_the_run_as_not_judged()
    {
        using var run = await AppRun.StartAsync(
            ["--scenario", "purchase", "--vus", "2", "--duration", "00:00:02",
             "--Simulator:Faults:FetchBalance:LatencyMs=2500", "--Ledger:ReconcileTimeout=00:00:01"]);

        run.ExitCode.ShouldBe(ExitCodes.ThresholdFailed, run.Describe());
        ReportsAreWritten(run.Folder);
        var reconciliation = run.Summary.Thresholds.Single(t => t.Expression == Reconciliation.Expression);
        reconciliation.Passed.ShouldBeFalse();
        reconciliation.Message.ShouldNotBeNull().ShouldStartWith("not judged: none of the");
        run.Summary.Check("reconciliation")!.Verdict.ShouldStartWith("not judged");
        run.Stdout.ShouldContain("✗ reconciliation: not judged");
    }

    [Fact]
    public async Task Ctrl_C_during_the_reconciliation_stops_it_at_once_with_exit_130_and_every_report()
    {
        var root = Path.Combine(Path.GetTempPath(), "utl-tests", Guid.NewGuid().ToString("N"));
        using var interrupt = new CancellationTokenSource();
        using var stdout = new SignallingWriter("Reconciling:");
        using var stderr = new StringWriter();
        string[] args =
        [
            "--out", root, "--Load:ReportingInterval=00:00:01", "--Load:StopGracePeriod=00:00:02",
            "--scenario", "purchase", "--vus", "2", "--duration", "00:00:02",
            "--Simulator:Faults:FetchBalance:LatencyMs=2000",
        ];
        try
        {
            var app = UnitTrustLoadApp.RunAsync(args, stdout, stderr, interrupt.Token);
            (await Task.WhenAny(stdout.Seen, app)).ShouldBe(stdout.Seen, $"the reconciliation never started: {stdout}{stderr}");
            var pressed = Stopwatch.StartNew();
            await interrupt.CancelAsync();
            var exitCode = await app.WaitAsync(TimeSpan.FromSeconds(60));

            // Twenty balances at 2 s each would take 30 s (its budget): Ctrl+C ends it within a few.
            pressed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), $"{stdout}{stderr}");
            exitCode.ShouldBe(ExitCodes.Interrupted, $"{stdout}{stderr}");
            var folder = Directory.GetDirectories(root).Single();
            ReportsAreWritten(folder);
            var summary = RunSummary.Load(folder);
            summary.Interrupted.ShouldBeTrue();
            summary.InterruptReason.ShouldBe("Ctrl+C during the reconciliation");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void The_ledger_threshold_with_no_balance_compared_fails_as_not_judged()
    {
        var result = new Engine.Model.RunResult(
            "t", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), false, null, [],
            [new(LedgerCheck.BuiltInThreshold, "run", true, 0, null, false)],
            new Dictionary<string, long> { [LedgerCheck.ViolationsCounter] = 0 }, [], []);

        var judged = LedgerCheck.JudgeNothingCompared(result);

        var threshold = judged.Thresholds.ShouldHaveSingleItem();
        threshold.Passed.ShouldBeFalse();
        threshold.Message.ShouldNotBeNull().ShouldStartWith("not judged: no balance was compared with the ledger");
        LedgerCheck.JudgeNothingCompared(result with { Counters = new Dictionary<string, long> { [LedgerCheck.CheckedCounter] = 3 } })
            .Thresholds.ShouldHaveSingleItem().Passed.ShouldBeTrue();
    }

    private static void ReportsAreWritten(string folder)
    {
        foreach (var file in new[] { "report.html", "summary.txt", "summary.md", "summary.json", "stats.csv", "timeseries.csv", "junit.xml" })
        {
            File.Exists(Path.Combine(folder, file)).ShouldBeTrue($"{file} missing in {folder}");
        }
    }

    /// <summary>Captures the output and signals when a line starting with <c>marker</c> is written.</summary>
    private sealed class SignallingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith(marker, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
