namespace UnitTrustLoad.Api.Transport;

/// <summary>The Target:Transport values: auto (lean for http://, HttpClient for https://), lean, httpclient.</summary>
internal static class TransportChoice
{
    public const string Auto = "auto";
    public const string Lean = "lean";
    public const string HttpClient = "httpclient";

    public const string Pattern = "^(?i)(auto|lean|httpclient)$";

    /// <summary>The lean transport speaks plain HTTP/1.1 only; TLS goes through HttpClient.</summary>
    public static bool UsesLean(string? setting, Uri baseUrl)
    {
        var plain = baseUrl.Scheme == Uri.UriSchemeHttp;
        return string.IsNullOrWhiteSpace(setting) || string.Equals(setting, Auto, StringComparison.OrdinalIgnoreCase)
            ? plain
            : string.Equals(setting, Lean, StringComparison.OrdinalIgnoreCase) && plain;
    }
}
