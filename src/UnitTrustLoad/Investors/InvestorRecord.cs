using CsvHelper;

namespace UnitTrustLoad.Investors;

/// <summary>A row of investors.csv: who was registered and how each of its steps ended (the status each step got).</summary>
[CsvRecord]
internal sealed partial class InvestorRecord
{
    /// <summary>A new row for <paramref name="investor"/>, registered by <paramref name="scenario"/>; steps fill in the rest.</summary>
    public static InvestorRecord For(Investor investor, string scenario) => new()
    {
        Scenario = scenario,
        ClientIdentifier = investor.ClientIdentifier,
        IDNumber = investor.Registration.IDNumber,
        FirstName = investor.Registration.FirstName,
        Surname = investor.Registration.Surname,
        PhoneNumber = investor.Registration.PhoneNumber,
        EmailAddress = investor.Registration.EmailAddress,
        PIN = investor.Registration.PIN,
        DateOfBirth = investor.Registration.DateOfBirth,
    };

    public string Scenario { get; set; } = "";
    public string ClientIdentifier { get; set; } = "";
    public int IDNumber { get; set; }
    public long InvestorId { get; set; }
    public string FirstName { get; set; } = "";
    public string Surname { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public string PIN { get; set; } = "";
    public string DateOfBirth { get; set; } = "";
    public string Register { get; set; } = "";
    public string JoinFund { get; set; } = "";
    public string Purchase { get; set; } = "";
    public decimal UnitsBought { get; set; }
    public string Balance { get; set; } = "";
    public decimal ReportedUnits { get; set; }
    public string Sale { get; set; } = "";
    public decimal UnitsSold { get; set; }
}
