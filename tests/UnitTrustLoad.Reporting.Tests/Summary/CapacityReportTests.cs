using System.Text.Json;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Summary;

public sealed class CapacityReportTests
{
    [Fact]
    public async Task Summary_json_holds_the_capacity_as_the_issue_names_it()
    {
        var json = await WrittenReports.ReadAsync(SampleCapacity.Context(SampleCapacity.TargetLimited()), "summary.json");

        using var document = JsonDocument.Parse(json);
        var capacity = document.RootElement.GetProperty("capacity");
        capacity.GetProperty("sustainableRate").GetInt32().ShouldBe(200);
        capacity.GetProperty("breakingRate").GetInt32().ShouldBe(210);
        capacity.GetProperty("limitedBy").GetString().ShouldBe("target");
        capacity.GetProperty("brokenBy").GetString().ShouldBe("p(95) < 100");
        capacity.GetProperty("end").GetString().ShouldBe("resolution");
        capacity.GetProperty("sustainable").GetProperty("p95").GetDouble().ShouldBe(25.7);
        var steps = capacity.GetProperty("steps");
        steps.GetArrayLength().ShouldBe(7);
        var third = steps[2];
        foreach (var name in new[] { "rate", "achievedRate", "p50", "p95", "p99", "failRate", "dropped", "passed" })
        {
            third.TryGetProperty(name, out _).ShouldBeTrue(name);
        }

        third.GetProperty("rate").GetInt32().ShouldBe(320);
        third.GetProperty("passed").GetBoolean().ShouldBeFalse();
        RunSummary.Parse(json).Capacity!.Steps.Count.ShouldBe(7, "summary.json reads back, capacity included");
    }

    [Fact]
    public async Task A_run_that_was_no_capacity_search_has_no_capacity_in_summary_json()
    {
        var json = await WrittenReports.ReadAsync(SampleRun.Context(), "summary.json");

        JsonDocument.Parse(json).RootElement.TryGetProperty("capacity", out var capacity).ShouldBe(capacity.ValueKind == JsonValueKind.Null);
        RunSummary.Parse(json).Capacity.ShouldBeNull();
    }

    [Fact]
    public async Task Summary_txt_names_the_sustainable_and_breaking_rate_what_broke_and_every_step()
    {
        var text = await WrittenReports.ReadAsync(SampleCapacity.Context(SampleCapacity.TargetLimited()), "summary.txt");

        text.ShouldStartWith("✓ register-capacity: PASSED");
        text.ShouldContain("capacity of register: 200/s sustained; breaks at 210/s (p(95) < 100 first); limited by the target");
        text.ShouldContain("sustainable rate ....: 200/s offered, 199.9/s achieved; p50 21.4 p95 25.7 p99 28.3 ms; failed 0.00%");
        text.ShouldContain("breaking rate .......: 210/s: p(95) < 100 broke first (p(95) was 111.9, required < 100)");
        text.ShouldContain("ended: the passing and failing rates came within Capacity:Resolution");
        text.ShouldContain("320       200.1   608.8   730.6   803.7   0.20%        0       0.40  failed: p(95) < 100");
    }

    [Fact]
    public async Task A_generator_limited_search_fails_every_report_and_names_no_capacity()
    {
        var context = SampleCapacity.Context(SampleCapacity.GeneratorLimited());

        var text = await WrittenReports.ReadAsync(context, "summary.txt");
        var md = await WrittenReports.ReadAsync(context, "summary.md");
        var html = await WrittenReports.ReadAsync(context, "report.html");

        text.ShouldStartWith("✗ register-capacity: FAILED: the capacity search was generator-limited and names no capacity");
        text.ShouldContain("generator-limited at 80/s: the generator, not the target, set the pace, so no capacity is named (the target held 40/s before that)");
        md.ShouldStartWith("## ❌ register-capacity: FAILED: the capacity search was generator-limited");
        md.ShouldContain("| 80 | 72.00 | 18.3 | 22.0 | 24.2 | 0.20% | 16 | 0.40 | generator-limited |");
        html.ShouldContain("<section id=\"capacity\"><h2>Capacity of register</h2>");
        html.ShouldContain("generator-limited at 80/s");
    }
}
