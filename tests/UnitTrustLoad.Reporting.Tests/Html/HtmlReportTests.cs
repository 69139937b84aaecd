using System.Text.Json;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Html;

public sealed class HtmlReportTests
{
    private const string DataStart = "<script type=\"application/json\" id=\"report-data\">";

    [Fact]
    public async Task Html_shows_verdict_and_settings_first_then_thresholds_consistency_and_scenarios()
    {
        var html = await WrittenReports.ReadAsync(SampleRun.Context(), "report.html");

        var order = new[] { "id=\"verdict\"", "id=\"settings\"", "id=\"thresholds\"", "id=\"consistency\"", "id=\"scenario-0\"", "id=\"scenario-1\"", DataStart }
            .Select(marker => html.IndexOf(marker, StringComparison.Ordinal))
            .ToList();
        order.ShouldAllBe(i => i > 0);
        order.ShouldBeInOrder();
        html.ShouldContain("<span class=\"badge fail\">FAILED</span>");
        html.ShouldContain("<dt>target</dt><dd>http://127.0.0.1:5099 (embedded simulator)</dd>");
    }

    [Fact]
    public async Task Html_tables_hold_the_step_figures_status_codes_and_threshold_marks()
    {
        var html = await WrittenReports.ReadAsync(SampleRun.Context(), "report.html");

        html.ShouldContain("<td class=\"text step\">↳ purchase</td><td>1247</td><td>1222</td><td class=\"bad\">25</td><td>2.00%</td><td>18.50</td><td>8.75</td><td>38.5</td><td>35.0</td><td>45.5</td><td>70.0</td><td>105.0</td><td>175.0</td><td>315.0</td>");
        html.ShouldContain("<td class=\"bad\" title=\"2.00%\">25</td>");
        html.ShouldContain("<td class=\"mark bad\" title=\"failed\">✗</td><td class=\"text\">journey.purchase</td><td class=\"text\"><code>fail_rate &lt; 0.01</code></td><td>0.0196</td>");
        html.ShouldContain("4321 balances checked against the ledger, 0 mismatches");
    }

    [Fact]
    public async Task Html_is_self_contained_and_forbids_requests()
    {
        var html = await WrittenReports.ReadAsync(SampleRun.Context(), "report.html");

        html.ShouldContain("Content-Security-Policy\" content=\"default-src 'none';");
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain(" src=", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);
        html.ShouldContain("uPlot");
    }

    [Fact]
    public async Task Html_data_block_is_json_with_one_point_per_interval()
    {
        var html = await WrittenReports.ReadAsync(SampleRun.Context(SampleRun.Create(intervals: 30)), "report.html");

        using var data = JsonDocument.Parse(DataBlock(html));
        var root = data.RootElement;
        root.GetProperty("time").GetArrayLength().ShouldBe(30);
        root.GetProperty("time")[0].GetDouble().ShouldBe(5);
        var journey = root.GetProperty("scenarios")[0];
        journey.GetProperty("name").GetString().ShouldBe("journey");
        journey.GetProperty("active").GetArrayLength().ShouldBe(30);
        journey.GetProperty("total").GetProperty("p95").GetArrayLength().ShouldBe(30);
        journey.GetProperty("steps").GetArrayLength().ShouldBe(5);
        journey.GetProperty("steps")[2].GetProperty("p99")[0].GetDouble().ShouldBe(105);
    }

    [Fact]
    public async Task Html_carries_each_steps_percentile_curves_successful_and_failed_apart()
    {
        var html = await WrittenReports.ReadAsync(SampleRun.Context(), "report.html");

        html.ShouldContain("id=\"distribution-0\"");
        using var data = JsonDocument.Parse(DataBlock(html));
        var purchase = data.RootElement.GetProperty("scenarios")[0].GetProperty("steps")[2].GetProperty("distribution");
        var ok = purchase.GetProperty("ok");
        ok.GetProperty("p").GetArrayLength().ShouldBe(49);
        ok.GetProperty("ms").GetArrayLength().ShouldBe(49);
        ok.GetProperty("p")[16].GetDouble().ShouldBe(90, 1e-6);
        ok.GetProperty("p")[48].GetDouble().ShouldBe(99.9, 1e-6);
        purchase.GetProperty("failed").GetProperty("p").GetArrayLength().ShouldBe(17);
        var register = data.RootElement.GetProperty("scenarios")[0].GetProperty("steps")[0].GetProperty("distribution");
        register.GetProperty("failed").GetProperty("p").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Names_cannot_close_the_script_or_inject_markup()
    {
        const string hostile = "</script><script>alert(1)</script><img src=x>";
        var context = SampleRun.Context(SampleRun.Create(testName: hostile, steps: [hostile]));

        var html = await WrittenReports.ReadAsync(context, "report.html");

        html.ShouldNotContain("<script>alert", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        System.Text.RegularExpressions.Regex.Count(html, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase).ShouldBe(3);
        using var data = JsonDocument.Parse(DataBlock(html));
        data.RootElement.GetProperty("scenarios")[0].GetProperty("steps")[0].GetProperty("name").GetString().ShouldBe(hostile);
    }

    [Fact]
    public async Task Html_links_the_suite_files_that_are_present()
    {
        var html = await WrittenReports.ReadAsync(SampleRun.Context(), "report.html", folder => File.WriteAllText(Path.Combine(folder, "investors.csv"), "id\n"));

        html.ShouldContain("<a href=\"investors.csv\">investors.csv</a>");
        html.ShouldNotContain("href=\"failures.log\"");
        html.ShouldContain("<a href=\"summary.json\">summary.json</a>");
    }

    [Fact]
    public async Task Html_shows_baseline_changes_only_when_a_baseline_is_given()
    {
        var baseline = RunSummary.From(SampleRun.Context(SampleRun.Create(steps: ["register"])));

        var with = await WrittenReports.ReadAsync(SampleRun.Context(baseline: baseline), "report.html");
        var without = await WrittenReports.ReadAsync(SampleRun.Context(), "report.html");

        with.ShouldContain("id=\"baseline\"");
        with.ShouldContain("not in baseline");
        without.ShouldNotContain("id=\"baseline\"");
    }

    [Fact]
    public async Task Html_of_a_five_hour_soak_at_five_second_intervals_stays_under_5_MB()
    {
        using var folder = new TempFolder();
        var soak = SampleRun.Create(intervals: 3600, scenarios: 2);

        var failures = await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(soak), folder.Path);

        failures.ShouldBeEmpty();
        new FileInfo(folder.File("report.html")).Length.ShouldBeLessThan(5L * 1024 * 1024);
    }

    private static string DataBlock(string html)
    {
        var start = html.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
