using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Text;

/// <summary>Open-model scenarios show their time from the intended start beside service time in every report (issue 13.10).</summary>
public sealed class ResponseTimeReportTests
{
    private static readonly LatencyStats FromIntendedStart = new(5, 42, 900, 30, 40, 55, 310.5, 640, 880);

    [Fact]
    public async Task The_time_from_the_intended_start_is_in_the_text_json_and_html_reports()
    {
        var run = SampleRun.Create();
        var scenarios = run.Scenarios.Select((s, i) => i == 0 ? s with { ResponseTime = FromIntendedStart } : s).ToList();
        var context = SampleRun.Context(run with { Scenarios = scenarios });
        using var folder = new TempFolder();
        await ReportWriterSet.Default.WriteAllAsync(context, folder.Path);

        var text = TextSummary.Render(context);
        text.ShouldContain("from intended start");
        text.ShouldContain("avg=42.0 p50=40.0 p95=310.5 p99=640.0 max=900.0 ms (response time, queueing included)");
        var summary = RunSummary.Load(folder.Path);
        summary.Scenarios[0].ResponseTimeMs.ShouldNotBeNull().P95.ShouldBe(310.5);
        summary.Scenarios[1].ResponseTimeMs.ShouldBeNull();
        File.ReadAllText(folder.File("report.html")).ShouldContain("p95 ms from intended start");
    }
}
