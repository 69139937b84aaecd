using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>An immutable scenario definition, built fluently.</summary>
public sealed record ScenarioProps
{
    internal ScenarioProps(string name, Func<IScenarioContext, Task<Response>> run)
        : this(name, ctx => new ValueTask<Response>(run(ctx)))
    {
    }

    internal ScenarioProps(string name, Func<IScenarioContext, ValueTask<Response>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        Name = name;
        Run = run;
    }

    /// <summary>Scenario name (unique within a test).</summary>
    public string Name { get; }

    /// <summary>The iteration.</summary>
    public Func<IScenarioContext, ValueTask<Response>> Run { get; }

    /// <summary>Runs once before the load starts; an exception here fails the test before any load.</summary>
    public Func<IScenarioInitContext, Task>? Init { get; init; }

    /// <summary>Runs once after the load ends (also after a stop).</summary>
    public Func<IScenarioInitContext, Task>? Clean { get; init; }

    /// <summary>Load before measuring; its statistics are discarded. Zero by default.</summary>
    public TimeSpan WarmUpDuration { get; init; }

    /// <summary>The load shape, stage after stage.</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; init; } = [];

    /// <summary>Open model only: the most iterations in flight at once; an arrival beyond it is dropped (counted, never delayed). 0 = the engine's default of 10,000.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>How a virtual user backs off after iterations that failed fast (see <see cref="BackoffRule"/>); null: never.</summary>
    public BackoffRule? Backoff { get; init; }

    /// <summary>Sets the back-off after fast failures.</summary>
    public ScenarioProps WithBackoff(BackoffRule rule) => this with { Backoff = rule };

    /// <summary>Sets the init hook.</summary>
    public ScenarioProps WithInit(Func<IScenarioInitContext, Task> init) => this with { Init = init };

    /// <summary>Sets the clean hook.</summary>
    public ScenarioProps WithClean(Func<IScenarioInitContext, Task> clean) => this with { Clean = clean };

    /// <summary>Sets the warm-up.</summary>
    public ScenarioProps WithWarmUpDuration(TimeSpan duration) => this with { WarmUpDuration = duration };

    /// <summary>No warm-up.</summary>
    public ScenarioProps WithoutWarmUp() => this with { WarmUpDuration = TimeSpan.Zero };

    /// <summary>Sets the load shape.</summary>
    public ScenarioProps WithLoadSimulations(params LoadSimulation[] simulations) => this with { LoadSimulations = simulations };

    /// <summary>Caps in-flight iterations of the open model.</summary>
    public ScenarioProps WithMaxConcurrency(int max) => this with { MaxConcurrency = max };
}
