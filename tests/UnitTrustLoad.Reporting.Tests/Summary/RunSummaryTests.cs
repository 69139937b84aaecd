using System.Text.Json;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Summary;

public sealed class RunSummaryTests
{
    [Fact]
    public async Task Summary_json_carries_the_issue_fields_in_camelCase()
    {
        using var folder = new TempFolder();
        await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), folder.Path);

        using var doc = JsonDocument.Parse(File.ReadAllText(folder.File("summary.json")));
        var root = doc.RootElement;
        root.GetProperty("testName").GetString().ShouldBe("journey-smoke");
        root.GetProperty("startedAt").GetString().ShouldBe("2026-11-25T06:55:12+03:00");
        root.GetProperty("durationSeconds").GetDouble().ShouldBe(65.4);
        root.GetProperty("interrupted").GetBoolean().ShouldBeFalse();
        root.GetProperty("exitCode").GetInt32().ShouldBe(99);
        var scenario = root.GetProperty("scenarios")[0];
        scenario.GetProperty("name").GetString().ShouldBe("journey");
        scenario.GetProperty("okCount").GetInt64().ShouldBe(990);
        scenario.GetProperty("failCount").GetInt64().ShouldBe(10);
        scenario.GetProperty("droppedIterations").GetInt64().ShouldBe(7);
        var purchase = scenario.GetProperty("steps")[2];
        purchase.GetProperty("name").GetString().ShouldBe("purchase");
        purchase.GetProperty("okCount").GetInt64().ShouldBe(1222);
        purchase.GetProperty("failCount").GetInt64().ShouldBe(25);
        purchase.GetProperty("rps").GetDouble().ShouldBe(18.5);
        var latency = purchase.GetProperty("latencyMs");
        latency.GetProperty("min").GetDouble().ShouldBe(8.75);
        latency.GetProperty("mean").GetDouble().ShouldBe(38.5);
        latency.GetProperty("max").GetDouble().ShouldBe(315);
        latency.GetProperty("p50").GetDouble().ShouldBe(35);
        latency.GetProperty("p75").GetDouble().ShouldBe(45.5);
        latency.GetProperty("p95").GetDouble().ShouldBe(70);
        latency.GetProperty("p99").GetDouble().ShouldBe(105);
        purchase.GetProperty("statusCodes").GetProperty("500").GetInt64().ShouldBe(25);
        purchase.GetProperty("bytesSent").GetInt64().ShouldBe(1222 * 310);
        purchase.GetProperty("bytesReceived").GetInt64().ShouldBe(1222 * 1200);
        var threshold = root.GetProperty("thresholds")[1];
        threshold.GetProperty("expression").GetString().ShouldBe("fail_rate < 0.01");
        threshold.GetProperty("scope").GetString().ShouldBe("journey.purchase");
        threshold.GetProperty("passed").GetBoolean().ShouldBeFalse();
        threshold.GetProperty("actual").GetDouble().ShouldBe(0.0196);
        var check = root.GetProperty("checks")[0];
        check.GetProperty("name").GetString().ShouldBe("consistency");
        check.GetProperty("checked").GetInt64().ShouldBe(4321);
        check.GetProperty("failed").GetInt64().ShouldBe(0);
        check.GetProperty("verdict").GetString().ShouldBe("4321 balances checked against the ledger, 0 mismatches");
    }

    [Fact]
    public async Task Summary_json_round_trips_through_Load_of_the_run_folder()
    {
        using var folder = new TempFolder();
        await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(), folder.Path);
        var written = File.ReadAllText(folder.File("summary.json"));

        var loaded = RunSummary.Load(folder.Path);

        loaded.ToJson().ShouldBe(written);
        loaded.Scenarios[0].Steps[2].LatencyMs.P99.ShouldBe(105);
        loaded.StartedAt.ShouldBe(SampleRun.StartedAt);
        loaded.StartedAt.Offset.ShouldBe(TimeSpan.FromHours(3));
    }

    [Fact]
    public void Load_of_a_missing_file_names_the_path_and_the_fix()
    {
        using var folder = new TempFolder();
        var path = folder.File("nothing-here.json");

        var error = Should.Throw<BaselineException>(() => RunSummary.Load(path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("does not exist");
        error.Message.ShouldContain("Fix:");
    }

    [Fact]
    public void Load_of_a_folder_without_a_summary_says_so()
    {
        using var folder = new TempFolder();

        var error = Should.Throw<BaselineException>(() => RunSummary.Load(folder.Path));

        error.Message.ShouldContain(folder.Path);
        error.Message.ShouldContain("holds no summary.json");
    }

    [Fact]
    public void Load_of_broken_json_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("summary.json"), "{\n  \"testName\": \"x\",\n  \"scenarios\": [ oops ]\n}");

        var error = Should.Throw<BaselineException>(() => RunSummary.Load(folder.File("summary.json")));

        error.Message.ShouldContain(folder.File("summary.json"));
        error.Message.ShouldContain("line 3");
        error.Message.ShouldContain("not valid summary JSON");
    }

    [Fact]
    public void Load_of_other_json_says_it_is_not_a_summary()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("other.json"), "{\"name\": \"package\", \"version\": \"1.0.0\"}");

        var error = Should.Throw<BaselineException>(() => RunSummary.Load(folder.File("other.json")));

        error.Message.ShouldContain("does not look like a UnitTrustLoad summary");
    }

    [Fact]
    public void Baseline_lookup_answers_by_scope_and_metric()
    {
        var lookup = RunSummary.From(SampleRun.Context()).ToBaselineLookup();

        lookup("journey.purchase", "p(95)").ShouldBe(70);
        lookup("journey.purchase", "p(99)").ShouldBe(105);
        lookup("journey.purchase", "p(99.9)").ShouldBe(175);
        lookup("journey.purchase", "P95").ShouldBe(70);
        lookup("journey.purchase", "p( 99 )").ShouldBe(105);
        lookup("journey.purchase", "fail_rate")!.Value.ShouldBe(25.0 / 1247, 1e-12);
        lookup("journey.purchase", "count(fail)").ShouldBe(25);
        lookup("journey", "mean").ShouldBe(132);
        lookup("journey", "rps").ShouldBe(16.5);
        lookup("journey", "dropped").ShouldBe(7);
        lookup("run", "consistency_checked").ShouldBe(4321);
        lookup("run", "rps").ShouldBe(33);
        lookup("run", "count(fail)").ShouldBe(20);
        lookup("run", "p(95)").ShouldBeNull();
        lookup("journey.nope", "p(95)").ShouldBeNull();
        lookup("journey.purchase", "p(42)").ShouldBeNull();
        lookup("journey.purchase", "bogus").ShouldBeNull();
    }

    [Fact]
    public void Baseline_lookup_at_run_scope_of_one_scenario_is_that_scenario()
    {
        var lookup = RunSummary.From(SampleRun.Context(SampleRun.Create(scenarios: 1))).ToBaselineLookup();

        lookup("run", "p(95)").ShouldBe(240);
        lookup("run", "p(99)").ShouldBe(360);
    }
}
