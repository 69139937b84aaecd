using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>Money checks (section "Ledger").</summary>
internal sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    /// <summary>Compare every fetched balance with what the suite bought and sold.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Investors re-fetched at the end of the run for a final reconciliation; 0 turns it off.</summary>
    [Range(0, 10_000)]
    public int ReconcileSample { get; set; } = 20;

    /// <summary>How long the end-of-run reconciliation may take; what it re-fetched by then is judged, the rest is not.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReconcileTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
