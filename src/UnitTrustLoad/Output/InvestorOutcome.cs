using CsvHelper;

namespace UnitTrustLoad.Output;

/// <summary>A row of investors.csv: who was registered and how each of its steps ended.</summary>
[CsvRecord]
internal sealed partial class InvestorOutcome
{
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
