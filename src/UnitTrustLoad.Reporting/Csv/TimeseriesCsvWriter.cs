using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Csv;

/// <summary>Writes timeseries.csv: one row per interval, scenario and step (step empty for the scenario's iterations).</summary>
internal sealed class TimeseriesCsvWriter : TextReportWriter
{
    public override string FileName => "timeseries.csv";

    protected override async Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        var csv = new CsvRecordWriter(writer);
        csv.Fields(
            "interval", "start_s", "duration_s", "scenario", "step", "active_copies", "target_rate", "dropped_iterations",
            "count", "ok", "fail", "rps", "mean_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms", "bytes_sent", "bytes_received");
        csv.EndRecord();
        foreach (var interval in context.Result.Intervals)
        {
            foreach (var scenario in interval.Scenarios)
            {
                Row(csv, interval, scenario, string.Empty, scenario.Total, scenario.DroppedIterations);
                foreach (var step in scenario.Steps)
                {
                    Row(csv, interval, scenario, step.Name, step, 0);
                }
            }

            // Long soaks have thousands of intervals: hand the buffer to the file as it fills.
            if (interval.Index % 256 == 255)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private static void Row(CsvRecordWriter csv, IntervalStats interval, ScenarioIntervalStats scenario, string step, StepResult s, long dropped)
    {
        var l = s.Latency;
        csv.Field(interval.Index);
        csv.Field(interval.Start.TotalSeconds);
        csv.Field(interval.Duration.TotalSeconds);
        csv.Field(scenario.Name);
        csv.Field(step);
        csv.Field(scenario.ActiveCopies);
        csv.Field(scenario.TargetRate);
        csv.Field(dropped);
        csv.Field(s.Count);
        csv.Field(s.OkCount);
        csv.Field(s.FailCount);
        csv.Field(s.Rps);
        csv.Field(l.MeanMs);
        csv.Field(l.P50Ms);
        csv.Field(l.P95Ms);
        csv.Field(l.P99Ms);
        csv.Field(l.MaxMs);
        csv.Field(s.BytesSent);
        csv.Field(s.BytesReceived);
        csv.EndRecord();
    }
}
