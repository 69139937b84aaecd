using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Sinks;
using UnitTrustLoad.Engine.Statistics;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// One execution of a <see cref="LoadTest"/>: init hooks, warm-up, the measured load with its interval timer and
/// abort checks, the graceful stop, clean hooks, thresholds and the final result.
/// </summary>
internal sealed partial class LoadTestRun : IDisposable
{
    /// <summary>After the grace period has cancelled iterations, how long to wait for them before giving up on them.</summary>
    private static readonly TimeSpan CancelledDrainLimit = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(5);

    private readonly LoadTest _test;
    private readonly IReadOnlyList<ThresholdExpression> _expressions;
    private readonly CancellationTokenSource _stopIssuing = new();
    private readonly CancellationTokenSource _iterations = new();
    private readonly List<IntervalStats> _intervals = [];
    private readonly ThresholdResult?[] _abortVerdicts;
    private readonly ILogger _logger;
    private readonly ScenarioRuntime[] _scenarios;
    private readonly TimeSpan _interval;
    private string? _stopReason;
    private long _measureStart;
    private TimeSpan _lastFlush;
    private Model.CapacityResult? _capacity;

    public LoadTestRun(LoadTest test)
    {
        _test = test;
        IterationToken = _iterations.Token;
        var problems = DefinitionValidator.Validate(test, out _expressions);
        if (problems.Count > 0)
        {
            throw new LoadTestDefinitionException(problems);
        }

        _abortVerdicts = new ThresholdResult?[test.Thresholds.Count];
        var loggers = test.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger("UnitTrustLoad.Engine");
        _scenarios = new ScenarioRuntime[test.Scenarios.Count];
        for (int i = 0; i < _scenarios.Length; i++)
        {
            var props = test.Scenarios[i];
            _scenarios[i] = new ScenarioRuntime(props, i, this, loggers.CreateLogger("UnitTrustLoad.Scenario." + props.Name));
        }

        var planned = ReportingCadence.PlannedLoad(_scenarios);
        if (test.Capacity is { } capacity)
        {
            planned = planned is { } chain && chain > capacity.MaxDuration ? chain : capacity.MaxDuration;
            Array.Find(_scenarios, s => s.Name == capacity.Scenario)!.EnableWindow(null, capacity.StepDuration + TimeSpan.FromSeconds(2));
        }

        EnableThresholdWindows();
        _interval = test.ReportingInterval ?? ReportingCadence.For(LoadTest.DefaultReportingInterval, planned);
    }

    /// <summary>Time since the measurement started.</summary>
    public TimeSpan Elapsed => Clock.GetElapsedTime(_measureStart);

    public TimeProvider Clock => _test.TimeProvider;

    public RunCounters Counters { get; } = new();

    /// <summary>The interval this run reports at (<see cref="ReportingCadence"/>).</summary>
    public TimeSpan ReportingInterval => _interval;

    /// <summary>Cancelled when the grace period after a stop has expired; cached so abandoned iterations can still read it after the run is disposed.</summary>
    public CancellationToken IterationToken { get; }

    /// <summary>The scenarios' live state (tests and benchmarks read start lags from it).</summary>
    public IReadOnlyList<ScenarioRuntime> Scenarios => _scenarios;

    /// <summary>True once <see cref="Stop"/> was called (cancellation, StopTest, an abort threshold); false at a normal end.</summary>
    public bool StopRequested => Volatile.Read(ref _stopReason) is not null;

    /// <summary>Stops issuing iterations at once; the first reason given is the one reported.</summary>
    public void Stop(string reason)
    {
        if (Interlocked.CompareExchange(ref _stopReason, reason, null) is null)
        {
            _stopIssuing.Cancel();
        }
    }

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        await InitAsync(cancellationToken).ConfigureAwait(false);
        using var onCancel = cancellationToken.Register(static state => ((LoadTestRun)state!).Stop("cancelled"), this);
        var sinks = new SinkDispatcher(_test.Sinks, CancellationToken.None);
        TimeSpan duration;
        DateTimeOffset startedAt;
        try
        {
            await sinks.StartAsync(BuildRunInfo()).ConfigureAwait(false);
            await WarmUpAsync().ConfigureAwait(false);

            _measureStart = Clock.GetTimestamp();
            startedAt = Clock.GetUtcNow();
            using var reportingStop = new CancellationTokenSource();
            var reporting = ReportAsync(sinks, reportingStop.Token);
            var windows = WindowTickAsync(reportingStop.Token);
            var drivers = new Task[_scenarios.Length];
            for (int i = 0; i < drivers.Length; i++)
            {
                drivers[i] = DriveAsync(_scenarios[i], measured: true, _stopIssuing.Token);
            }

            await Task.WhenAll(drivers).ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);

