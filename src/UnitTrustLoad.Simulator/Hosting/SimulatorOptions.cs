namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>The simulator's settings (configuration section "Simulator").</summary>
public sealed class SimulatorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Simulator";

    /// <summary>The OAuth2 client id the token server accepts.</summary>
    public string ClientId { get; set; } = "unittrust-load";

    /// <summary>The client's secret; when empty, a random one is generated at start (and printed once when run alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Access token lifetime (tests use seconds to exercise refresh).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>SQLite file; when empty, a new temporary file per start (deleted on dispose when embedded).</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Funds and unit prices; defaults: MMF at 1.0000 and EQF at 12.3456 when empty.</summary>
    public List<FundOptions> Funds { get; set; } = [];

    /// <summary>Fault injection per operation, keyed by <see cref="Faults.FaultKeys"/>. Off by default.</summary>
    public Dictionary<string, FaultOptions> Faults { get; set; } = [];

    /// <summary>
    /// Seeds the faults' random draws, so that requests arriving one at a time meet the same faults in every run (a test
    /// that needs its first token request answered, a bug report that must replay). Unset: a fresh draw per start.
    /// </summary>
    public int? FaultSeed { get; set; }

    /// <summary>
    /// A known capacity per operation, keyed like <see cref="Faults"/> (for example <c>Simulator:Capacity:Register:PerSecond</c>):
    /// a fixed number of workers with a fixed service time, so a queue forms past that rate. Off by default.
    /// </summary>
    public Dictionary<string, Capacity.CapacityOptions> Capacity { get; set; } = [];

    /// <summary>
    /// Every problem with these options (empty when they are valid), each naming its setting ("Simulator:Faults:Sell:ErrorRate")
    /// and the fix: the one check of the simulator's options, run when it starts (alone or embedded) and callable first
    /// by a host that reports its own settings' problems in the same list.
    /// </summary>
    public IReadOnlyList<string> Validate() => SimulatorOptionsValidator.Validate(this);
}

/// <summary>A fund share class offered by the simulator.</summary>
public sealed class FundOptions
{
    /// <summary>FundShareClassCode, for example "MMF".</summary>
    public string Code { get; set; } = "";

    /// <summary>Unit price in KES, 4 decimal places.</summary>
    public decimal UnitPrice { get; set; } = 1m;
}

/// <summary>Fault injection for one operation. Rates are fractions from 0 to 1.</summary>
public sealed class FaultOptions
{
    /// <summary>Fixed added latency in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Random extra latency, uniform from 0 to this many milliseconds.</summary>
    public int LatencyJitterMs { get; set; }

    /// <summary>Share of requests answered 500.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Share of requests answered 408 after <see cref="TimeoutDelayMs"/>.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>Delay before a 408 answer.</summary>
    public int TimeoutDelayMs { get; set; } = 1000;

    /// <summary>Share of requests whose connection is dropped without an answer.</summary>
    public double DropRate { get; set; }

    /// <summary>
    /// Share of requests carried out (and committed) whose connection is then dropped without an answer: the
    /// "unknown outcome" case, where the client cannot tell whether its request took effect.
    /// </summary>
    public double ApplyThenDropRate { get; set; }

    /// <summary>Test-only: share of balance answers whose units are deliberately wrong (FetchBalance only), so the suite's ledger can be shown to catch it.</summary>
    public double CorruptBalanceRate { get; set; }
}
