using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Engine.Simulations;
using UnitTrustLoad.Engine.Statistics;
using UnitTrustLoad.Engine.Thresholds;

namespace UnitTrustLoad.Engine.Running;

/// <summary>The run's verdicts and descriptions: threshold checks (during and after the run), results and the start announcement.</summary>
internal sealed partial class LoadTestRun
{
    private void CheckAbortThresholds(TimeSpan elapsed)
    {
        for (int i = 0; i < _test.Thresholds.Count; i++)
        {
            var threshold = _test.Thresholds[i];
            if (!threshold.AbortOnFail || threshold.Window is not null || elapsed < threshold.AbortGracePeriod || _stopReason is not null)
            {
                continue;
            }

            var verdict = Evaluate(threshold, _expressions[i], elapsed, abortedRun: true);
            if (!verdict.Passed)
            {
                _abortVerdicts[i] = verdict;
                Stop($"threshold \"{threshold.Expression}\" on {threshold.Scope} failed at {elapsed:hh\\:mm\\:ss}: {verdict.Message}");
                return;
            }
        }
    }

    private List<ThresholdResult> EvaluateThresholds(bool final)
    {
        var results = new List<ThresholdResult>(_test.Thresholds.Count);
        var elapsed = final ? _lastFlush : Clock.GetElapsedTime(_measureStart);
        for (int i = 0; i < _test.Thresholds.Count; i++)
        {
            var windowed = _test.Thresholds[i].Window is null ? null : WindowVerdict(i);
            results.Add(_abortVerdicts[i] ?? windowed ?? Evaluate(_test.Thresholds[i], _expressions[i], elapsed, abortedRun: false));
        }

        return results;
    }

    private ThresholdResult Evaluate(Threshold threshold, ThresholdExpression expression, TimeSpan runSpan, bool abortedRun)
    {
        ThresholdSubject subject;
        if (threshold.Scenario is null)
        {
            var merged = new StepAccumulator();
            long dropped = 0;
            foreach (var runtime in _scenarios)
            {
                merged.Add(runtime.OverallTotal);
                dropped += runtime.DroppedOverall;
            }

            subject = new ThresholdSubject(merged, runSpan, dropped);
        }
        else
        {
            var runtime = Array.Find(_scenarios, s => s.Name == threshold.Scenario)!;
            var span = runtime.Duration > TimeSpan.Zero ? runtime.Duration : runSpan;
            var stats = threshold.Step is null ? runtime.OverallTotal : runtime.OverallStep(threshold.Step);
            subject = new ThresholdSubject(stats, span, runtime.DroppedOverall);
        }

        return ThresholdEvaluator.Evaluate(threshold, expression, subject, Counters.Get, _test.Baseline, abortedRun);
    }

    private List<ScenarioResult> BuildScenarioResults()
    {
        var results = new List<ScenarioResult>(_scenarios.Length);
        foreach (var runtime in _scenarios)
        {
            results.Add(runtime.ToResult());
        }

        return results;
    }

    private RunInfo BuildRunInfo()
    {
        var scenarios = new List<ScenarioInfo>(_scenarios.Length);
        TimeSpan? planned = TimeSpan.Zero;
        foreach (var runtime in _scenarios)
        {
            var descriptions = new List<string>();
            foreach (var simulation in runtime.Props.LoadSimulations)
            {
                descriptions.Add(simulation.Describe());
            }

            scenarios.Add(new ScenarioInfo(runtime.Name, descriptions));
            var chain = LoadPlan.PlannedDuration(runtime.Stages);
            planned = chain is null || planned is null ? null : TimeSpan.FromTicks(Math.Max(planned.Value.Ticks, (chain.Value + runtime.Props.WarmUpDuration).Ticks));
        }

        return new RunInfo(_test.Name, Clock.GetUtcNow(), scenarios, _interval, planned);
    }
}
