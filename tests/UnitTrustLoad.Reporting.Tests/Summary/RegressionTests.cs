using System.Text.Json;
using System.Xml.Linq;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Summary;

/// <summary>Regressions against a baseline beyond run-to-run noise: found by one rule, flagged in every report, failing the run on request.</summary>
public sealed class RegressionTests
{
    private const string Purchase = "journey.purchase: p95 70.0 ms → 140.0 ms (+100.0%, +70.0 ms)";
    private const string JoinFund = "journey.join_fund: fail rate 0.00% → 2.00% (+2.00 pp)";

    private static RunResult WithStep(RunResult run, int scenario, int step, Func<StepResult, StepResult> change)
    {
        var scenarios = run.Scenarios.ToList();
        var steps = scenarios[scenario].Steps.ToList();
        steps[step] = change(steps[step]);
        scenarios[scenario] = scenarios[scenario] with { Steps = steps };
        return run with { Scenarios = scenarios };
    }

    private static StepResult P95(StepResult step, double ms) => step with { Latency = step.Latency with { P95Ms = ms } };

    /// <summary>
    /// Against the sample as baseline: purchase's p95 doubles and join_fund starts failing 2 % (both regressions);
    /// register's p95 +15 % (+6 ms) and a 4-ms step going to 8.5 ms (+112 %, +4.5 ms) are noise.
    /// </summary>
    private static (RunResult Now, RunSummary Baseline) Pair()
    {
        var before = WithStep(SampleRun.Create(failingThreshold: false), 1, 0, s => P95(s, 4));
        var baseline = RunSummary.From(SampleRun.Context(before));
        var now = SampleRun.Create(failingThreshold: false);
        now = WithStep(now, 0, 2, s => P95(s, 140));
        now = WithStep(now, 0, 1, s => s with { OkCount = s.OkCount - 22, FailCount = 22 });
        now = WithStep(now, 0, 0, s => P95(s, 46));
        now = WithStep(now, 1, 0, s => P95(s, 8.5));
        return (now, baseline);
    }

    [Fact]
    public void Only_figures_worse_than_the_noise_are_regressions()
    {
        var (now, baseline) = Pair();
        now.Scenarios[0].Steps[1].FailRate.ShouldBe(0.0198, 0.0001);

        var regressions = RegressionRule.Find(now, baseline);

        regressions.Select(r => (r.Scope, r.Metric)).ShouldBe([("journey.join_fund", "fail_rate"), ("journey.purchase", "p95")]);
        regressions[1].Description.ShouldBe(Purchase);
        RegressionRule.Find(now, null).ShouldBeEmpty();
        RegressionRule.Find(SampleRun.Create(), RunSummary.From(SampleRun.Context())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_report_flags_the_regressions_and_the_run_still_passes_when_they_do_not_fail_it()
    {
        var (now, baseline) = Pair();
        var context = SampleRun.Context(now, baseline);
        var joinFund = RegressionRule.Find(now, baseline)[0].Description;

        var text = await WrittenReports.ReadAsync(context, "summary.txt");
        text.ShouldStartWith("✓ journey-smoke: PASSED");
        text.ShouldContain($"  regressions against the baseline (beyond noise: {RegressionRule.Noise})\n    ✗ {joinFund}\n    ✗ {Purchase}\n");

        var markdown = await WrittenReports.ReadAsync(context, "summary.md");
        markdown.ShouldContain($"- ❌ {Purchase}");
        markdown.ShouldContain($"- ❌ {joinFund}");

        using var json = JsonDocument.Parse(await WrittenReports.ReadAsync(context, "summary.json"));
        json.RootElement.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var regressions = json.RootElement.GetProperty("regressions");
        regressions.GetArrayLength().ShouldBe(2);
        regressions[1].GetProperty("scope").GetString().ShouldBe("journey.purchase");
        regressions[1].GetProperty("now").GetDouble().ShouldBe(140);

        var html = await WrittenReports.ReadAsync(context, "report.html");
        html.ShouldContain("<div id=\"regressions\" class=\"bad\">");
        html.ShouldContain($"<li class=\"bad\">✗ {System.Net.WebUtility.HtmlEncode(Purchase)}</li>");
        html.ShouldContain("<span class=\"badge pass\">PASSED</span>");

        var junit = XDocument.Parse(await WrittenReports.ReadAsync(context, "junit.xml"));
        junit.Root!.Element("system-out")!.Value.ShouldContain($"regressions against the baseline (beyond noise: {RegressionRule.Noise}): 2\n  {joinFund}\n  {Purchase}");
        junit.Root.Attribute("failures")!.Value.ShouldBe("0");
    }

    [Fact]
    public async Task With_fail_on_regression_the_verdict_fails_and_names_them()
    {
        var (now, baseline) = Pair();
        var context = SampleRun.Context(now, baseline, exitCode: 99) with { FailOnRegression = true };

        var text = await WrittenReports.ReadAsync(context, "summary.txt");
        text.ShouldStartWith("✗ journey-smoke: FAILED: 2 regressions against the baseline (journey.join_fund: fail rate");
        text.ShouldContain(Purchase + ")");

        using var json = JsonDocument.Parse(await WrittenReports.ReadAsync(context, "summary.json"));
        json.RootElement.GetProperty("passed").GetBoolean().ShouldBeFalse();

        var html = await WrittenReports.ReadAsync(context, "report.html");
        html.ShouldContain("<span class=\"badge fail\">FAILED</span>");
        html.ShouldContain("Regressions fail this run.");

        var junit = XDocument.Parse(await WrittenReports.ReadAsync(context, "junit.xml"));
        var regressionCase = junit.Descendants("testcase").Single(c => (string?)c.Attribute("name") == "baseline: no regression beyond noise");
        regressionCase.Element("failure")!.Attribute("type")!.Value.ShouldBe("regression");
        junit.Root!.Attribute("failures")!.Value.ShouldBe("1");
    }

    [Fact]
    public async Task Without_a_regression_the_reports_say_none()
    {
        var context = SampleRun.Context(SampleRun.Create(failingThreshold: false), RunSummary.From(SampleRun.Context(SampleRun.Create(failingThreshold: false)))) with { FailOnRegression = true };

        (await WrittenReports.ReadAsync(context, "summary.txt")).ShouldContain(", failing the run\n    ✓ none\n");
        (await WrittenReports.ReadAsync(context, "summary.md")).ShouldContain(": ✅ none");
        var junit = XDocument.Parse(await WrittenReports.ReadAsync(context, "junit.xml"));
        junit.Descendants("testcase").Single(c => (string?)c.Attribute("name") == "baseline: no regression beyond noise").Element("failure").ShouldBeNull();
    }
}
