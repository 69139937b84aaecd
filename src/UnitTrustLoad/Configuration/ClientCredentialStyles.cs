namespace UnitTrustLoad.Configuration;

/// <summary>The values Auth:ClientCredentialStyle takes.</summary>
internal static class ClientCredentialStyles
{
    /// <summary>client_id and client_secret in the form body (RFC 6749 §2.3.1's alternative; what the k6 script sent).</summary>
    public const string Post = "post";

    /// <summary>An HTTP Basic Authorization header (RFC 6749 §2.3.1).</summary>
    public const string Basic = "basic";

    public const string Pattern = "^(?i)(post|basic)$";

    /// <summary>True for "basic" in any case; anything else (validated to be "post") sends them in the body.</summary>
    public static bool IsBasic(string? style) => string.Equals(style, Basic, StringComparison.OrdinalIgnoreCase);

    /// <summary>How a style sends the credentials, for the preflight line and the settings.</summary>
    public static string Describe(bool basic) => basic
        ? "Auth:ClientCredentialStyle basic: HTTP Basic header"
        : "Auth:ClientCredentialStyle post: client_id and client_secret in the form body";
}
