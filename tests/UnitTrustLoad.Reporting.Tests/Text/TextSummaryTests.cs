using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Text;

public sealed class TextSummaryTests
{
    [Fact]
    public void Render_opens_with_the_verdict_and_lists_thresholds_with_marks_and_actual_values()
    {
        var text = TextSummary.Render(SampleRun.Context());

        text.ShouldStartWith("✗ journey-smoke: FAILED: 1 threshold failed");
        text.ShouldContain("✓ journey: p(95) < 500  actual=156");
        text.ShouldContain("✗ journey.purchase: fail_rate < 0.01  actual=0.0196  (0.0196 is not < 0.01)");
        text.IndexOf("settings", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("thresholds", StringComparison.Ordinal));
        text.ShouldContain("2026-11-25 06:55:12 +03:00 (Africa/Nairobi)");
    }

    [Fact]
    public void Render_shows_each_step_with_counts_rates_latencies_status_codes_and_dropped()
    {
        var text = TextSummary.Render(SampleRun.Context());

        ShouldHaveLine(text, "↳ purchase", "1247 ok=1222 fail=25 (2.00%) 18.50/s");
        text.ShouldContain("avg=38.5 min=8.75 p50=35.0 p95=70.0 p99=105.0 max=315.0");
        ShouldHaveLine(text, "status codes", "200=1222 500=25");
        ShouldHaveLine(text, "dropped iterations", "7");
        text.ShouldContain("✓ consistency: 4321 balances checked against the ledger, 0 mismatches");
    }

    [Fact]
    public void Render_lists_each_step_as_a_check_with_its_ok_share()
    {
        var text = TextSummary.Render(SampleRun.Context());

        text.ShouldContain("✓ journey.register: 100.00% ok (1000/1000)");
        text.ShouldContain("✗ journey.purchase: 98.00% ok (1222/1247)");
    }

    [Fact]
    public void Render_is_plain_text_without_terminal_escapes()
    {
        var text = TextSummary.Render(SampleRun.Context());

        text.ShouldNotContain("\u001b");
        text.ShouldNotContain("\r");
    }

    [Fact]
    public void Render_reports_an_interruption_and_consistency_violations()
    {
        var text = TextSummary.Render(SampleRun.Context(SampleRun.Create(failingThreshold: false, interrupted: true, violations: 3)));

        text.ShouldStartWith("✗ journey-smoke: FAILED: 1 threshold failed; interrupted (Ctrl+C)");
        ShouldHaveLine(text, "exit code", "130");
        text.ShouldContain("✗ consistency: 4321 balances checked against the ledger, 3 mismatches");
    }

    [Fact]
    public void Render_passes_a_clean_run()
    {
        var text = TextSummary.Render(SampleRun.Context(SampleRun.Create(failingThreshold: false)));

        text.ShouldStartWith("✓ journey-smoke: PASSED");
    }

    [Fact]
    public void Render_with_a_baseline_shows_per_step_changes()
    {
        var baseline = RunSummary.From(SampleRun.Context(SampleRun.Create(steps: ["register", "join_fund", "purchase"])));
        var slower = SampleRun.Create();

        var text = TextSummary.Render(SampleRun.Context(slower, BaselineWith(baseline, p95: 35, rps: 37)));

        ShouldHaveLine(text, "vs baseline", "rps -50.0%  p95 +100.0%");
        text.ShouldContain("not in baseline");
    }

    // The dot leaders' length depends on the label; what matters is the label and its value.
    private static void ShouldHaveLine(string text, string label, string value) =>
        text.ShouldMatch($@"(?m){System.Text.RegularExpressions.Regex.Escape(label)} \.+: {System.Text.RegularExpressions.Regex.Escape(value)}");

    private static RunSummary BaselineWith(RunSummary summary, double p95, double rps)
    {
        var journey = summary.Scenarios[0];
        var purchase = journey.Steps[2];
        var changed = purchase with { Rps = rps, LatencyMs = purchase.LatencyMs with { P95 = p95 } };
        var steps = new List<StepSummary>(journey.Steps) { [2] = changed };
        return summary with { Scenarios = [journey with { Steps = steps }, .. summary.Scenarios.Skip(1)] };
    }
}
