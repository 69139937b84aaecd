using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Console;

/// <summary>What both console views show: per step, totals so far and the latest interval's rate and percentiles.</summary>
internal sealed class ProgressModel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressRow> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public RunInfo? Info { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public void Start(RunInfo info) => Info = info;

    public void Add(IntervalStats interval)
    {
        lock (_gate)
        {
            Elapsed = interval.Start + interval.Duration;
            foreach (var scenario in interval.Scenarios)
            {
                Update($"{scenario.Name}", scenario.Total, scenario.ActiveCopies);
                foreach (var step in scenario.Steps)
                {
                    Update($"{scenario.Name}.{step.Name}", step, null);
                }
            }
        }
    }

    public List<ProgressRow> Rows()
    {
        lock (_gate)
        {
            var rows = new List<ProgressRow>(_order.Count);
            foreach (var key in _order)
            {
                rows.Add(_rows[key]);
            }

            return rows;
        }
    }

    private void Update(string key, StepResult stats, int? active)
    {
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new ProgressRow(key);
            _rows[key] = row;
            _order.Add(key);
        }

        row.Ok += stats.OkCount;
        row.Fail += stats.FailCount;
        row.Rps = stats.Rps;
        row.Latency = stats.Latency;
        row.Active = active;
        foreach (var (code, count) in stats.StatusCodes)
        {
            row.Codes[code] = row.Codes.GetValueOrDefault(code) + count;
        }
    }
}

/// <summary>One scenario or step line.</summary>
internal sealed class ProgressRow(string name)
{
    public string Name { get; } = name;
    public long Ok { get; set; }
    public long Fail { get; set; }
    public double Rps { get; set; }
    public int? Active { get; set; }
    public LatencyStats Latency { get; set; } = LatencyStats.Empty;
    public SortedDictionary<string, long> Codes { get; } = new(StringComparer.Ordinal);

    public string CodesText()
    {
        var parts = new List<string>(Codes.Count);
        foreach (var (code, count) in Codes)
        {
            parts.Add($"{code}:{count}");
        }

        return string.Join(' ', parts);
    }
}
