using HdrHistogram;
using UnitTrustLoad.Engine.Capacity;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Statistics;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// Runs a <see cref="CapacitySearch"/> on one scenario: each step is an open-model stage at the planner's rate; its part
/// after the settle time is cut out of the scenario's <see cref="StatsWindow"/> and judged by the same evaluator as
/// every threshold. Between steps, arrivals pause until nothing is in flight (at most one step's length), so no step
/// inherits the last one's queue.
/// </summary>
internal sealed class CapacityRunner
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);

    private readonly LoadTestRun _run;
    private readonly ScenarioRuntime _runtime;
    private readonly CapacitySearch _search;
    private readonly List<(Threshold Threshold, ThresholdExpression Expression)> _slo = [];
    private readonly Func<TimeSpan> _cpuTime;

    public CapacityRunner(LoadTestRun run, ScenarioRuntime runtime, CapacitySearch search, Func<TimeSpan>? cpuTime = null)
    {
        _run = run;
        _runtime = runtime;
        _search = search;
        _cpuTime = cpuTime ?? (static () => Environment.CpuUsage.TotalTime);
        foreach (var text in search.Slo)
        {
            // Validated with the definition: every expression parses here.
            _slo.Add((new Threshold(text, runtime.Name), ThresholdParser.TryParse(text, out _)!));
        }
    }

    public async Task<CapacityResult> RunAsync(CancellationToken stop)
    {
        var clock = _run.Clock;
        long started = clock.GetTimestamp();
        var planner = new CapacityPlanner(_search);
        var steps = new List<CapacityStep>();
        while (planner.Next() is { } rate)
        {
            if (stop.IsCancellationRequested)
            {
                planner.Stop(CapacityEnd.Stopped);
                break;
            }

            if (clock.GetElapsedTime(started) + _search.StepDuration > _search.MaxDuration)
            {
                planner.Stop(CapacityEnd.MaxDuration);
                break;
            }

            var step = await RunStepAsync(rate, stop).ConfigureAwait(false);
            if (step is null)
            {
                planner.Stop(CapacityEnd.Stopped);
                break;
            }

            steps.Add(step);
            _search.StepJudged?.Invoke(step);
            // Every step starts from an empty queue: what the last one left in flight (a failing step's backlog, or a
            // passing step's last answers) completes outside any judged part instead of inflating the next.
            await DrainBacklogAsync(started, stop).ConfigureAwait(false);
            if (!step.Passed && _search.ConfirmFailures
                && clock.GetElapsedTime(started) + _search.StepDuration <= _search.MaxDuration && !stop.IsCancellationRequested)
            {
                // A failure must reproduce before it bounds or ends the search: one stall of the machine (or of the
                // target) would otherwise bisect everything below it, or call a generator limited that was not. The
                // repeat's verdict is the rate's.
                if (await RunStepAsync(rate, stop).ConfigureAwait(false) is not { } repeat)
                {
                    planner.Stop(CapacityEnd.Stopped);
                    break;
                }

                step = repeat with { Confirmation = true };
                steps.Add(step);
                _search.StepJudged?.Invoke(step);
                await DrainBacklogAsync(started, stop).ConfigureAwait(false);
            }

            planner.Record(rate, step.Passed, step.GeneratorLimited);
        }

        return Conclude(planner, steps, clock.GetElapsedTime(started));
    }

    /// <summary>One step; null when the run was stopped before it ended (a partial step is not judged).</summary>
    private async Task<CapacityStep?> RunStepAsync(int rate, CancellationToken stop)
    {
        var window = _runtime.TotalWindow!;
        var stage = new Inject(rate, TimeSpan.FromSeconds(1), _search.StepDuration).ToStage(0, 0, rate);
        long droppedBefore = _runtime.DroppedSoFar;
        long stepStart = _run.Clock.GetTimestamp();
        var intendedFrom = _run.Elapsed + _search.Settle;
        var offering = _runtime.Open.RunStageAsync(stage, stop);
        var (from, to, cpu) = await CutJudgedPartAsync(window, stepStart, stop).ConfigureAwait(false);
        await offering.ConfigureAwait(false);
        if (stop.IsCancellationRequested)
        {
            return null;
        }

        // Cut more than a tenth of the judged part late, the step judged something else than its rate: the
        // generator's own clock slipped (a starved machine), which is not the target's doing.
        var judged = _search.StepDuration - _search.Settle;
        bool clockSlipped = from - intendedFrom > judged / 10 || (to - from) < judged * 0.9;
        var stats = new StepAccumulator();
        var (span, _) = window.SumInto(stats, from, to);
        long dropped = _runtime.DroppedSoFar - droppedBefore;
        double seconds = span.TotalSeconds > 0 ? span.TotalSeconds : (to - from).TotalSeconds;
        double cores = seconds > 0 ? cpu.TotalSeconds / seconds : 0;
        var verdicts = new List<ThresholdResult>(_slo.Count);
        bool held = true;
        foreach (var (threshold, expression) in _slo)
        {
            var verdict = ThresholdEvaluator.Evaluate(threshold, expression, new ThresholdSubject(stats, span, dropped), _run.Counters.Get, baseline: null);
            verdicts.Add(verdict);
            held &= verdict.Passed;
        }

        // Dropped arrivals mean the target got less than the step's rate: a pass cannot be credited to that rate, but
        // a breach at less load stands (more would not have helped). A generator near its cores or off its clock
        // measures its own delay, so its step is judged neither way.
        bool cpuLimited = _search.GeneratorCpuShare > 0 && cores >= _search.GeneratorCpuShare * Environment.ProcessorCount;
        bool dropsLimited = dropped > _search.DropTolerance * rate * _search.StepDuration.TotalSeconds;
        bool generatorLimited = clockSlipped || cpuLimited || (dropsLimited && held);
        bool passed = held && !generatorLimited;

        double? At(double percentile) => stats.Ok > 0 ? stats.Histogram.GetValueAtPercentile(percentile) / 1000.0 : null;
        return new CapacityStep(
            rate,
            seconds > 0 ? stats.Count / seconds : 0,
            At(50),
            At(95),
            At(99),
            stats.Count == 0 ? 0 : (double)stats.Fail / stats.Count,
            dropped,
            passed,
            generatorLimited,
            cores,
            verdicts);
    }

    /// <summary>
    /// Cuts the window where the step's judged part starts (after the settle time) and ends (after the step's
    /// duration), from <paramref name="stepStart"/>. On the system clock the waits run on a thread of their own, as the
    /// arrival schedule does, so a busy thread pool cannot delay a cut past the step it belongs to (seen: a settle timer
    /// 800 ms late under CPU contention left a step nothing to judge).
    /// </summary>
    /// <returns>Where the part was cut, and the process CPU spent in it.</returns>
    private Task<(TimeSpan From, TimeSpan To, TimeSpan Cpu)> CutJudgedPartAsync(StatsWindow window, long stepStart, CancellationToken stop)
    {
        var clock = _run.Clock;
        if (!ReferenceEquals(clock, TimeProvider.System))
        {
            return CutOnTimersAsync();
        }

        return Task.Factory.StartNew(
            () =>
            {
                ClockWait.WaitUntil(clock, stepStart, _search.Settle, stop);
                var from = _run.Elapsed;
                window.Cut(from);
                var cpuFrom = _cpuTime();
                ClockWait.WaitUntil(clock, stepStart, _search.StepDuration, stop);
                var to = _run.Elapsed;
                window.Cut(to);
                return (from, to, _cpuTime() - cpuFrom);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        async Task<(TimeSpan, TimeSpan, TimeSpan)> CutOnTimersAsync()
        {
            await ClockWait.DelayAsync(clock, _search.Settle - clock.GetElapsedTime(stepStart), stop).ConfigureAwait(false);
            var from = _run.Elapsed;
            window.Cut(from);
            var cpuFrom = _cpuTime();
            await ClockWait.DelayAsync(clock, _search.StepDuration - clock.GetElapsedTime(stepStart), stop).ConfigureAwait(false);
            var to = _run.Elapsed;
            window.Cut(to);
            return (from, to, _cpuTime() - cpuFrom);
        }
    }

    /// <summary>Waits until no iteration is in flight, at most one step's length and never past the time budget.</summary>
    private async Task DrainBacklogAsync(long started, CancellationToken stop)
    {
        var clock = _run.Clock;
        long drainStart = clock.GetTimestamp();
        while (_runtime.Open.InFlight > 0 && !stop.IsCancellationRequested
            && clock.GetElapsedTime(drainStart) < _search.StepDuration
            && clock.GetElapsedTime(started) + _search.StepDuration < _search.MaxDuration)
        {
            await ClockWait.DelayAsync(clock, DrainPoll, stop).ConfigureAwait(false);
        }
    }

    private CapacityResult Conclude(CapacityPlanner planner, List<CapacityStep> steps, TimeSpan duration)
    {
        var end = planner.End ?? CapacityEnd.Stopped;
        string? limitedBy = end == CapacityEnd.Generator ? "generator" : planner.Failing is not null ? "target" : null;
        string? brokenBy = null;
        string? brokenByMessage = null;
        if (planner.Failing is { } failing && steps.FindLast(s => s.Rate == failing && !s.GeneratorLimited) is { } broken)
        {
            double worst = double.NegativeInfinity;
            for (int i = 0; i < broken.Verdicts.Count; i++)
            {
                var verdict = broken.Verdicts[i];
                if (verdict.Passed)
                {
                    continue;
                }

                double limit = _slo[i].Expression.Limit;
                double excess = verdict.Actual is not { } actual ? double.PositiveInfinity : Math.Abs(actual - limit) / Math.Max(Math.Abs(limit), 1e-9);
                if (excess > worst)
                {
                    worst = excess;
                    brokenBy = verdict.Expression;
                    brokenByMessage = verdict.Message;
                }
            }
        }

        return new CapacityResult(_runtime.Name, planner.Passing, planner.Failing, limitedBy, brokenBy, brokenByMessage, end, duration, steps);
    }
}
