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
    public async Task Sample_reports_are_written_to_the_test_output_for_a_look()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "sample-report");
        var baseline = RunSummary.From(SampleRun.Context(SampleRun.Create(failingThreshold: false)));
        var result = SampleRun.Create(intervals: 120, violations: 2);

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(result, baseline), folder);

        failures.ShouldBeEmpty();
    }
}
