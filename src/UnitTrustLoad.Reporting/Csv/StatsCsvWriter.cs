using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.Csv;

/// <summary>Writes stats.csv: one row per scenario (its whole iterations, step empty) and per step.</summary>
internal sealed class StatsCsvWriter : TextReportWriter
{
    public override string FileName => "stats.csv";

    protected override Task WriteAsync(ReportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        var csv = new CsvRecordWriter(writer);
        csv.Fields(
            "scenario", "step", "count", "ok", "fail", "fail_rate", "rps",
            "min_ms", "mean_ms", "p50_ms", "p75_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms", "stddev_ms",
            "bytes_sent", "bytes_received", "dropped_iterations", "status_codes");
        csv.EndRecord();
        foreach (var scenario in context.Result.Scenarios)
        {
            Row(csv, scenario.Name, string.Empty, scenario.Total, scenario.DroppedIterations);
            foreach (var step in scenario.Steps)
            {
                Row(csv, scenario.Name, step.Name, step, 0);
            }
        }

        return Task.CompletedTask;
    }

    private static void Row(CsvRecordWriter csv, string scenario, string step, StepResult s, long dropped)
    {
        var l = s.Latency;
        csv.Field(scenario);
        csv.Field(step);
        csv.Field(s.Count);
        csv.Field(s.OkCount);
        csv.Field(s.FailCount);
        csv.Field(s.FailRate, "0.######");
        csv.Field(s.Rps);
        csv.Field(l.MinMs);
        csv.Field(l.MeanMs);
        csv.Field(l.P50Ms);
        csv.Field(l.P75Ms);
        csv.Field(l.P95Ms);
        csv.Field(l.P99Ms);
        csv.Field(l.P999Ms);
        csv.Field(l.MaxMs);
        csv.Field(l.StdDevMs);
        csv.Field(s.BytesSent);
        csv.Field(s.BytesReceived);
        csv.Field(dropped);
        csv.Field(Figures.StatusCodes(s.StatusCodes).Replace(' ', ';'));
        csv.EndRecord();
    }
}
