using UnitTrustLoad.Engine.Running;

namespace UnitTrustLoad.Engine.Capacity;

/// <summary>
/// A capacity search on one scenario, in the open model: the arrival rate steps up from <see cref="StartRate"/> (times
/// <see cref="Factor"/>, or plus <see cref="Step"/>), each step judged against <see cref="Slo"/> over its part after
/// <see cref="Settle"/>; once a step fails, the rate is bisected between the last passing and the first failing rate
/// until they are within <see cref="Resolution"/>. Bounded by <see cref="MaxRate"/> and <see cref="MaxDuration"/>. A step
/// the generator could not deliver (arrivals dropped, or its CPU near its cores) ends the search as generator-limited.
/// </summary>
/// <param name="Scenario">The scenario searched; its load simulations are not used.</param>
public sealed record CapacitySearch(string Scenario)
{
    /// <summary>The first step's rate, arrivals per second.</summary>
    public int StartRate { get; init; } = 10;

    /// <summary>Growth between passing steps before the first failure (when <see cref="Step"/> is 0); above 1.</summary>
    public double Factor { get; init; } = 2;

    /// <summary>A fixed growth in arrivals per second instead of <see cref="Factor"/>; 0 = use the factor.</summary>
    public int Step { get; init; }

    /// <summary>How long each step offers its rate.</summary>
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The start of each step left out of its judgement (the target settling to the new rate).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The bisection ends when (failing − passing) / failing is at most this share.</summary>
    public double Resolution { get; init; } = 0.05;

    /// <summary>The highest rate offered.</summary>
    public int MaxRate { get; init; } = 100_000;

    /// <summary>The whole search ends before a step would cross this.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Service levels each step is judged against, threshold expressions on the scenario's iterations.</summary>
    public IReadOnlyList<string> Slo { get; init; } = DefaultSlo;

    /// <summary>A failing or generator-limited step is run once more at the same rate, and only the second verdict counts (on by default).</summary>
    public bool ConfirmFailures { get; init; } = true;

    /// <summary>A step with more than this share of its arrivals dropped is generator-limited: 1 % by default, well inside the 5 % resolution, so a few arrivals late by 50 ms on a busy machine do not end a search.</summary>
    public double DropTolerance { get; init; } = 0.01;

    /// <summary>A step whose process CPU reached this share of the machine's cores is generator-limited; 0 turns the rule off (a target in the same process).</summary>
    public double GeneratorCpuShare { get; init; } = 0.9;

    /// <summary>Told of each step once it is judged, on the search's own task (a console line, a live view); null: nobody.</summary>
    public Action<Model.CapacityStep>? StepJudged { get; init; }

    /// <summary>The default service levels: <c>p(95) &lt; 500</c> and <c>fail_rate &lt; 0.01</c>.</summary>
    public static IReadOnlyList<string> DefaultSlo { get; } = ["p(95) < 500", "fail_rate < 0.01"];

    /// <summary>Every problem with these settings, each naming its field (empty when the search can run).</summary>
    public IReadOnlyList<DefinitionProblem> Validate()
    {
        var problems = new List<DefinitionProblem>();
        void Add(string field, string what, string fix) => problems.Add(new(DefinitionProblemKind.NotPositive, what, fix) { Scenario = Scenario, Field = field, InCapacitySearch = true });
        if (StartRate < 1)
        {
            Add(nameof(StartRate), $"StartRate must be at least 1 (was {StartRate})", "start at 1 or more arrivals per second");
        }

        if (Step < 0 || (Step == 0 && !(Factor > 1)))
        {
            Add(Step < 0 ? nameof(Step) : nameof(Factor), $"the rate must grow between steps (Factor {Factor}, Step {Step})", "set Factor above 1, or Step to 1 or more");
        }

        if (StepDuration <= TimeSpan.Zero || Settle < TimeSpan.Zero || Settle >= StepDuration)
        {
            Add(nameof(Settle), $"each step must judge something: Settle {Settle} must be from 0 to below StepDuration {StepDuration}", "make StepDuration longer than Settle");
        }

        if (!(Resolution > 0 && Resolution < 1))
        {
            Add(nameof(Resolution), $"Resolution must be between 0 and 1 (was {Resolution})", "use a share such as 0.05");
        }

        if (MaxRate < StartRate)
        {
            Add(nameof(MaxRate), $"MaxRate {MaxRate} is below StartRate {StartRate}", "raise MaxRate");
        }

        if (MaxDuration < StepDuration)
        {
            Add(nameof(MaxDuration), $"MaxDuration {MaxDuration} is shorter than one step ({StepDuration})", "raise MaxDuration or shorten StepDuration");
        }

        if (Slo.Count == 0)
        {
            Add(nameof(Slo), "no service level to judge steps against", "give at least one, such as \"p(95) < 500\"");
        }

        if (!(DropTolerance >= 0 && DropTolerance < 1) || !(GeneratorCpuShare >= 0 && GeneratorCpuShare <= 1))
        {
            Add(nameof(DropTolerance), $"DropTolerance ({DropTolerance}) and GeneratorCpuShare ({GeneratorCpuShare}) are shares", "use values from 0 to 1");
        }

        return problems;
    }
}
