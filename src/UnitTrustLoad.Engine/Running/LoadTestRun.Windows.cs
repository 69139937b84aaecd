using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Statistics;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>
/// Thresholds over a sliding window: every second each window is cut and every windowed threshold judged over its
/// last <see cref="Threshold.Window"/>, by the same evaluator as the whole-run ones. The first failing window is the
/// verdict; an abort waits for the grace period, and with <see cref="Threshold.Sustained"/> for a breach in every second of a whole window.
/// </summary>
internal sealed partial class LoadTestRun
{
    private static readonly TimeSpan WindowTick = TimeSpan.FromSeconds(1);

    private ThresholdResult?[] _windowFailures = [];
    private ThresholdResult?[] _windowLast = [];
    private int[] _failingSeconds = [];

    private void EnableThresholdWindows()
    {
        int count = _test.Thresholds.Count;
        _windowFailures = new ThresholdResult?[count];
        _windowLast = new ThresholdResult?[count];
        _failingSeconds = new int[count];
        foreach (var threshold in _test.Thresholds)
        {
            if (threshold.Window is not { } window)
            {
                continue;
            }

            foreach (var runtime in _scenarios)
            {
                if (threshold.Scenario is null || threshold.Scenario == runtime.Name)
                {
                    runtime.EnableWindow(threshold.Scenario is null ? null : threshold.Step, window + WindowTick);
                }
            }
        }
    }

    private async Task WindowTickAsync(CancellationToken stop)
    {
        bool any = false;
        foreach (var runtime in _scenarios)
        {
            any |= runtime.Windows.Any();
        }

        if (!any)
        {
            return;
        }

        long ticks = 0;
        while (!stop.IsCancellationRequested)
        {
            var at = TimeSpan.FromTicks(WindowTick.Ticks * ++ticks);
            await ClockWait.DelayAsync(Clock, at - Elapsed, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            CheckWindows(at, final: false);
        }
    }

    private void CheckWindows(TimeSpan at, bool final)
    {
        foreach (var runtime in _scenarios)
        {
            foreach (var window in runtime.Windows)
            {
                window.Cut(at);
            }
        }

        for (int i = 0; i < _test.Thresholds.Count; i++)
        {
            var threshold = _test.Thresholds[i];
            if (threshold.Window is not { } length || _abortVerdicts[i] is not null)
            {
                continue;
            }

            var expression = _expressions[i];
            var verdict = JudgeWindow(threshold, expression, at, length);
            if (verdict is null)
            {
                // An empty window has nothing to judge (a pause, the first moments): not a breach.
                _failingSeconds[i] = 0;
                continue;
            }

            // Sustained counts the seconds in a row whose own last second broke the threshold: a short spike fails
            // every window it is in for a window's length, but only the seconds it lasted.
            if (threshold.Sustained)
            {
                _failingSeconds[i] = JudgeWindow(threshold, expression, at, WindowTick) is { Passed: false } ? _failingSeconds[i] + 1 : 0;
            }

            if (verdict.Passed)
            {
                _windowLast[i] = verdict;
                continue;
            }

            var windowed = verdict with { Message = $"in the {length.TotalSeconds:0.#} s window ending at {at:hh\\:mm\\:ss}: {verdict.Message}" };
            _windowFailures[i] ??= windowed;
            _windowLast[i] = windowed;
            if (!final && threshold.AbortOnFail && at >= threshold.AbortGracePeriod && _stopReason is null
                && (!threshold.Sustained || _failingSeconds[i] * WindowTick >= length))
            {
                _abortVerdicts[i] = windowed with { AbortedRun = true };
                Stop($"threshold \"{threshold.Expression}\" on {threshold.Scope} failed at {at:hh\\:mm\\:ss}: {windowed.Message}");
            }
        }
    }

    /// <summary>The threshold judged over the last <paramref name="length"/> before <paramref name="at"/>; null when that part recorded nothing to judge.</summary>
    private ThresholdResult? JudgeWindow(Threshold threshold, ThresholdExpression expression, TimeSpan at, TimeSpan length)
    {
        var stats = new StepAccumulator();
        var span = TimeSpan.Zero;
        long dropped = 0;
        foreach (var runtime in _scenarios)
        {
            if ((threshold.Scenario is null || threshold.Scenario == runtime.Name) && runtime.WindowOf(threshold.Scenario is null ? null : threshold.Step) is { } window)
            {
                var (covered, lost) = window.SumInto(stats, at - length, at);
                span = covered > span ? covered : span;
                dropped += lost;
            }
        }

        if (stats.Count == 0 && expression.Metric is not (ThresholdMetric.Counter or ThresholdMetric.Dropped or ThresholdMetric.Count or ThresholdMetric.CountOk or ThresholdMetric.CountFail or ThresholdMetric.Rps))
        {
            return null;
        }

        return ThresholdEvaluator.Evaluate(threshold, expression, new ThresholdSubject(stats, span, dropped), Counters.Get, _test.Baseline);
    }

    /// <summary>A windowed threshold's verdict: its first failing window, else its last window, else null (never judged).</summary>
    private ThresholdResult? WindowVerdict(int index) => _windowFailures[index] ?? _windowLast[index];
}
