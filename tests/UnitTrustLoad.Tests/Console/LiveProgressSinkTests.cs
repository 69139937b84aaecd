using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using UnitTrustLoad.Console;

namespace UnitTrustLoad.Tests.Console;

public sealed class LiveProgressSinkTests
{
    private const string Header = "│ step             │ active │ rps      │ p50 ms   │ p95 ms   │ p99 ms   │ ok    │ failed │ status codes │";
    private const string Labels = "│                  │ now    │ last 5 s │ last 5 s │ last 5 s │ last 5 s │ total │ total  │ total        │";

    [Fact]
    public async Task The_live_table_labels_the_intervals_figures_and_the_totals_under_a_progress_bar()
    {
        var console = new TestConsole().Width(140);
        var time = new FakeTimeProvider(ProgressViews.Info.StartedAt);
        using var sink = new LiveProgressSink(console, time);

        await sink.StartAsync(ProgressViews.Info, CancellationToken.None);
        await sink.ReportIntervalAsync(ProgressViews.Interval(0, 20, 0), CancellationToken.None);
        await sink.ReportIntervalAsync(ProgressViews.Interval(1, 30, 2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(7));
        await sink.ReportFinalAsync(ProgressViews.Result, CancellationToken.None);

        // The last frame the live display drew, as a person sees it.
        var screen = console.Output;
        var last = screen[screen.LastIndexOf("journey  █", StringComparison.Ordinal)..];
        last.ShouldStartWith($"journey  {new string('█', 28)}{new string('░', 12)}  70%  elapsed 00:00:07  remaining 00:00:03");
        last.ShouldContain(Header);
        last.ShouldContain(Labels);
        last.ShouldContain("│ journey          │ 4      │ 6.4      │ 40.0     │ 80.0     │ 120.0    │ 50    │ 2      │ 201:50 500:2 │");
        last.ShouldContain("│ journey.register │        │ 6.4      │ 4.2      │ 8.4      │ 12.6     │ 50    │ 2      │ 201:50 500:2 │");
        last.ShouldContain("│ journey.purchase │        │ 6.0      │ 7.5      │ 15.0     │ 22.5     │ 50    │ 0      │ 201:50       │");
    }

    [Fact]
    public async Task The_view_shows_the_scenarios_at_once_and_redraws_every_second_before_any_interval()
    {
        var console = new TestConsole().Width(140);
        var time = new FakeTimeProvider(ProgressViews.Info.StartedAt);
        using var sink = new LiveProgressSink(console, time);

        await sink.StartAsync(ProgressViews.Info, CancellationToken.None);
        await WaitForAsync(console, "elapsed 00:00:00  remaining 00:00:10");
        console.Output.ShouldContain("│ journey │        │ -        │ -        │ -        │ -        │ 0     │ 0      │              │");

        // One second on the run's clock, and no interval yet: the bar and the clock move all the same.
        time.Advance(LiveProgressSink.Refresh);
        await WaitForAsync(console, "elapsed 00:00:01  remaining 00:00:09");
        console.Output.ShouldContain($"journey  {new string('█', 4)}{new string('░', 36)}  10%  elapsed 00:00:01");
        await sink.ReportFinalAsync(ProgressViews.Result, CancellationToken.None);
    }

    [Fact]
    public async Task Short_intervals_are_labelled_with_their_length()
    {
        var console = new TestConsole().Width(140);
        var time = new FakeTimeProvider(ProgressViews.Info.StartedAt);
        using var sink = new LiveProgressSink(console, time);

        await sink.StartAsync(ProgressViews.Info with { ReportingInterval = TimeSpan.FromMilliseconds(250) }, CancellationToken.None);
        await sink.ReportFinalAsync(ProgressViews.Result, CancellationToken.None);

        console.Output.ShouldContain("│ rps         │ p50 ms      │");
        console.Output.ShouldContain("│ last 250 ms │ last 250 ms │");
    }

    /// <summary>The live display draws on its own task; gives it up to 10 s of real time to show <paramref name="text"/>.</summary>
    private static async Task WaitForAsync(TestConsole console, string text)
    {
        for (int i = 0; i < 1_000 && !console.Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(10);
        }

        console.Output.ShouldContain(text);
    }
}
