using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Tests.Capacity;

/// <summary>The search's arithmetic against a target whose capacity the test decides: which rates it offers, and why it ends.</summary>
public sealed class CapacityPlannerTests
{
    /// <summary>Runs the planner against "passes up to <paramref name="capacity"/>", returning the rates offered.</summary>
    private static (List<int> Offered, CapacityPlanner Planner) Search(CapacitySearch search, int capacity, int? generatorLimitAt = null)
    {
        var planner = new CapacityPlanner(search);
        var offered = new List<int>();
        while (planner.Next() is { } rate)
        {
            offered.Add(rate);
            offered.Count.ShouldBeLessThan(100, "the search must end");
            planner.Record(rate, passed: rate <= capacity, generatorLimited: rate >= generatorLimitAt);
        }

        return (offered, planner);
    }

    [Fact]
    public void It_doubles_until_a_step_fails_then_bisects_to_within_the_resolution()
    {
        var (offered, planner) = Search(new CapacitySearch("s") { StartRate = 80, Factor = 2, Resolution = 0.05 }, capacity: 200);

        offered.ShouldBe([80, 160, 320, 240, 200, 220, 210]);
        planner.Passing.ShouldBe(200);
        planner.Failing.ShouldBe(210);
        planner.End.ShouldBe(CapacityEnd.Resolution);
        ((planner.Failing!.Value - planner.Passing!.Value) / (double)planner.Failing.Value).ShouldBeLessThanOrEqualTo(0.05);
    }

    [Fact]
    public void A_fixed_step_grows_by_that_many_arrivals_per_second()
    {
        var (offered, planner) = Search(new CapacitySearch("s") { StartRate = 50, Step = 50, Resolution = 0.1 }, capacity: 170);

        offered.ShouldBe([50, 100, 150, 200, 175, 162]);
        planner.Passing.ShouldBe(162);
        planner.Failing.ShouldBe(175);
    }

    [Fact]
    public void Growth_stops_at_MaxRate_which_is_offered_once_and_ends_the_search_when_it_passes()
    {
        var (offered, planner) = Search(new CapacitySearch("s") { StartRate = 100, Factor = 3, MaxRate = 500 }, capacity: 10_000);

        offered.ShouldBe([100, 300, 500]);
        planner.End.ShouldBe(CapacityEnd.MaxRate);
        planner.Failing.ShouldBeNull();
    }

    [Fact]
    public void A_generator_limited_step_ends_the_search_without_naming_a_failing_rate()
    {
        var (offered, planner) = Search(new CapacitySearch("s") { StartRate = 10 }, capacity: 1_000, generatorLimitAt: 40);

        offered.ShouldBe([10, 20, 40]);
        planner.End.ShouldBe(CapacityEnd.Generator);
        planner.Passing.ShouldBe(20);
        planner.Failing.ShouldBeNull("the generator, not the target, failed that step");
    }

    [Fact]
    public void A_first_step_that_fails_bisects_down_towards_zero()
    {
        var (offered, planner) = Search(new CapacitySearch("s") { StartRate = 100, Resolution = 0.2 }, capacity: 30);

        offered.ShouldBe([100, 50, 25, 37, 31]);
        planner.Passing.ShouldBe(25);
        planner.Failing.ShouldBe(31);
    }

    [Fact]
    public void Settings_that_cannot_search_are_each_named()
    {
        var problems = new CapacitySearch("s")
        {
            StartRate = 0,
            Factor = 1,
            Settle = TimeSpan.FromSeconds(10),
            StepDuration = TimeSpan.FromSeconds(5),
            Resolution = 1.5,
            Slo = [],
        }.Validate();

        problems.Select(p => p.Field).ShouldBe(["StartRate", "Factor", "Settle", "Resolution", "Slo"], ignoreOrder: true);
        problems.ShouldAllBe(p => p.InCapacitySearch);
    }
}
