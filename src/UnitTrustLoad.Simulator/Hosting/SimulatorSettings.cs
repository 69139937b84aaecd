using System.Collections.Frozen;
using System.Security.Cryptography;

namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>The options after validation, with defaults filled in: what the running simulator uses.</summary>
internal sealed class SimulatorSettings
{
    private SimulatorSettings(
        string clientId,
        string clientSecret,
        bool secretGenerated,
        TimeSpan tokenLifetime,
        string databasePath,
        bool temporaryDatabase,
        FrozenDictionary<string, decimal> fundPrices,
        string[] fundCodes,
        IReadOnlyDictionary<string, FaultOptions> faults,
        int? faultSeed)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        SecretGenerated = secretGenerated;
        TokenLifetime = tokenLifetime;
        DatabasePath = databasePath;
        TemporaryDatabase = temporaryDatabase;
        FundPrices = fundPrices;
        FundCodes = fundCodes;
        Faults = faults;
        FaultSeed = faultSeed;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public bool SecretGenerated { get; }

    public TimeSpan TokenLifetime { get; }

    public string DatabasePath { get; }

    /// <summary>True when the database is a per-start temporary file, deleted at stop.</summary>
    public bool TemporaryDatabase { get; }

    /// <summary>Unit price per fund code (codes compared case-sensitively, as the contract's codes are upper case).</summary>
    public FrozenDictionary<string, decimal> FundPrices { get; }

    /// <summary>Fund codes in configured order, for a stable balance answer.</summary>
    public string[] FundCodes { get; }

    /// <summary>Faults per operation key, case-insensitive.</summary>
    public IReadOnlyDictionary<string, FaultOptions> Faults { get; }

    /// <summary>The seed of the faults' draws, or null for unseeded draws.</summary>
    public int? FaultSeed { get; }

    /// <summary>Known capacities per operation key, case-insensitive; empty when none is configured.</summary>
    public IReadOnlyDictionary<string, Capacity.CapacityOptions> Capacity { get; private init; } = new Dictionary<string, Capacity.CapacityOptions>();

    /// <summary>Validates the options (every problem at once) and resolves defaults.</summary>
    /// <exception cref="SimulatorConfigurationException">When any option is invalid.</exception>
    public static SimulatorSettings From(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new SimulatorConfigurationException(problems);
        }

        var funds = options.Funds.Count > 0
            ? options.Funds
            : [new FundOptions { Code = "MMF", UnitPrice = 1.0000m }, new FundOptions { Code = "EQF", UnitPrice = 12.3456m }];
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var codes = new string[funds.Count];
        for (var i = 0; i < funds.Count; i++)
        {
            prices[funds[i].Code] = funds[i].UnitPrice;
            codes[i] = funds[i].Code;
        }

        var secretGenerated = string.IsNullOrEmpty(options.ClientSecret);
        var secret = secretGenerated
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_')
            : options.ClientSecret!;
        var temporary = string.IsNullOrWhiteSpace(options.DatabasePath);
        var path = temporary
            ? Path.Combine(Path.GetTempPath(), $"unittrust-simulator-{Guid.NewGuid():N}.db")
            : Path.GetFullPath(options.DatabasePath!);

        return new SimulatorSettings(
            options.ClientId,
            secret,
            secretGenerated,
            options.TokenLifetime,
            path,
            temporary,
            prices.ToFrozenDictionary(StringComparer.Ordinal),
            codes,
            new Dictionary<string, FaultOptions>(options.Faults, StringComparer.OrdinalIgnoreCase),
            options.FaultSeed)
        {
            Capacity = new Dictionary<string, Capacity.CapacityOptions>(options.Capacity, StringComparer.OrdinalIgnoreCase),
        };
    }
}
