using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using UnitTrustLoad.Console;

namespace UnitTrustLoad.Tests.Console;

public sealed class LiveProgressSinkTests
{
    [Fact]
    public async Task The_live_table_shows_each_step_with_totals_percentiles_codes_and_the_time_left()
    {
        var console = new TestConsole().Width(120);
        var time = new FakeTimeProvider(ProgressViews.Info.StartedAt);
        using var sink = new LiveProgressSink(console, time);

        await sink.StartAsync(ProgressViews.Info, CancellationToken.None);
        await sink.ReportIntervalAsync(ProgressViews.Interval(0, 20, 0), CancellationToken.None);
        await sink.ReportIntervalAsync(ProgressViews.Interval(1, 30, 2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(7));
        await sink.ReportFinalAsync(ProgressViews.Result, CancellationToken.None);

        // The last frame the live display drew, as a person sees it.
        var screen = console.Output;
        var last = screen[screen.LastIndexOf("journey  elapsed", StringComparison.Ordinal)..];
        last.ShouldContain("journey  elapsed 00:00:07  remaining 00:00:03");
        last.ShouldContain("│ step             │ active │ rps │ ok │ failed │ p50 ms │ p95 ms │ p99 ms │ status codes │");
        last.ShouldContain("│ journey          │ 4      │ 6.4 │ 50 │ 2      │ 40.0   │ 80.0   │ 120.0  │ 201:50 500:2 │");
        last.ShouldContain("│ journey.register │        │ 6.4 │ 50 │ 2      │ 4.2    │ 8.4    │ 12.6   │ 201:50 500:2 │");
        last.ShouldContain("│ journey.purchase │        │ 6.0 │ 50 │ 0      │ 7.5    │ 15.0   │ 22.5   │ 201:50       │");
    }

    [Fact]
    public async Task Before_any_interval_the_table_shows_the_test_and_its_columns()
    {
        var console = new TestConsole().Width(120);
        var time = new FakeTimeProvider(ProgressViews.Info.StartedAt);
        using var sink = new LiveProgressSink(console, time);

        await sink.StartAsync(ProgressViews.Info, CancellationToken.None);
        await sink.ReportFinalAsync(ProgressViews.Result, CancellationToken.None);

        console.Output.ShouldContain("journey  elapsed 00:00:00  remaining 00:00:10");
        console.Output.ShouldContain("│ step │ active │ rps │ ok │ failed │ p50 ms │ p95 ms │ p99 ms │ status codes │");
    }
}
