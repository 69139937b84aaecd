using UnitTrustLoad.Console;

namespace UnitTrustLoad.Tests.Console;

public sealed class PlainProgressSinkTests
{
    [Fact]
    public async Task Prints_the_plan_then_one_block_per_interval_saying_which_figures_are_the_intervals_and_which_totals()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var sink = new PlainProgressSink(output);

        await sink.StartAsync(ProgressViews.Info, CancellationToken.None);
        await sink.ReportIntervalAsync(ProgressViews.Interval(0, 20, 0), CancellationToken.None);
        await sink.ReportIntervalAsync(ProgressViews.Interval(1, 30, 2), CancellationToken.None);
        await sink.ReportFinalAsync(ProgressViews.Result, CancellationToken.None);

        output.ToString().ShouldBe(
            """
            Running 'journey', planned 00:00:10:
              journey: KeepConstant 4 copies during 00:00:10
            [00:00:05 remaining 00:00:05] rps and p50/p95/p99: last 5 s; ok, fail and codes: totals
              journey                ok=20 fail=0 rps=4.0 p50=40.0 p95=80.0 p99=120.0 ms active=4 codes 201:20
              journey.register       ok=20 fail=0 rps=4.0 p50=4.2 p95=8.4 p99=12.6 ms codes 201:20
              journey.purchase       ok=20 fail=0 rps=4.0 p50=7.5 p95=15.0 p99=22.5 ms codes 201:20
            [00:00:10] rps and p50/p95/p99: last 5 s; ok, fail and codes: totals
              journey                ok=50 fail=2 rps=6.4 p50=40.0 p95=80.0 p99=120.0 ms active=4 codes 201:50 500:2
              journey.register       ok=50 fail=2 rps=6.4 p50=4.2 p95=8.4 p99=12.6 ms codes 201:50 500:2
              journey.purchase       ok=50 fail=0 rps=6.0 p50=7.5 p95=15.0 p99=22.5 ms codes 201:50

            """);
    }

    [Fact]
    public async Task Fine_intervals_of_a_short_run_print_a_block_every_5_s_not_every_interval()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var sink = new PlainProgressSink(output);
        var quarter = TimeSpan.FromMilliseconds(250);

        await sink.StartAsync(ProgressViews.Info with { ReportingInterval = quarter }, CancellationToken.None);
        for (int i = 0; i < 40; i++)
        {
            var interval = ProgressViews.Interval(0, 1, 0);
            await sink.ReportIntervalAsync(interval with { Index = i, Start = quarter * i, Duration = quarter }, CancellationToken.None);
        }

        var lines = output.ToString().Split('\n');
        lines.Where(l => l.StartsWith('[')).ShouldBe(
        [
            "[00:00:05 remaining 00:00:05] rps and p50/p95/p99: last 250 ms; ok, fail and codes: totals",
            "[00:00:10] rps and p50/p95/p99: last 250 ms; ok, fail and codes: totals",
        ]);
        lines.ShouldContain("  journey                ok=40 fail=0 rps=0.2 p50=40.0 p95=80.0 p99=120.0 ms active=4 codes 201:40");
    }
}
