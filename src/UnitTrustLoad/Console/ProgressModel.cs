using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Console;

/// <summary>What both console views show: per step, totals so far and the latest interval's rate and percentiles.</summary>
internal sealed class ProgressModel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressRow> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private IntervalStats? _last;

    public RunInfo? Info { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Remembers the plan and shows each scenario at once, before its first interval.</summary>
    public void Start(RunInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        lock (_gate)
        {
            Info = info;
            foreach (var scenario in info.Scenarios)
            {
                Row(scenario.Name);
            }
        }
    }

    /// <summary>What the rates and percentiles cover: "last 5 s", "last 250 ms".</summary>
    public string IntervalLabel => "last " + Span(Info?.ReportingInterval ?? TimeSpan.Zero);

    /// <summary>A short span for a label: "250 ms", "5 s", "1.5 s", "2 min".</summary>
    public static string Span(TimeSpan span) => span switch
    {
        _ when span < TimeSpan.FromSeconds(1) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms"),
        _ when span < TimeSpan.FromMinutes(1) || span.TotalSeconds % 60 != 0 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min"),
    };

    /// <summary>Adds an interval to the totals; the run's last interval, reported again with its tail folded in, replaces itself.</summary>
    public void Add(IntervalStats interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        lock (_gate)
        {
            if (_last is { } previous && previous.Index == interval.Index)
            {
                Apply(previous, -1);
            }

            Apply(interval, 1);
            _last = interval;
            Elapsed = interval.Start + interval.Duration;
        }
    }

    private void Apply(IntervalStats interval, int sign)
    {
        foreach (var scenario in interval.Scenarios)
        {
            Update($"{scenario.Name}", scenario.Total, scenario.ActiveCopies, sign);
            foreach (var step in scenario.Steps)
            {
                Update($"{scenario.Name}.{step.Name}", step, null, sign);
            }
        }
    }

    /// <summary>
    /// Copies of the rows as they are now: the live view draws on its own thread while intervals arrive on the
    /// engine's, so it must never read a row (or its status codes) that an interval is changing.
    /// </summary>
    public List<ProgressRow> Rows()
    {
        lock (_gate)
        {
            var rows = new List<ProgressRow>(_order.Count);
            foreach (var key in _order)
            {
                rows.Add(_rows[key].Copy());
            }

            return rows;
        }
    }

    private ProgressRow Row(string key)
    {
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new ProgressRow(key);
            _rows[key] = row;
            _order.Add(key);
        }

        return row;
    }

    private void Update(string key, StepResult stats, int? active, int sign)
    {
        var row = Row(key);
        row.Reported = true;

        row.Ok += sign * stats.OkCount;
        row.Fail += sign * stats.FailCount;
        row.Rps = stats.Rps;
        row.Latency = stats.Latency;
        row.Active = active;
        foreach (var (code, count) in stats.StatusCodes)
        {
            row.Codes[code] = row.Codes.GetValueOrDefault(code) + (sign * count);
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

    /// <summary>False until an interval brought this row's figures: the view shows dashes, not zeros.</summary>
    public bool Reported { get; set; }
    public LatencyStats Latency { get; set; } = LatencyStats.Empty;
    public SortedDictionary<string, long> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy that later updates do not touch.</summary>
    public ProgressRow Copy()
    {
        var copy = new ProgressRow(Name) { Ok = Ok, Fail = Fail, Rps = Rps, Active = Active, Reported = Reported, Latency = Latency };
        foreach (var (code, count) in Codes)
        {
            copy.Codes[code] = count;
        }

        return copy;
    }

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
