using System.Globalization;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Csv;

public sealed class CsvWriterTests
{
    [Fact]
    public async Task Stats_csv_has_one_row_per_scenario_and_step_with_figures()
    {
        var csv = await WrittenReports.ReadAsync(SampleRun.Context(), "stats.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(1 + (2 * 6));
        lines[0].ShouldStartWith("scenario,step,count,ok,fail,fail_rate,rps,min_ms,mean_ms,p50_ms,p75_ms,p95_ms,p99_ms,p999_ms,max_ms");
        lines[1].ShouldStartWith("journey,,1000,990,10,0.01,16.5,30,132,120,156,240,360,600,1080,");
        lines[1].ShouldEndWith(",7,200=990;500=10");
        lines[4].ShouldStartWith("journey,purchase,1247,1222,25,0.020048,18.5,8.75,38.5,35,45.5,70,105,175,315,");
    }

    [Fact]
    public async Task Csv_numbers_are_invariant_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var csv = await WrittenReports.ReadAsync(SampleRun.Context(), "stats.csv");

            csv.ShouldContain(",8.75,38.5,");
            csv.ShouldNotContain("8,75");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Csv_quotes_names_holding_commas_and_quotes()
    {
        var csv = await WrittenReports.ReadAsync(SampleRun.Context(SampleRun.Create(steps: ["buy, \"fast\""])), "stats.csv");

        csv.ShouldContain("\njourney,\"buy, \"\"fast\"\"\",");
    }

    [Fact]
    public async Task Timeseries_csv_has_one_row_per_interval_scenario_and_step()
    {
        var csv = await WrittenReports.ReadAsync(SampleRun.Context(SampleRun.Create(intervals: 10)), "timeseries.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(1 + (10 * 2 * 6));
        lines[0].ShouldStartWith("interval,start_s,duration_s,scenario,step,active_copies,target_rate,dropped_iterations,count,ok,fail,rps");
        lines[1].ShouldStartWith("0,0,5,journey,,5,20,1,81,80,1,16,");
        lines[^1].ShouldStartWith("9,45,5,balance_only_1,sale,6,20,0,82,82,0,16,");
    }
}
