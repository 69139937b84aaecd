using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Statistics;

namespace UnitTrustLoad.Engine.Running;

/// <summary>One scenario during a run: its recorders, counters of starts and drops, and its statistics so far.</summary>
internal sealed class ScenarioRuntime
{
    private readonly ConcurrentDictionary<string, StepRecorder> _steps = new(StringComparer.Ordinal);
    private readonly List<StepRecorder> _stepOrder = [];
    private readonly Lock _stepGate = new();
    private readonly Dictionary<StepRecorder, (StepAccumulator Interval, StepAccumulator Overall)> _accumulators = [];
    private long _invocations;
    private long _dropped;
    private long _interrupted;
    private long _droppedReported;
    private long _droppedOverall;
    private long _targetRateBits;
    private readonly StepAccumulator _startLag = new();
    private readonly StepAccumulator _responseTime = new();
    private readonly Dictionary<string, StatsWindow> _stepWindows = new(StringComparer.Ordinal);

    public ScenarioRuntime(ScenarioProps props, int index, LoadTestRun run, ILogger logger)
    {
        Props = props;
        Run = run;
        Logger = logger;
        Clock = run.Clock;
        Stages = LoadPlan.Resolve(props.LoadSimulations, seed: index + 1);
        Total = new StepRecorder(props.Name, Clock.TimestampFrequency);
        StartLag = new StepRecorder("start-lag", Clock.TimestampFrequency);
        ResponseTime = new StepRecorder(props.Name, Clock.TimestampFrequency);
        Closed = new ClosedModelRunner(this);
        Open = new OpenModelRunner(this, props.MaxConcurrency > 0 ? props.MaxConcurrency : OpenModelRunner.DefaultMaxConcurrency);
        _accumulators[Total] = (new StepAccumulator(), new StepAccumulator());
    }

    public ScenarioProps Props { get; }

    public string Name => Props.Name;

    public LoadTestRun Run { get; }

    public ILogger Logger { get; }

    public TimeProvider Clock { get; }

    public IReadOnlyList<LoadStage> Stages { get; }

    public StepRecorder Total { get; }

    /// <summary>Open model: how late each started iteration was against its intended time (for benchmarks and tests).</summary>
    public StepRecorder StartLag { get; }

    /// <summary>
    /// Open model: each iteration's time from its intended start (its arrival on the schedule) to its end, as wrk2
    /// corrects for coordinated omission: service time plus however late the generator started it.
    /// </summary>
    public StepRecorder ResponseTime { get; }

    /// <summary>Start lags gathered at the flushes so far.</summary>
    public StepAccumulator StartLagOverall => _startLag;

    public ClosedModelRunner Closed { get; }

    public OpenModelRunner Open { get; }

    /// <summary>Measured time of this scenario: from the measurement start to the end of its chain or the stop.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>Iterations the stop cut off after the grace period.</summary>
    public long Interrupted => Interlocked.Read(ref _interrupted);

    public long DroppedOverall => Interlocked.Read(ref _droppedOverall) + (Interlocked.Read(ref _dropped) - _droppedReported);

