using Microsoft.Extensions.Logging;
using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Sinks;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// Composes and runs a test: <c>LoadTest.Create("name").WithScenarios(a, b).WithThresholds(...).RunAsync(ct)</c>.
/// Immutable; each With* returns a new definition.
/// </summary>
public sealed record LoadTest
{
    private LoadTest(string name) => Name = name;

    /// <summary>Test name.</summary>
    public string Name { get; }

    /// <summary>Scenarios, run at the same time, each with its own chain of simulations.</summary>
    public IReadOnlyList<ScenarioProps> Scenarios { get; init; } = [];

    /// <summary>Thresholds; they decide the verdict.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Sinks that receive start, intervals and the final result.</summary>
    public IReadOnlyList<IReportingSink> Sinks { get; init; } = [];

    /// <summary>The reporting interval when none is set.</summary>
    public static readonly TimeSpan DefaultReportingInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reporting interval; null (the default) picks it: <see cref="DefaultReportingInterval"/>, or for a run planned
    /// shorter than 20 of those a finer round step (the largest of 100 ms, 200 ms, 250 ms, 500 ms, 1 s, 2 s, ... no
    /// longer than a twentieth of its planned length), so its charts have at least 20 points.
    /// <see cref="Model.RunInfo.ReportingInterval"/> says which one a run uses. Either way a final tail shorter than half
    /// an interval is folded into the interval before it.
    /// </summary>
    public TimeSpan? ReportingInterval { get; init; }

    /// <summary>After a stop, how long running iterations may finish before they are cancelled. 10 s by default.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Logger for scenario contexts and engine messages.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Looks up a baseline value for relative thresholds: (scope, metric such as "p(95)") → value, or null when unknown.</summary>
    public Func<string, string, double?>? Baseline { get; init; }

    /// <summary>
    /// A capacity search on one of the scenarios instead of its load simulations (null: none). The result is in
    /// <see cref="RunResult.Capacity"/>; the search's own bounds end it.
    /// </summary>
    public CapacitySearch? Capacity { get; init; }

    /// <summary>Searches the capacity of one scenario (<see cref="CapacitySearch.Scenario"/>).</summary>
    public LoadTest WithCapacity(CapacitySearch search) => this with { Capacity = search };

    /// <summary>Starts a definition.</summary>
    public static LoadTest Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new LoadTest(name);
    }

    /// <summary>Sets the scenarios.</summary>
    public LoadTest WithScenarios(params ScenarioProps[] scenarios) => this with { Scenarios = scenarios };

    /// <summary>Sets the thresholds.</summary>
    public LoadTest WithThresholds(params Threshold[] thresholds) => this with { Thresholds = thresholds };

    /// <summary>Sets the sinks.</summary>
    public LoadTest WithSinks(params IReportingSink[] sinks) => this with { Sinks = sinks };

    /// <summary>Sets the reporting interval, used as it is whatever the run's length; null lets the engine pick it.</summary>
    public LoadTest WithReportingInterval(TimeSpan? interval) => this with { ReportingInterval = interval };

    /// <summary>Sets the stop grace period.</summary>
    public LoadTest WithStopGracePeriod(TimeSpan grace) => this with { StopGracePeriod = grace };

    /// <summary>Sets the clock.</summary>
    public LoadTest WithTimeProvider(TimeProvider timeProvider) => this with { TimeProvider = timeProvider };

    /// <summary>Sets the logger factory.</summary>
    public LoadTest WithLoggerFactory(ILoggerFactory loggerFactory) => this with { LoggerFactory = loggerFactory };

    /// <summary>Sets the baseline lookup for relative thresholds.</summary>
    public LoadTest WithBaseline(Func<string, string, double?> baseline) => this with { Baseline = baseline };

    /// <summary>
    /// Every problem that would stop this definition from running (empty when it can run), found without starting
    /// anything: names, each load simulation's own fields, threshold syntax and scopes. <see cref="RunAsync"/> runs
    /// the same check and throws <see cref="LoadTestDefinitionException"/> with these problems.
    /// </summary>
    public IReadOnlyList<DefinitionProblem> Validate() => DefinitionValidator.Validate(this, out _);

    /// <summary>
    /// Validates the definition (names, simulations, threshold syntax) and runs it until its simulations end or
    /// <paramref name="cancellationToken"/> fires; a cancelled run still returns its result, marked interrupted.
    /// Throws <see cref="LoadTestDefinitionException"/> listing every problem before any load starts.
    /// </summary>
    public async Task<RunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        using var run = new LoadTestRun(this);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
