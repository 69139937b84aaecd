using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>Where the API lives and how to talk to it (section "Target").</summary>
internal sealed class TargetOptions
{
    public const string SectionName = "Target";

    /// <summary>API base URL; empty means "start the embedded simulator".</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Path and api-version per operation.</summary>
    [Required]
    public OperationOptions Register { get; set; } = new() { Path = "/api/Investors/Register", ApiVersion = "2.0" };

    [Required]
    public OperationOptions JoinFund { get; set; } = new() { Path = "/api/UnitTrust/JoinFund", ApiVersion = "2.0" };

    [Required]
    public OperationOptions Purchase { get; set; } = new() { Path = "/api/UnitTrust/PurchaseUnitTrust", ApiVersion = "3.0" };

    [Required]
    public OperationOptions FetchBalance { get; set; } = new() { Path = "/api/UnitTrust/FetchInvestorUnitTrustFunds", ApiVersion = "2.0" };

    [Required]
    public OperationOptions Sell { get; set; } = new() { Path = "/api/UnitTrust/SellUnitTrust", ApiVersion = "3.0" };

    /// <summary>
    /// Extra headers on every API request, by name ("Target:Headers:X-Api-Key"); a value "env:NAME" is read from the
    /// environment variable NAME and redacted everywhere the suite writes. See <see cref="RequestHeaders"/>.
    /// </summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Compressions asked for with Accept-Encoding: "gzip", "br" or "gzip,br"; empty (the default) asks for none. Answers are decoded.</summary>
    public string? AcceptEncoding { get; set; }

    /// <summary>
    /// A forward proxy for every request (http://host:port); wins over HTTP_PROXY/HTTPS_PROXY. NO_PROXY still names the
    /// hosts reached directly. A proxied run goes through HttpClient (the lean client does not speak to proxies).
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>Connections per server; sized for the largest expected VU count.</summary>
    [Range(1, 100_000)]
    public int MaxConnections { get; set; } = 1024;

    /// <summary>A request slower than this is a "timeout" failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connections are recycled after this long so DNS changes and load balancers are honoured.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How API requests are sent: "auto" (the lean HTTP/1.1 transport for http://, HttpClient for https://), "lean"
    /// (http:// only) or "httpclient" (the fallback, e.g. behind a proxy-like target the lean transport does not suit).
    /// </summary>
    [RegularExpression(TransportSettings.Pattern, ErrorMessage = "The transport must be auto, lean or httpclient.")]
    public string Transport { get; set; } = TransportSettings.Auto;

    /// <summary>
    /// What drives the lean transport's sockets: "auto" (our epoll loop on Linux, .NET's socket engine elsewhere),
    /// "epoll" (Linux only) or "dotnet". HttpClient always uses .NET's.
    /// </summary>
    [RegularExpression(TransportSettings.SocketEnginePattern, ErrorMessage = "The socket engine must be auto, epoll or dotnet.")]
    public string SocketEngine { get; set; } = TransportSettings.Auto;
}

/// <summary>One API operation's path and api-version.</summary>
internal sealed class OperationOptions
{
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^/.*", ErrorMessage = "The path must start with '/'.")]
    public string Path { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string ApiVersion { get; set; } = "";
}
