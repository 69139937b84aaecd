using System.Text.Json;
using System.Xml.Linq;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Writing;

/// <summary>Every report states each scenario's warm-up: its length and what it left out of the figures.</summary>
public sealed class WarmUpReportTests
{
    private const string Stated = "5.0s, left out of every figure: 120 iterations and 600 step calls";

    private static ReportContext WarmedUp()
    {
        var run = SampleRun.Create();
        var warmed = run.Scenarios[0] with { WarmUp = new WarmUpResult(TimeSpan.FromSeconds(5), 120, 600) };
        return SampleRun.Context(run with { Scenarios = [warmed, run.Scenarios[1]] });
    }

    [Fact]
    public async Task Summary_txt_and_md_state_the_warm_up_or_none()
    {
        var text = await WrittenReports.ReadAsync(WarmedUp(), "summary.txt");
        text.ShouldContain($"    warm-up .............: {Stated}");
        text.ShouldContain("    warm-up .............: none");

        var markdown = await WrittenReports.ReadAsync(WarmedUp(), "summary.md");
        markdown.ShouldContain($"| warm-up of journey | {Stated} |");
        markdown.ShouldContain("| warm-up of balance_only_1 | none |");
    }

    [Fact]
    public async Task Summary_json_carries_the_warm_up_and_reads_back()
    {
        var json = await WrittenReports.ReadAsync(WarmedUp(), "summary.json");

        using var document = JsonDocument.Parse(json);
        var warmUp = document.RootElement.GetProperty("scenarios")[0].GetProperty("warmUp");
        warmUp.GetProperty("durationSeconds").GetDouble().ShouldBe(5);
        warmUp.GetProperty("iterations").GetInt64().ShouldBe(120);
        warmUp.GetProperty("stepCalls").GetInt64().ShouldBe(600);
        document.RootElement.GetProperty("scenarios")[1].GetProperty("warmUp").ValueKind.ShouldBe(JsonValueKind.Null);
        RunSummary.Parse(json).Scenarios[0].WarmUp.ShouldBe(new WarmUpSummary(5, 120, 600));
    }

    [Fact]
    public async Task Report_html_and_junit_system_out_state_the_warm_up()
    {
        var html = await WrittenReports.ReadAsync(WarmedUp(), "report.html");
        html.ShouldContain($"warm-up: {Stated}.</p>");
        html.ShouldContain("warm-up: none.</p>");

        var junit = XDocument.Parse(await WrittenReports.ReadAsync(WarmedUp(), "junit.xml"));
        var outputs = junit.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "scenarios")
            .Elements("testcase").Select(c => c.Element("system-out")!.Value).ToList();
        outputs[0].ShouldStartWith($"warm-up {Stated}\n");
        outputs[1].ShouldStartWith("warm-up none\n");
    }
}
