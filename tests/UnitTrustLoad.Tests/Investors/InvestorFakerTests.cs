using System.Globalization;
using System.Text.RegularExpressions;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Tests.Investors;

[Collection(UnitTrustLoad.Tests.EndToEnd.AppRunsSerially.Name)]
public sealed partial class InvestorFakerTests
{
    [Fact]
    public void A_hundred_thousand_investors_share_no_IDNumber_ClientIdentifier_PIN_or_email()
    {
        var faker = new InvestorFaker(seed: 12345, TimeProvider.System);
        var ids = new HashSet<int>();
        var clients = new HashSet<string>(StringComparer.Ordinal);
        var pins = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        Parallel.For(0, 100_000, _ =>
        {
            var investor = faker.Next();
            lock (ids)
            {
                ids.Add(investor.Registration.IDNumber).ShouldBeTrue();
                clients.Add(investor.ClientIdentifier).ShouldBeTrue();
                pins.Add(investor.Registration.PIN).ShouldBeTrue();
                emails.Add(investor.Registration.EmailAddress).ShouldBeTrue();
            }
        });

        ids.Count.ShouldBe(100_000);
    }

    [Fact]
    public void Investors_follow_the_contracts_formats_and_are_adults()
    {
        var faker = new InvestorFaker(seed: 1, TimeProvider.System);
        var today = DateTime.UtcNow.Date;
        for (var i = 0; i < 2_000; i++)
        {
            var r = faker.Next().Registration;
            r.IDNumber.ShouldBeInRange(10_000_000, 99_999_999);
            r.PhoneNumber.ShouldMatch(@"^\+254\d{9}$");
            r.PIN.ShouldMatch("^[A-Z][0-9]{9}[A-Z]$");
            Email().IsMatch(r.EmailAddress).ShouldBeTrue(r.EmailAddress);
            r.ClientIdentifier.ShouldBe($"{r.PhoneNumber}-{r.IDNumber}");
            r.ClientIdentifier.Length.ShouldBeLessThanOrEqualTo(64);
            r.FirstName.ShouldNotBeNullOrWhiteSpace();
            r.Surname.ShouldNotBeNullOrWhiteSpace();
            r.BankAccount.Currency.ShouldBe("KES");
            var birth = DateTime.ParseExact(r.DateOfBirth, "MMM dd, yyyy", CultureInfo.InvariantCulture);
            birth.AddYears(18).ShouldBeLessThanOrEqualTo(today);
            birth.ToString("MMM dd, yyyy", CultureInfo.InvariantCulture).ShouldBe(r.DateOfBirth);
            r.PIN.ShouldStartWith($"A0{r.IDNumber}");
            r.EmailAddress.ShouldBe($"{LettersOf(r.FirstName)}.{LettersOf(r.Surname)}.{r.IDNumber}@example.com");
            r.BankAccount.AccountName.ShouldBe($"{r.FirstName} {r.Surname}");
        }
    }

    private static string LettersOf(string name)
    {
        var letters = new string([.. name.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        return letters.Length == 0 ? "investor" : letters;
    }

    [Fact]
    public void The_same_seed_gives_the_same_investor_for_the_same_sequence_whatever_the_order()
    {
        var a = new InvestorFaker(seed: 99, TimeProvider.System);
        var b = new InvestorFaker(seed: 99, TimeProvider.System);
        var other = new InvestorFaker(seed: 100, TimeProvider.System);

        var fromA = a.Create(500).Registration;
        b.Create(3);
        var fromB = b.Create(500).Registration;

        fromB.ShouldBe(fromA);
        other.Create(500).Registration.ShouldNotBe(fromA);
    }

    [Fact]
    public void A_new_investor_is_its_fields_and_nothing_more_until_it_trades()
    {
        // The register scenario makes one per request: the investor, its request, its bank account and one string per
        // field that is not a name from the lists (706 bytes); holdings come at the first trade (they made it 810).
        var faker = new InvestorFaker(5, TimeProvider.System);
        for (var i = 0; i < 1_000; i++)
        {
            faker.Next();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            faker.Next();
        }

        var perInvestor = (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000.0;
        perInvestor.ShouldBeLessThan(760, "bytes allocated per new investor");

        var investor = faker.Next();
        investor.Holdings.ShouldBeSameAs(investor.Holdings);
        investor.Holdings.Add("MMF", 10m);
        investor.Holdings.UnitsOf("MMF").ShouldBe(10m);
    }

    [Fact]
    public void Purchase_and_sale_references_are_unique_across_a_hundred_thousand_trades()
    {
        var references = new References(References.NewRunId(TimeProvider.System));
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 100_000; i++)
        {
            seen.Add(references.NextPurchase()).ShouldBeTrue();
            seen.Add(references.NextSale()).ShouldBeTrue();
        }
    }

    [Fact]
    public void Run_ids_differ_between_runs()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => References.NewRunId(TimeProvider.System)).ToHashSet();

        ids.Count.ShouldBeGreaterThan(1);
        ids.ShouldAllBe(id => id.Length == 7);
    }

    [GeneratedRegex(@"^[a-z]+\.[a-z]+\.\d{8}@example\.com$")]
    private static partial Regex Email();
}