            // Stop the interval timer before reading the end, so the last interval ends exactly at the run's end.
            await reportingStop.CancelAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(false);
            await windows.ConfigureAwait(false);
            duration = Clock.GetElapsedTime(_measureStart);
            CheckWindows(duration, final: true);
            FlushLast(sinks, duration);
        }
        finally
        {
            await CleanAsync().ConfigureAwait(false);
        }

        var result = new RunResult(
            _test.Name,
            startedAt,
            duration,
            _stopReason is not null,
            _stopReason,
            BuildScenarioResults(),
            EvaluateThresholds(final: true),
            Counters.Snapshot(),
            _intervals,
            [])
        {
            Capacity = _capacity,
        };
        await sinks.FinishAsync(result with { SinkErrors = sinks.Errors }).ConfigureAwait(false);
        return result with { SinkErrors = sinks.Errors };
    }

    public void Dispose()
    {
        _stopIssuing.Dispose();
        _iterations.Dispose();
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        for (int i = 0; i < _scenarios.Length; i++)
        {
            var runtime = _scenarios[i];
            if (runtime.Props.Init is not { } init)
            {
                continue;
            }

            try
            {
                await init(new ScenarioInitContext(runtime.Name, runtime.Logger, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await CleanAsync(upTo: i).ConfigureAwait(false);
                throw new LoadTestDefinitionException(
                    $"scenario '{runtime.Name}' init failed, so no load was started: {ex.GetType().Name}: {ex.Message}",
                    ex);
            }
        }
    }

    private async Task CleanAsync(int upTo = int.MaxValue)
    {
        for (int i = 0; i < _scenarios.Length && i < upTo; i++)
        {
            var runtime = _scenarios[i];
            if (runtime.Props.Clean is not { } clean)
            {
                continue;
            }

            try
            {
                await clean(new ScenarioInitContext(runtime.Name, runtime.Logger, CancellationToken.None)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Clean hook of scenario {Scenario} failed", runtime.Name);
            }
        }
    }

    private async Task WarmUpAsync()
    {
        var warming = new List<Task>();
        foreach (var runtime in _scenarios)
        {
            if (runtime.Props.WarmUpDuration > TimeSpan.Zero)
            {
                warming.Add(WarmUpAsync(runtime));
            }
        }

        if (warming.Count == 0)
        {
            return;
        }

        await Task.WhenAll(warming).ConfigureAwait(false);
        await WaitIdleAsync(_test.StopGracePeriod).ConfigureAwait(false);
        foreach (var runtime in _scenarios)
        {
            runtime.DiscardRecorded();
        }

        Counters.Reset();
    }

    private async Task WarmUpAsync(ScenarioRuntime runtime)
    {
        using var timer = new CancellationTokenSource(runtime.Props.WarmUpDuration, Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, _stopIssuing.Token);
        await DriveAsync(runtime, measured: false, linked.Token).ConfigureAwait(false);
    }

    private async Task DriveAsync(ScenarioRuntime runtime, bool measured, CancellationToken stop)
    {
        if (_test.Capacity is { } capacity && capacity.Scenario == runtime.Name)
        {
            // The search replaces the scenario's chain; its warm-up offers the first step's rate, left out of every figure.
            if (!measured)
            {
                var warmUp = new Inject(capacity.StartRate, TimeSpan.FromSeconds(1), runtime.Props.WarmUpDuration).ToStage(0, 0, capacity.StartRate);
                await runtime.Open.RunStageAsync(warmUp, stop).ConfigureAwait(false);
            }
            else
            {
                _capacity = await new CapacityRunner(this, runtime, capacity).RunAsync(stop).ConfigureAwait(false);
                runtime.LoadDescription = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"capacity search: {_capacity.Steps.Count} steps of {capacity.StepDuration.TotalSeconds:0.###} s at {string.Join(", ", _capacity.Steps.Select(s => s.Rate + "/s"))}");
                runtime.MarkChainEnd();
                runtime.Duration = Clock.GetElapsedTime(_measureStart);
            }

            return;
        }

        foreach (var stage in runtime.Stages)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            switch (stage.Model)
            {
                case LoadModel.Closed:
                    await runtime.Closed.RunStageAsync(stage, stop).ConfigureAwait(false);
                    break;
                case LoadModel.Open:
                    runtime.Closed.StopAll();
                    await runtime.Open.RunStageAsync(stage, stop).ConfigureAwait(false);
                    break;
                default:
                    runtime.Closed.StopAll();
                    await ClockWait.DelayAsync(Clock, stage.During ?? TimeSpan.Zero, stop).ConfigureAwait(false);
                    break;
            }
        }

        if (measured)
        {
            runtime.MarkChainEnd();
        }

        runtime.Closed.StopAll();
        if (measured)
        {
            runtime.Duration = Clock.GetElapsedTime(_measureStart);
        }
    }

    /// <summary>No new iterations; running ones get the grace period, then their token is cancelled.</summary>
    private async Task DrainAsync()
    {
        await _stopIssuing.CancelAsync().ConfigureAwait(false);
        if (await WaitIdleAsync(_test.StopGracePeriod).ConfigureAwait(false))
        {
            return;
        }

        _logger.LogWarning("Iterations still running after the {Grace} stop grace period are being cancelled", _test.StopGracePeriod);
        await _iterations.CancelAsync().ConfigureAwait(false);
        long cancelledAt = TimeProvider.System.GetTimestamp();
        while (!AllIdle() && TimeProvider.System.GetElapsedTime(cancelledAt) < CancelledDrainLimit)
        {
            await Task.Delay(IdlePoll).ConfigureAwait(false);
        }
    }

    /// <summary>Waits on the run's clock until no iteration is running, at most <paramref name="limit"/>; true when idle.</summary>
    private async Task<bool> WaitIdleAsync(TimeSpan limit)
    {
        long start = Clock.GetTimestamp();
        while (!AllIdle())
        {
            if (Clock.GetElapsedTime(start) >= limit)
            {
                return false;
            }

            // Polled on the real clock: a fake clock only decides when the grace period is over.
            await Task.Delay(IdlePoll).ConfigureAwait(false);
        }

        return true;
    }

    private bool AllIdle()
    {
        foreach (var runtime in _scenarios)
        {
            if (!runtime.IsIdle)
            {
                return false;
            }
        }

        return true;
    }

    private async Task ReportAsync(SinkDispatcher sinks, CancellationToken stop)
    {
        var interval = _interval;
        while (!stop.IsCancellationRequested)
        {
            var end = TimeSpan.FromTicks(interval.Ticks * (_intervals.Count + 1));
            await ClockWait.DelayAsync(Clock, end - Clock.GetElapsedTime(_measureStart), stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            sinks.ReportInterval(Flush(end));
            CheckAbortThresholds(end);
        }
    }

    /// <summary>
    /// The run's tail after the last regular interval: its own interval when it is at least half an interval long,
    /// otherwise folded into the previous one, which the sinks then get again, enlarged, under the same index (see
    /// <see cref="IReportingSink.ReportIntervalAsync"/>), so no report shows a sliver whose rates are a few requests
    /// over a few milliseconds.
    /// </summary>
    private void FlushLast(SinkDispatcher sinks, TimeSpan end)
    {
        var tail = end - _lastFlush;
        if (_intervals.Count > 0 && tail <= TimeSpan.Zero)
        {
            return;
        }

        if (_intervals.Count == 0 || tail >= _interval / 2)
        {
            sinks.ReportInterval(Flush(end, final: true));
            return;
        }

        var last = _intervals[^1];
        var span = end - last.Start;
        var scenarios = new List<ScenarioIntervalStats>(_scenarios.Length);
        for (int i = 0; i < _scenarios.Length; i++)
        {
            scenarios.Add(_scenarios[i].FoldIntoLast(last.Scenarios[i], span));
        }

        _intervals[^1] = last with { Duration = span, Scenarios = scenarios };
        _lastFlush = end;
        sinks.ReportInterval(_intervals[^1]);
    }

    private IntervalStats Flush(TimeSpan end, bool final = false)
    {
        var span = end - _lastFlush;
        var scenarios = new List<ScenarioIntervalStats>(_scenarios.Length);
        foreach (var runtime in _scenarios)
        {
            scenarios.Add(runtime.FlushInterval(span, final));
        }

        var stats = new IntervalStats(_intervals.Count, _lastFlush, span, scenarios);
        _intervals.Add(stats);
        _lastFlush = end;
        return stats;
    }
}
