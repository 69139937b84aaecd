using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;
using UnitTrustLoad.Scenarios;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Run;

/// <summary>
/// Everything one run is made of, composed from valid options in one place (the part eShop's AddApplicationServices
/// plays): the target (the embedded simulator when no --target), the HTTP stack, the token cache and API client, the
/// run's files, the ledger, the investors and the scenarios. <see cref="SuiteRun"/> only orchestrates what this built.
/// </summary>
internal sealed class RunPlan : IAsyncDisposable
{
    private readonly SocketsHttpHandler _handler;
    private readonly HttpClient _http;

    private RunPlan(SuiteOptions options, EmbeddedSimulator? simulator, TimeProvider time, InvestorsFile? existing)
    {
        Options = options;
        Simulator = simulator;
        BaseUrl = simulator?.BaseUrl ?? new Uri(options.Target.BaseUrl!, UriKind.Absolute);
        TokenEndpoint = ResolveTokenEndpoint(options.Auth, BaseUrl, simulator);
        // Validated already (CrossFieldValidation); resolved again here for the values read from the environment.
        Headers = RequestHeaders.Resolve(options.Target.Headers, []);
        AcceptEncoding = AcceptEncodings.Resolve(options.Target.AcceptEncoding, []);
        Files = new RunFiles(options.Report.FailureSamplesPerStatus, time,
            [TokenEndpoint.ClientSecret, .. Headers.Where(h => h.FromVariable is not null).Select(h => h.Value)]);

        Proxy = ProxySettings.Resolve(options, []);
        _handler = ApiHttp.CreateHandler(options.Target, Proxy);
        _http = ApiHttp.CreateClient(_handler, options.Target.RequestTimeout);
        var transport = new ApiTransport(TransportChoice.Create(options.Target, BaseUrl, _http, time, Proxy), Files.Failures);
        Client = new UnitTrustClient(transport, new TokenCache(_http, TokenEndpoint, time), new ApiEndpoints(BaseUrl, options.Target, Headers, AcceptEncoding));

        Seed = options.Data.Seed ?? Random.Shared.Next();
        RunId = References.NewRunId(time);
        Ledger = new LedgerCheck(options.Ledger.Enabled, options.Ledger.ReconcileSample, Files.Consistency);
        var faker = new InvestorFaker(Seed, time);
        // The seed decides the purchase amounts too (issue 17.6: they were seeded by an object's hash).
        var steps = new InvestorSteps(Client, new References(RunId), Ledger, options.Data, Seed);
        var preparation = new PoolPreparation(Client, faker, steps, Ledger, Files.Investors, options.Data);
        // Existing investors (Data:InvestorsFile) replace the registered pool: one per file row, none registered.
        var pool = existing is null
            ? new InvestorPool(options.Load.PoolSize, preparation.PrepareOneAsync)
            : new InvestorPool(existing.Investors.Count, preparation.Adopting(existing.Investors));
        InvestorsFile = existing;
        Scenarios = ScenarioCatalog.Build(options.Load, new ScenarioServices(steps, faker, pool, Files.Investors, Ledger), Seed);
        Capacity = LoadDefinition.Capacity(options);
        if (Capacity is not null)
        {
            // The search's own warm-up (Capacity:WarmUp, at its start rate) replaces the scenario's.
            var searched = Scenarios.FindIndex(s => s.Name == Capacity.Scenario);
            Scenarios[searched] = Scenarios[searched].WithWarmUpDuration(options.Capacity.WarmUp);
        }

        TestName = string.IsNullOrWhiteSpace(options.Load.TestName)
            ? DefaultTestName(Scenarios) + (Capacity is null ? "" : "-capacity")
            : options.Load.TestName;
    }

    /// <summary>The capacity search the run makes instead of its load shape (--capacity), or null.</summary>
    public Engine.Capacity.CapacitySearch? Capacity { get; }

    public SuiteOptions Options { get; }

    /// <summary>The embedded simulator, when the run has no --target.</summary>
    public EmbeddedSimulator? Simulator { get; }

    public Uri BaseUrl { get; }

    public TokenEndpoint TokenEndpoint { get; }

    /// <summary>Target:Headers, resolved: sent on every API request by either client.</summary>
    public IReadOnlyList<RequestHeader> Headers { get; }

    /// <summary>The forward proxy in effect (Target:Proxy or the environment's), or null for none.</summary>
    public ProxySettings? Proxy { get; }

    /// <summary>Target:AcceptEncoding as sent ("gzip, br"), or null when no compression is asked for.</summary>
    public string? AcceptEncoding { get; }

    public UnitTrustClient Client { get; }

    public RunFiles Files { get; }

    public LedgerCheck Ledger { get; }

    public List<ScenarioProps> Scenarios { get; }

    public string TestName { get; }

    /// <summary>The existing investors the pool scenarios use instead of registering their own, or null.</summary>
    public InvestorsFile? InvestorsFile { get; }

    /// <summary>The investors' seed: the configured one, or a random one that the report prints.</summary>
    public int Seed { get; }

    public string RunId { get; }

    /// <summary>Starts the embedded simulator when the options ask for it, then composes the run.</summary>
    public static async Task<RunPlan> CreateAsync(SuiteOptions options, TimeProvider time, InvestorsFile? existing, CancellationToken cancellationToken)
    {
        var simulator = options.UsesEmbeddedSimulator ? await EmbeddedSimulator.StartAsync(options.Simulator, cancellationToken) : null;
        try
        {
            return new RunPlan(options, simulator, time, existing);
        }
        catch
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Files.DisposeAsync();
        Client.Dispose();
        _http.Dispose();
        _handler.Dispose();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }

    private static TokenEndpoint ResolveTokenEndpoint(AuthOptions auth, Uri baseUrl, EmbeddedSimulator? simulator)
    {
        var address = string.IsNullOrWhiteSpace(auth.TokenUrl) ? baseUrl.AbsoluteUri.TrimEnd('/') + "/core/connect/token" : auth.TokenUrl;
        var clientId = simulator is not null && string.IsNullOrWhiteSpace(auth.ClientId) ? simulator.ClientId : auth.ClientId ?? "";
        var secret = simulator is not null && string.IsNullOrEmpty(auth.ClientSecret) ? simulator.ClientSecret : auth.ClientSecret ?? "";
        return new TokenEndpoint(address, clientId, secret, auth.Scope, auth.RefreshAhead, auth.RefreshAheadFraction, auth.RetryBackoff)
        {
            BasicCredentials = ClientCredentialStyles.IsBasic(auth.ClientCredentialStyle),
        };
    }

    private static string DefaultTestName(List<ScenarioProps> scenarios)
    {
        var names = new List<string>(scenarios.Count);
        foreach (var scenario in scenarios)
        {
            names.Add(scenario.Name);
        }

        return string.Join('+', names);
    }
}
