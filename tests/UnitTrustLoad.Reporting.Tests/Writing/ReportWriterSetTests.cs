using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Writing;

public sealed class ReportWriterSetTests
{
    [Fact]
    public async Task WriteAllAsync_writes_every_report_file_and_reports_no_failure()
    {
        using var folder = new TempFolder();

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), folder.Path);

        failures.ShouldBeEmpty();
        foreach (var name in new[] { "report.html", "summary.txt", "summary.md", "summary.json", "stats.csv", "timeseries.csv", "junit.xml" })
        {
            new FileInfo(folder.File(name)).Length.ShouldBeGreaterThan(100, name);
        }

        Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_writer_is_reported_and_the_others_still_write()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("summary.json"));

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), folder.Path);

        var failure = failures.ShouldHaveSingleItem();
        failure.FileName.ShouldBe("summary.json");
        failure.Message.ShouldContain(folder.File("summary.json"));
        File.Exists(folder.File("report.html")).ShouldBeTrue();
        File.Exists(folder.File("junit.xml")).ShouldBeTrue();
        File.Exists(folder.File("stats.csv")).ShouldBeTrue();
        Directory.GetFiles(folder.Path, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_uncreatable_folder_fails_every_writer_with_the_folder_named()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("plain-file"), "x");
        var target = Path.Combine(folder.File("plain-file"), "run");

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), target);

        failures.Count.ShouldBe(ReportWriterSet.Default.FileNames.Count);
        failures[0].Message.ShouldContain(target);
    }

    [Fact]
    public async Task Writing_again_replaces_the_previous_files()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("summary.txt"), "stale content that is longer than nothing");

        await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), folder.Path);

        File.ReadAllText(folder.File("summary.txt")).ShouldNotContain("stale content");
    }

    [Fact]
    public async Task A_run_with_no_scenarios_thresholds_or_intervals_still_gets_every_report()
    {
        using var folder = new TempFolder();
        var empty = new RunResult("empty", SampleRun.StartedAt, TimeSpan.Zero, true, "stopped before start", [], [], new Dictionary<string, long>(), [], []);

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(empty), folder.Path);

        failures.ShouldBeEmpty();
        File.ReadAllText(folder.File("summary.txt")).ShouldContain("interrupted (stopped before start)");
        RunSummary.Load(folder.Path).Scenarios.ShouldBeEmpty();
    }

    [Fact]
    public async Task Figures_the_engine_could_not_compute_do_not_break_any_report()
    {
        using var folder = new TempFolder();
        var nan = new LatencyStats(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var step = SampleRun.Step("idle", 0, 0, double.NaN, 1) with { Latency = nan };
        var result = SampleRun.Create(intervals: 2, steps: ["idle"]);
        result = result with
        {
            Scenarios = [result.Scenarios[0] with { Total = step, Steps = [step] }],
            Intervals = [result.Intervals[0] with { Scenarios = [result.Intervals[0].Scenarios[0] with { Total = step, Steps = [step] }] }],
        };

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(result), folder.Path);

        failures.ShouldBeEmpty();
        RunSummary.Load(folder.Path).Scenarios[0].Steps[0].LatencyMs.P95.ShouldBe(double.NaN);
    }

    [Fact]
    public async Task Cancelling_stops_the_remaining_reports_and_says_so()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), folder.Path, cancelled.Token);

        failures.Count.ShouldBe(7);
        failures.ShouldAllBe(f => f.Message.Contains("Cancelled"));
    }

    [Fact]
    public async Task Reports_with_a_baseline_and_violations_are_written_to_the_test_output_for_a_look()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "sample-report");
        var baseline = RunSummary.From(SampleRun.Context(SampleRun.Create(failingThreshold: false)));
        var result = SampleRun.Create(intervals: 120, violations: 2);

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(result, baseline), folder);

        failures.ShouldBeEmpty();
    }
}
