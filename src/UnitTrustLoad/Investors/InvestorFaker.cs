using System.Globalization;
using Bogus;
using Bogus.Bson;
using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Investors;

/// <summary>
/// Investors as the contract wants them (Kenyan phone numbers, KRA PINs, KES bank accounts, adults only). Identity is
/// unique for the whole run by construction: IDNumber = 10,000,000 + (offset + sequence) mod 90,000,000, and the
/// ClientIdentifier, PIN and e-mail are built from it. Names come from Bogus's English name lists, read once; the
/// choices are made by a <see cref="SequenceRandom"/> seeded per sequence number, so a given seed gives the same
/// investor n whichever virtual user asks for it.
/// </summary>
internal sealed class InvestorFaker
{
    public const int FirstIdNumber = 10_000_000;
    public const int IdNumberSpace = 90_000_000;

    private static readonly string[] Banks =
    [
        "KENYA COMMERCIAL BANK LTD", "EQUITY BANK (KENYA) LTD", "CO-OPERATIVE BANK OF KENYA LTD", "ABSA BANK KENYA PLC",
        "STANDARD CHARTERED BANK KENYA LTD", "NCBA BANK KENYA PLC", "STANBIC BANK KENYA LTD", "I&M BANK LTD",
    ];

    private static readonly Lazy<string[]> FirstNames = new(() => NameList("first_name"));
    private static readonly Lazy<string[]> LastNames = new(() => NameList("last_name"));

    private static readonly Lazy<string[]> FirstEmailNames = new(() => EmailNames(FirstNames.Value));
    private static readonly Lazy<string[]> LastEmailNames = new(() => EmailNames(LastNames.Value));
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    private readonly string[] _firstNames = FirstNames.Value;
    private readonly string[] _lastNames = LastNames.Value;
    private readonly string[] _firstEmailNames = FirstEmailNames.Value;
    private readonly string[] _lastEmailNames = LastEmailNames.Value;
    private readonly int _seed;
    private readonly int _offset;
    private readonly DateOnly _today;
    private long _sequence = -1;

    public InvestorFaker(int seed, TimeProvider time)
    {
        _seed = seed;
        _offset = new Random(seed).Next(IdNumberSpace);
        _today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Investors made so far.</summary>
    public long Count => Interlocked.Read(ref _sequence) + 1;

    public Investor Next() => Create(Interlocked.Increment(ref _sequence));

    public Investor Create(long sequence)
    {
        if (sequence >= IdNumberSpace)
        {
            // Beyond 90 million investors the 8-digit IDNumber would repeat; stop rather than collide.
            throw new InvalidOperationException($"More than {IdNumberSpace:N0} investors in one run would repeat 8-digit ID numbers.");
        }

        var idNumber = FirstIdNumber + (int)((_offset + sequence) % IdNumberSpace);
        return new Investor(sequence, Build(new SequenceRandom(Mix(_seed, sequence)), idNumber));
    }

    private RegisterInvestorRequest Build(SequenceRandom random, int idNumber)
    {
        // One string per field, built in place: this runs once per iteration on the generator's hot path.
        var firstIndex = random.Number(0, _firstNames.Length - 1);
        var lastIndex = random.Number(0, _lastNames.Length - 1);
        var first = _firstNames[firstIndex];
        var last = _lastNames[lastIndex];
        var id = idNumber.ToString(CultureInfo.InvariantCulture);
        var phone = string.Create(13, random.Number(0, 99_999_999), static (span, number) =>
        {
            "+2547".CopyTo(span);
            number.TryFormat(span[5..], out _, "D8", CultureInfo.InvariantCulture);
        });
        var birth = _today.AddYears(-18).AddDays(-random.Number(1, 57 * 365));
        var pin = string.Create(id.Length + 3, (id, Letter: (char)('A' + random.Number(0, 25))), static (span, state) =>
        {
            span[0] = 'A';
            span[1] = '0';
            state.id.CopyTo(span[2..]);
            span[^1] = state.Letter;
        });
        var email = string.Concat([_firstEmailNames[firstIndex], ".", _lastEmailNames[lastIndex], ".", id, "@example.com"]);
        var account = new BankAccount(
            random.Element(Banks),
            random.Number(1, 9_999).ToString("D10", CultureInfo.InvariantCulture),
            string.Concat(first, " ", last),
            random.Number(0, 999_999_999).ToString("D10", CultureInfo.InvariantCulture),
            "KES");
        return new RegisterInvestorRequest(
            idNumber,
            first,
            last,
            DateOfBirth(birth),
            phone,
            email,
            pin,
            string.Concat(phone, "-", id),
            null,
            null,
            account);
    }

    // "MMM dd, yyyy" in the invariant culture, without the general formatter.
    private static string DateOfBirth(DateOnly date) => string.Create(12, date, static (span, d) =>
    {
        MonthAbbreviations[d.Month - 1].CopyTo(span);
        span[3] = ' ';
        d.Day.TryFormat(span[4..6], out _, "D2", CultureInfo.InvariantCulture);
        span[6] = ',';
        span[7] = ' ';
        d.Year.TryFormat(span[8..], out _, "D4", CultureInfo.InvariantCulture);
    });

    private static string[] EmailNames(string[] names)
    {
        var letters = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            letters[i] = Letters(names[i]);
        }

        return letters;
    }

    private static string Letters(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return length == 0 ? "investor" : new string(buffer[..length]);
    }

    private static ulong Mix(int seed, long sequence) => SequenceRandom.Mix(seed, sequence);

    private static string[] NameList(string path)
    {
        // Bogus's own data, so names stay as realistic as Faker.Name's; read once rather than per investor.
        if (Database.Get("name", path, "en", "en") is not BArray list || list.Count == 0)
        {
            throw new InvalidOperationException($"Bogus has no English name.{path} list.");
        }

        var names = new string[list.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = list[i].StringValue;
        }

        return names;
    }
}
