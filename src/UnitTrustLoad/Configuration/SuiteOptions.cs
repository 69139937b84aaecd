using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Configuration;

/// <summary>The whole configuration, one property per section.</summary>
internal sealed class SuiteOptions
{
    public TargetOptions Target { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public LoadOptions Load { get; set; } = new();

    public List<ThresholdOptions> Thresholds { get; set; } = [];

    public ReportOptions Report { get; set; } = new();

    public DataOptions Data { get; set; } = new();

    public LedgerOptions Ledger { get; set; } = new();

    /// <summary>The capacity search (--capacity), off by default.</summary>
    public CapacityOptions Capacity { get; set; } = new();

    /// <summary>The embedded simulator's settings, used only when no target URL is given.</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>True when the embedded simulator is the target.</summary>
    public bool UsesEmbeddedSimulator => string.IsNullOrWhiteSpace(Target.BaseUrl);
}
