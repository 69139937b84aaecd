using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>Test data and money amounts (section "Data").</summary>
internal sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Seed for repeatable data (--seed); empty means a random seed, printed in the settings.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Existing investors (a CSV with a ClientIdentifier column, such as a previous run's investors.csv) for the
    /// purchase, balance and sale scenarios instead of the pool they would register; Load:PoolSize then does not apply.
    /// </summary>
    public string? InvestorsFile { get; set; }

    /// <summary>The fund investors join and trade.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Fund { get; set; } = "MMF";

    /// <summary>"1", "2" or "3".</summary>
    [RegularExpression("^[123]$", ErrorMessage = "IncomeDistributionMode must be \"1\", \"2\" or \"3\".")]
    public string IncomeDistributionMode { get; set; } = "2";

    /// <summary>MPESA or BANK.</summary>
    [RegularExpression("^(MPESA|BANK)$", ErrorMessage = "PaymentMode must be MPESA or BANK.")]
    public string PaymentMode { get; set; } = "MPESA";

    [Range(100, 10_000_000)]
    public decimal PurchaseMin { get; set; } = 1_000m;

    [Range(100, 10_000_000)]
    public decimal PurchaseMax { get; set; } = 50_000m;

    /// <summary>Journey: share of the fetched market value sold.</summary>
    [Range(0.01, 1.0)]
    public double SaleFraction { get; set; } = 0.5;

    /// <summary>Standalone sale scenario: value sold per iteration.</summary>
    [Range(1, 10_000_000)]
    public decimal SaleValue { get; set; } = 100m;

    /// <summary>Pool investors are funded with this much at preparation so standalone sales have something to sell.</summary>
    [Range(100, 10_000_000)]
    public decimal PoolFunding { get; set; } = 1_000_000m;
}
