using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Data;

/// <summary>A generated investor: what was sent to register it, what the API called it, and what the suite holds for it.</summary>
internal sealed class Investor(long sequence, RegisterInvestorRequest registration)
{
    public long Sequence { get; } = sequence;

    public RegisterInvestorRequest Registration { get; } = registration;

    public string ClientIdentifier => Registration.ClientIdentifier;

    /// <summary>The API's id, once registered.</summary>
    public long InvestorId { get; set; }

    /// <summary>Units bought minus sold, per fund, as the suite recorded them.</summary>
    public Holdings Holdings { get; } = new();
}
