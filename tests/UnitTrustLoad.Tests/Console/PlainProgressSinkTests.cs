using UnitTrustLoad.Console;

namespace UnitTrustLoad.Tests.Console;

public sealed class PlainProgressSinkTests
{
    [Fact]
    public async Task Prints_the_plan_then_one_block_per_interval_with_totals_and_the_intervals_rate()
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
            [00:00:05 remaining 00:00:05]
              journey                ok=20 fail=0 rps=4.0 p50=40.0 p95=80.0 p99=120.0 ms active=4 codes 201:20
              journey.register       ok=20 fail=0 rps=4.0 p50=4.2 p95=8.4 p99=12.6 ms codes 201:20
              journey.purchase       ok=20 fail=0 rps=4.0 p50=7.5 p95=15.0 p99=22.5 ms codes 201:20
            [00:00:10]
              journey                ok=50 fail=2 rps=6.4 p50=40.0 p95=80.0 p99=120.0 ms active=4 codes 201:50 500:2
              journey.register       ok=50 fail=2 rps=6.4 p50=4.2 p95=8.4 p99=12.6 ms codes 201:50 500:2
              journey.purchase       ok=50 fail=0 rps=6.0 p50=7.5 p95=15.0 p99=22.5 ms codes 201:50

            """);
    }
}
