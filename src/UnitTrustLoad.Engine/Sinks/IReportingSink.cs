using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Sinks;

/// <summary>Receives a run's statistics as it goes (NBomber's IReportingSink idea). A sink that throws is recorded in <see cref="RunResult.SinkErrors"/> and the run goes on.</summary>
public interface IReportingSink
{
    /// <summary>Name used in error reports.</summary>
    string Name { get; }

    /// <summary>Called once before load starts.</summary>
    Task StartAsync(RunInfo info, CancellationToken cancellationToken);

    /// <summary>
    /// Called at the end of every reporting interval with that interval's statistics. The last interval may come
    /// twice: when the run ends less than half an interval after it, the tail is folded into it and it is reported
    /// again, enlarged, with the same <see cref="IntervalStats.Index"/>; that report replaces the earlier one.
    /// </summary>
    Task ReportIntervalAsync(IntervalStats interval, CancellationToken cancellationToken);

    /// <summary>Called once with the final result (also after an interrupted run).</summary>
    Task ReportFinalAsync(RunResult result, CancellationToken cancellationToken);
}
