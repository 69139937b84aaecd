using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Simulations;

public sealed class LoadPlanTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static LoadStage Only(LoadSimulation simulation) => LoadPlan.Resolve([simulation], seed: 1)[0];

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Inject_plans_rate_arrivals_per_interval_spread_evenly()
    {
        var stage = Only(Simulation.Inject(100, Second, S(10)));

        LoadPlan.IntervalCount(stage).ShouldBe(10);
        LoadPlan.ArrivalsUpTo(stage, S(10)).ShouldBe(1_000);
        LoadPlan.ArrivalsUpTo(stage, TimeSpan.Zero).ShouldBe(1);
        LoadPlan.ArrivalsUpTo(stage, S(0.5)).ShouldBe(51);
        LoadPlan.ArrivalsUpTo(stage, S(2.995)).ShouldBe(300);
        LoadPlan.ArrivalOffset(stage, 2, 50, 100).ShouldBe(S(2.5));
    }

    [Fact]
    public void A_partial_last_interval_keeps_only_arrivals_before_the_stage_ends()
    {
        var stage = Only(Simulation.Inject(10, Second, S(1.5)));

        LoadPlan.IntervalCount(stage).ShouldBe(2);
        LoadPlan.ArrivalsInInterval(stage, 1).ShouldBe(5);
        LoadPlan.ArrivalsUpTo(stage, S(100)).ShouldBe(15);
    }

    [Fact]
    public void RampingInject_ramps_linearly_from_the_previous_stage_rate()
    {
        var stages = LoadPlan.Resolve([Simulation.Inject(10, Second, S(2)), Simulation.RampingInject(50, Second, S(4))], seed: 1);

        var ramp = stages[1];
        ramp.From.ShouldBe(10);
        Enumerable.Range(0, 4).Select(j => LoadPlan.RateOfInterval(ramp, j)).ShouldBe([20, 30, 40, 50]);
    }

    [Fact]
    public void A_first_stage_ramp_starts_from_zero_and_reaches_its_target_in_its_last_interval()
    {
        var stage = Only(Simulation.RampingInject(100, Second, S(10)));

        stage.From.ShouldBe(0);
        LoadPlan.RateOfInterval(stage, 0).ShouldBe(10);
        LoadPlan.RateOfInterval(stage, 9).ShouldBe(100);
        LoadPlan.ArrivalsUpTo(stage, S(10)).ShouldBe(550);
    }

    [Fact]
    public void RampingConstant_moves_linearly_from_the_previous_copies()
    {
        var stages = LoadPlan.Resolve([Simulation.KeepConstant(10, S(5)), Simulation.RampingConstant(20, S(10)), Simulation.RampingConstant(0, S(4))], seed: 1);

        LoadPlan.CopiesAt(stages[0], S(3)).ShouldBe(10);
        LoadPlan.CopiesAt(stages[1], TimeSpan.Zero).ShouldBe(10);
        LoadPlan.CopiesAt(stages[1], S(5)).ShouldBe(15);
        LoadPlan.CopiesAt(stages[1], S(10)).ShouldBe(20);
        LoadPlan.CopiesAt(stages[2], S(1)).ShouldBe(15);
        LoadPlan.CopiesAt(stages[2], S(4)).ShouldBe(0);
        LoadPlan.CopiesAt(Only(Simulation.RampingConstant(10, S(10))), S(2.5)).ShouldBe(3);
    }

    [Fact]
    public void A_pause_brings_the_level_back_to_zero_for_the_next_ramp()
    {
        var stages = LoadPlan.Resolve([Simulation.Inject(40, Second, S(2)), Simulation.Pause(S(1)), Simulation.RampingInject(40, Second, S(4))], seed: 1);

        stages[2].From.ShouldBe(0);
        LoadPlan.RateOfInterval(stages[2], 0).ShouldBe(10);
        LoadPlan.ArrivalsUpTo(stages[1], S(1)).ShouldBe(0);
        LoadPlan.CopiesAt(stages[1], S(0.5)).ShouldBe(0);
    }

    [Fact]
    public void InjectRandom_rates_stay_within_bounds_vary_and_are_reproducible()
    {
        var stage = Only(Simulation.InjectRandom(5, 15, Second, S(200)));
        var rates = Enumerable.Range(0, 200).Select(j => LoadPlan.RateOfInterval(stage, j)).ToList();

        rates.ShouldAllBe(r => r >= 5 && r <= 15);
        rates.Distinct().Count().ShouldBeGreaterThan(5);
        rates.Min().ShouldBe(5);
        rates.Max().ShouldBe(15);
        Enumerable.Range(0, 200).Select(j => LoadPlan.RateOfInterval(Only(Simulation.InjectRandom(5, 15, Second, S(200))), j)).ShouldBe(rates);
    }

    [Fact]
    public void IterationsForInject_stops_at_exactly_its_iterations()
    {
        var stage = Only(Simulation.IterationsForInject(30, Second, 100));

        LoadPlan.IntervalCount(stage).ShouldBe(4);
        LoadPlan.ArrivalsInInterval(stage, 3).ShouldBe(10);
        LoadPlan.ArrivalsUpTo(stage, S(100)).ShouldBe(100);
        LoadPlan.PlannedDuration([stage]).ShouldBeNull();
    }

    [Fact]
    public void Planned_duration_is_the_sum_of_the_stages()
    {
        var stages = LoadPlan.Resolve([Simulation.KeepConstant(1, S(3)), Simulation.Pause(S(2)), Simulation.Inject(1, Second, S(5))], seed: 1);

        LoadPlan.PlannedDuration(stages).ShouldBe(S(10));
    }
}