    /// <summary>Open model: intended iterations per second now; 0 for the closed model.</summary>
    public double TargetRate
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _targetRateBits));
        set => Interlocked.Exchange(ref _targetRateBits, BitConverter.DoubleToInt64Bits(value));
    }

    public int ActiveCopies => Closed.Active + Open.InFlight;

    /// <summary>Copies and target rate as the measured chain ended, before the stop drained them; what the last interval shows.</summary>
    public (int Copies, double Rate)? AtChainEnd { get; private set; }

    /// <summary>Remembers the load as the measured chain ends, so the last interval does not show the drain as a ramp down.</summary>
    public void MarkChainEnd() => AtChainEnd = (ActiveCopies, TargetRate);

    public bool IsIdle => Closed.Active == 0 && Open.InFlight == 0;

    public StepRecorder GetStep(string name)
    {
        if (_steps.TryGetValue(name, out var recorder))
        {
            return recorder;
        }

        lock (_stepGate)
        {
            if (!_steps.TryGetValue(name, out recorder))
            {
                recorder = new StepRecorder(name, Clock.TimestampFrequency);
                recorder.Mirror = _stepWindows.GetValueOrDefault(name)?.Recorder;
                _stepOrder.Add(recorder);
                _steps[name] = recorder;
            }

            return recorder;
        }
    }

    public void AddDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>What drove the scenario when not its load simulations (a capacity search's steps), for its result.</summary>
    public string? LoadDescription { get; set; }

    /// <summary>Arrivals dropped since the start, warm-up included (windows take differences of it).</summary>
    public long DroppedSoFar => Interlocked.Read(ref _dropped);

    /// <summary>The sliding window of the whole iteration, when a windowed threshold or a capacity search needs one.</summary>
    public StatsWindow? TotalWindow { get; private set; }

    /// <summary>The window of step <paramref name="step"/>, or of the whole iteration when null; null when none was enabled.</summary>
    public StatsWindow? WindowOf(string? step) => step is null ? TotalWindow : _stepWindows.GetValueOrDefault(step);

    /// <summary>Every window enabled, for the run's one-second cut.</summary>
    public IEnumerable<StatsWindow> Windows => TotalWindow is null ? _stepWindows.Values : _stepWindows.Values.Append(TotalWindow);

    /// <summary>
    /// Keeps a sliding window of at least <paramref name="keep"/> on step <paramref name="step"/> (null: the whole
    /// iteration). Called before the run starts; the recorder mirrors into it from then on.
    /// </summary>
    public void EnableWindow(string? step, TimeSpan keep)
    {
        var window = WindowOf(step);
        if (window is not null)
        {
            window.Keep = window.Keep > keep ? window.Keep : keep;
            return;
        }

        window = new StatsWindow(new StepRecorder(step ?? Name, Clock.TimestampFrequency), () => DroppedSoFar, keep);
        if (step is null)
        {
            TotalWindow = window;
            Total.Mirror = window.Recorder;
            return;
        }

        lock (_stepGate)
        {
            _stepWindows[step] = window;
            if (_steps.TryGetValue(step, out var recorder))
            {
                recorder.Mirror = window.Recorder;
            }
        }
    }

    /// <summary>Runs one iteration through the scenario function and records it as the scenario's total.</summary>
    /// <remarks>Pooled: an iteration that awaits reuses a state machine rather than allocating one.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask RunIterationAsync(ScenarioContext context)
    {
        context.InvocationNumber = Interlocked.Increment(ref _invocations) - 1;
        context.PausedTicks = 0;
        long start = Clock.GetTimestamp();
        Response response;
        try
        {
            var pending = Props.Run(context);
            response = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Run.IterationToken.IsCancellationRequested)
        {
            // Cut off by the run's own stop after its grace period: the test's doing, not a failure of the target
            // (k6 counts these as interrupted iterations). Counted apart, in no latency and no fail rate.
            Interlocked.Increment(ref _interrupted);
            return;
        }
        catch (Exception ex)
        {
            response = Response.Fail("exception", ex.Message);
        }

        if (response.IsDropped)
        {
            // The generator lacked something of its own: a drop, not a failure of the target, and no latency.
            AddDropped();
            return;
        }

        // Think time (PauseAsync) is not latency: the scenario's figure is the time the iteration spent working.
        var service = Math.Max(0, Clock.GetTimestamp() - start - context.PausedTicks);
        Total.Record(service, response);
        if (context.StartLagTicks >= 0)
        {
            ResponseTime.Record(service + context.StartLagTicks, response);
        }

        if (Props.Backoff is { } backoff)
        {
            await BackOffAsync(backoff, response, context).ConfigureAwait(false);
        }
    }

    /// <summary>After the iteration is recorded: waits as the scenario's back-off rule says, or resets its streak.</summary>
    private async ValueTask BackOffAsync(BackoffRule backoff, Response response, ScenarioContext context)
    {
        if (!backoff.Applies(response))
        {
            context.BackoffStreak = 0;
            return;
        }

        var wait = backoff.WaitAfter(++context.BackoffStreak) * (0.5 + Random.Shared.NextDouble());
        if (backoff.Counter is { } counter)
        {
            Run.Counters.Add(counter, (long)wait.TotalMilliseconds);
        }

        try
        {
            await context.PauseAsync(wait).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Run.IterationToken.IsCancellationRequested)
        {
            // The run is stopping: the wait ends with it.
        }
    }

    /// <summary>Drains this interval's recordings into the interval result and the run's totals.</summary>
    /// <param name="span">The interval's real length.</param>
    /// <param name="final">True for the run's last interval: it shows the load as the chain ended, not the drained run.</param>
    public ScenarioIntervalStats FlushInterval(TimeSpan span, bool final = false)
    {
        var steps = StepsInOrder();
        var total = Drain(Total, span, intoOverall: true);
        var results = new List<StepResult>(steps.Length);
        foreach (var step in steps)
        {
            results.Add(Drain(step, span, intoOverall: true));
        }

        StartLag.DrainInto(_startLag);
        ResponseTime.DrainInto(_responseTime);
        long dropped = Interlocked.Read(ref _dropped);
        long droppedInInterval = dropped - _droppedReported;
        _droppedReported = dropped;
        Interlocked.Add(ref _droppedOverall, droppedInInterval);
        var (copies, rate) = final && AtChainEnd is { } end ? end : (ActiveCopies, TargetRate);
        return new ScenarioIntervalStats(Name, copies, rate, droppedInInterval, total, results);
    }

    /// <summary>
    /// Drains what was recorded since the last flush into the run's totals and into <paramref name="last"/>, the
    /// previous interval, which then covers <paramref name="mergedSpan"/>: a final sliver folded into its neighbour.
    /// </summary>
    public ScenarioIntervalStats FoldIntoLast(ScenarioIntervalStats last, TimeSpan mergedSpan)
    {
        var steps = StepsInOrder();
        var total = DrainOnto(Total, mergedSpan);
        var results = new List<StepResult>(steps.Length);
        foreach (var step in steps)
        {
            results.Add(DrainOnto(step, mergedSpan));
        }

        StartLag.DrainInto(_startLag);
        ResponseTime.DrainInto(_responseTime);
        long dropped = Interlocked.Read(ref _dropped);
        long droppedInTail = dropped - _droppedReported;
        _droppedReported = dropped;
        Interlocked.Add(ref _droppedOverall, droppedInTail);
        return new ScenarioIntervalStats(Name, last.ActiveCopies, last.TargetRate, last.DroppedIterations + droppedInTail, total, results);
    }

    /// <summary>What the warm-up left out, once it has run; null before, or without one.</summary>
    public WarmUpResult? WarmUp { get; private set; }

    /// <summary>Throws away everything recorded so far (the warm-up), counting what it throws away.</summary>
    public void DiscardRecorded()
    {
        long calls = 0;
        foreach (var recorder in StepsInOrder())
        {
            calls += Drain(recorder, TimeSpan.Zero, intoOverall: false).Count;
        }

        long iterations = Drain(Total, TimeSpan.Zero, intoOverall: false).Count;
        if (Props.WarmUpDuration > TimeSpan.Zero)
        {
            WarmUp = new WarmUpResult(Props.WarmUpDuration, iterations, calls);
        }

        StartLag.DrainInto(_startLag);
        ResponseTime.DrainInto(_responseTime);
        _startLag.Reset();
        _responseTime.Reset();
        _droppedReported = Interlocked.Read(ref _dropped);
        Interlocked.Exchange(ref _droppedOverall, 0);
        foreach (var window in Windows)
        {
            window.Restart(TimeSpan.Zero);
        }
    }

    /// <summary>The run's statistics of the whole iteration so far (after the last flush).</summary>
    public StepAccumulator OverallTotal => _accumulators[Total].Overall;

    /// <summary>A step's statistics so far, or null if it never ran.</summary>
    public StepAccumulator? OverallStep(string name)
        => _steps.TryGetValue(name, out var recorder) && _accumulators.TryGetValue(recorder, out var pair) ? pair.Overall : null;

    public ScenarioResult ToResult()
    {
        var steps = StepsInOrder();
        var results = new List<StepResult>(steps.Length);
        foreach (var step in steps)
        {
            results.Add(_accumulators.TryGetValue(step, out var pair) ? pair.Overall.ToResult(step.Name, Duration, withDistribution: true) : new StepAccumulator().ToResult(step.Name, Duration, withDistribution: true));
        }

        var descriptions = new List<string>(Props.LoadSimulations.Count);
        foreach (var simulation in Props.LoadSimulations)
        {
            descriptions.Add(simulation.Describe());
        }

        if (LoadDescription is { } instead)
        {
            descriptions = [instead];
        }

        return new ScenarioResult(Name, OverallTotal.ToResult(Name, Duration, withDistribution: true), results, DroppedOverall, descriptions, Duration)
        {
            WarmUp = WarmUp,
            InterruptedIterations = Interrupted,
            ResponseTime = _responseTime.Count > 0 ? _responseTime.ToResult(Name, Duration).Latency : null,
        };
    }

    private StepRecorder[] StepsInOrder()
    {
        lock (_stepGate)
        {
            return [.. _stepOrder];
        }
    }

    /// <summary>Adds the recorder's tail to the run's totals and to the interval accumulator, which still holds the previous interval.</summary>
    private StepResult DrainOnto(StepRecorder recorder, TimeSpan span)
    {
        if (!_accumulators.TryGetValue(recorder, out var pair))
        {
            pair = (new StepAccumulator(), new StepAccumulator());
            _accumulators[recorder] = pair;
        }

        var tail = new StepAccumulator();
        recorder.DrainInto(tail);
        pair.Overall.Add(tail);
        pair.Interval.Add(tail);
        return pair.Interval.ToResult(recorder.Name, span);
    }

    private StepResult Drain(StepRecorder recorder, TimeSpan span, bool intoOverall)
    {
        if (!_accumulators.TryGetValue(recorder, out var pair))
        {
            pair = (new StepAccumulator(), new StepAccumulator());
            _accumulators[recorder] = pair;
        }

        pair.Interval.Reset();
        recorder.DrainInto(pair.Interval);
        if (!intoOverall)
        {
            var discarded = pair.Interval.ToResult(recorder.Name, span);
            pair.Interval.Reset();
            return discarded;
        }

        pair.Overall.Add(pair.Interval);
        return pair.Interval.ToResult(recorder.Name, span);
    }
}
