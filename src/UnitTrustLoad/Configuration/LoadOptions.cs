using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>What runs and how hard (section "Load").</summary>
internal sealed class LoadOptions
{
    public const string SectionName = "Load";

    /// <summary>Test name used for the report folder; empty means the running scenarios' names.</summary>
    public string? TestName { get; set; }

    /// <summary>Scenarios by name: register, join-fund, purchase, balance, sale, journey.</summary>
    public Dictionary<string, ScenarioOptions> Scenarios { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Shortcut (--vus): a closed model of this many virtual users in all, shared among the running scenarios by Weight, replaces their shapes.</summary>
    [Range(1, 100_000)]
    public int? Vus { get; set; }

    /// <summary>Shortcut (--rate): iterations started per second in all (open model), shared by Weight, replace the running scenarios' shapes.</summary>
    [Range(1, 1_000_000)]
    public int? Rate { get; set; }

    /// <summary>
    /// Shortcut (--duration): how long the --vus or --rate shape lasts (default 30 s); alone, the length each running
    /// scenario's configured shape is fitted to.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan? Duration { get; set; }

    /// <summary>Shortcut (--stage, k6's): ramps of virtual users, one after another, replace each running scenario's shape.</summary>
    public List<StageOptions> Stages { get; set; } = [];

    /// <summary>How often statistics reach the console and the time series; unset, the engine picks it (5 s, finer for a short run).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan? ReportingInterval { get; set; }

    /// <summary>After a stop, how long iterations in flight may finish.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Investors the init phase registers and joins for purchase, balance and sale.</summary>
    [Range(1, 1_000_000)]
    public int PoolSize { get; set; } = 50;

    /// <summary>These options with the --vus and --rate totals replaced by one scenario's share of them.</summary>
    public LoadOptions ForScenario(string name)
    {
        var copy = (LoadOptions)MemberwiseClone();
        copy.Vus = Vus is { } vus ? WeightedShares.Share(vus, this, name) : null;
        copy.Rate = Rate is { } rate ? WeightedShares.Share(rate, this, name) : null;
        return copy;
    }
}

/// <summary>One scenario's switch and load shape.</summary>
internal sealed class ScenarioOptions
{
    public bool Enabled { get; set; }

    /// <summary>This scenario's share of --vus and --rate against the other running scenarios' weights.</summary>
    [Range(1, 1000)]
    public int Weight { get; set; } = 1;

    /// <summary>
    /// Pause after each step, like the original script's sleep: a duration, or a range (00:00:01..00:00:03) drawn from
    /// with the seed. Not latency: the engine leaves it out of every figure. At most 10 minutes.
    /// </summary>
    public DurationRange ThinkTime { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan WarmUp { get; set; }

    /// <summary>Open model only: most iterations in flight; 0 = engine default.</summary>
    [Range(0, 1_000_000)]
    public int MaxConcurrency { get; set; }

    /// <summary>The load shape, stage after stage.</summary>
    public List<SimulationOptions> Simulations { get; set; } = [];
}

/// <summary>One load simulation stage, in NBomber's words.</summary>
internal sealed class SimulationOptions
{
    /// <summary>KeepConstant, RampingConstant, IterationsForConstant, Inject, RampingInject, InjectRandom, IterationsForInject or Pause.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Kind { get; set; } = "";

    [Range(0, 100_000)]
    public int Copies { get; set; }

    [Range(0, 10_000_000)]
    public int Rate { get; set; }

    [Range(0, 10_000_000)]
    public int MinRate { get; set; }

    [Range(0, 10_000_000)]
    public int MaxRate { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan During { get; set; }

    [Range(0, long.MaxValue)]
    public long Iterations { get; set; }
}
