using UnitTrustLoad.Configuration;
using UnitTrustLoad.Scenarios;

namespace UnitTrustLoad.Tests.Scenarios;

public sealed class ThinkTimerTests
{
    private static readonly DurationRange OneToThree = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    [Fact]
    public void The_seed_decides_every_pause_and_each_stays_in_the_range()
    {
        var pauses = Pauses(new ThinkTimer(OneToThree, 42));

        Pauses(new ThinkTimer(OneToThree, 42)).ShouldBe(pauses);
        Pauses(new ThinkTimer(OneToThree, 43)).ShouldNotBe(pauses);
        pauses.ShouldAllBe(p => p >= TimeSpan.FromSeconds(1) && p <= TimeSpan.FromSeconds(3));
        pauses.Distinct().Count().ShouldBeGreaterThan(90);
        pauses.Average(p => p.TotalSeconds).ShouldBeInRange(1.8, 2.2);
    }

    [Fact]
    public void A_fixed_think_time_is_always_itself()
    {
        var timer = new ThinkTimer(TimeSpan.FromMilliseconds(250), 7);

        Pauses(timer).ShouldAllBe(p => p == TimeSpan.FromMilliseconds(250));
    }

    private static List<TimeSpan> Pauses(ThinkTimer timer) =>
        [.. Enumerable.Range(0, 100).Select(i => timer.PauseFor(i / 4, i % 4))];
}
