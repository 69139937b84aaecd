using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Investors;

/// <summary>A generated investor: what was sent to register it, what the API called it, and what the suite holds for it.</summary>
internal sealed class Investor(long sequence, RegisterInvestorRequest registration)
{
    private Holdings? _holdings;
    private int _purchases;

    public long Sequence { get; } = sequence;

    public RegisterInvestorRequest Registration { get; } = registration;

    public string ClientIdentifier => Registration.ClientIdentifier;

    /// <summary>Numbers this investor's purchases 0, 1, 2, ...: with the seed it decides each purchase's amount.</summary>
    public int NextPurchaseNumber() => Interlocked.Increment(ref _purchases) - 1;

    /// <summary>The API's id, once registered.</summary>
    public long InvestorId { get; set; }

    /// <summary>Units bought minus sold, per fund, as the suite recorded them; made at first use, since the register
    /// scenario's investors mostly never trade (about 100 bytes per register request).</summary>
    public Holdings Holdings => LazyInitializer.EnsureInitialized(ref _holdings, static () => new Holdings());
}
