using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Text;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public async Task Markdown_opens_with_the_verdict_and_has_a_threshold_table()
    {
        var md = await WrittenReports.ReadAsync(SampleRun.Context(), "summary.md");

        md.ShouldStartWith("## ❌ journey-smoke: FAILED: 1 threshold failed");
        md.ShouldContain("| ❌ | journey.purchase | `fail_rate < 0.01` | 0.0196 | 0.0196 is not &lt; 0.01 |");
        md.ShouldContain("| ✅ | journey | `p(95) < 500` | 156 |  |");
    }

    [Fact]
    public async Task Markdown_has_one_table_row_per_scenario_and_step_with_figures()
    {
        var md = await WrittenReports.ReadAsync(SampleRun.Context(), "summary.md");

        md.ShouldContain("| ↳ purchase | 1247 | 1222 | 25 | 2.00% | 18.50 | 38.5 | 8.75 | 35.0 | 70.0 | 105.0 | 315.0 | 200=1222 500=25 |  |");
        md.ShouldContain("| **journey** | 1000 | 990 | 10 | 1.00% | 16.50 | 132.0 | 30.0 | 120.0 | 240.0 | 360.0 | 1080 | 200=990 500=10 | 7 |");
        md.ShouldContain("**Consistency:** ✅ 4321 balances checked against the ledger, 0 mismatches");
    }

    [Fact]
    public async Task Markdown_escapes_pipes_in_names_so_tables_stay_intact()
    {
        var md = await WrittenReports.ReadAsync(SampleRun.Context(SampleRun.Create(steps: ["a|b"])), "summary.md");

        md.ShouldContain("| ↳ a\\|b |");
    }

    [Fact]
    public async Task Markdown_with_a_baseline_has_a_change_table()
    {
        var baseline = RunSummary.From(SampleRun.Context(SampleRun.Create(steps: ["register"])));

        var md = await WrittenReports.ReadAsync(SampleRun.Context(baseline: baseline), "summary.md");

        md.ShouldContain("### Change against the baseline");
        md.ShouldContain("| ↳ register | +0.0% | +0.0% | +0.0% | +0.00 pp |");
        md.ShouldContain("| ↳ purchase | new | new | new | new |");
    }

    [Fact]
    public async Task Markdown_without_a_baseline_has_no_change_table()
    {
        var md = await WrittenReports.ReadAsync(SampleRun.Context(), "summary.md");

        md.ShouldNotContain("baseline");
    }
}
