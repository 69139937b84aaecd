using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Tests.Ledger;

public sealed class LedgerCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("utl-ledger").FullName;

    [Fact]
    public async Task A_balance_that_matches_bought_minus_sold_is_checked_and_not_a_violation()
    {
        var (check, log) = Create();
        var investor = new InvestorFaker(1, TimeProvider.System).Next();
        investor.Holdings.Add("MMF", 1000.1234m);
        investor.Holdings.Add("MMF", -400.0004m);

        var result = check.Compare(investor, Balance(investor, "MMF", 600.1230m), "test");

        result.ShouldBe((1, 0));
        await log.DisposeAsync();
        File.ReadAllLines(Path.Combine(_folder, ConsistencyLog.FileName)).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_balance_that_differs_is_a_violation_written_to_consistency_csv()
    {
        var (check, log) = Create();
        var investor = new InvestorFaker(1, TimeProvider.System).Next();
        investor.Holdings.Add("MMF", 50m);

        var result = check.Compare(investor, Balance(investor, "MMF", 51m), "journey");

        result.ShouldBe((1, 1));
        await log.DisposeAsync();
        var lines = File.ReadAllLines(Path.Combine(_folder, ConsistencyLog.FileName));
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(investor.ClientIdentifier);
        lines[1].ShouldContain("journey");
    }

    [Fact]
    public void A_fund_missing_from_the_balance_counts_as_zero_units()
    {
        var (check, _) = Create();
        var investor = new InvestorFaker(1, TimeProvider.System).Next();
        investor.Holdings.Add("EQF", 10m);

        check.Compare(investor, Balance(investor, "MMF", 10m), "test").ShouldBe((1, 1));
    }

    [Fact]
    public void An_investor_with_a_trade_of_unknown_outcome_is_not_judged()
    {
        var (check, _) = Create();
        var investor = new InvestorFaker(1, TimeProvider.System).Next();
        investor.Holdings.Add("MMF", 10m);
        investor.Holdings.MarkUncertain();

        check.Compare(investor, Balance(investor, "MMF", 99m), "test").ShouldBe((0, 0));
    }

    [Fact]
    public void The_reconciliation_sample_stays_at_its_size()
    {
        var (check, _) = Create(sample: 5);
        var faker = new InvestorFaker(1, TimeProvider.System);
        for (var i = 0; i < 1_000; i++)
        {
            check.Offer(faker.Next());
        }

        check.Sample().Count.ShouldBe(5);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (LedgerCheck Check, ConsistencyLog Log) Create(int sample = 10)
    {
        var log = new ConsistencyLog(TimeProvider.System);
        log.Open(_folder);
        return (new LedgerCheck(enabled: true, sample, log), log);
    }

    private static BalanceResponse Balance(Investor investor, string fund, decimal units)
        => new(investor.ClientIdentifier, [new FundBalance(fund, units, 1m, units, "KES")], units);
}
