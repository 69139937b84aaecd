using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>OAuth2 client credentials (section "Auth"). The secret comes from the environment, never a committed file.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Token endpoint; empty means {Target:BaseUrl}/core/connect/token.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>Client id; empty with the embedded simulator means "the simulator's".</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret; set it through UNITTRUSTLOAD_Auth__ClientSecret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// How the client id and secret travel to the token server: "post" (the default: client_id and client_secret in the
    /// form body, as the original k6 script sent them) or "basic" (an HTTP Basic Authorization header, RFC 6749 §2.3.1).
    /// </summary>
    [RegularExpression(ClientCredentialStyles.Pattern, ErrorMessage = "The client credential style must be post (client_id and client_secret in the form body) or basic (HTTP Basic).")]
    public string ClientCredentialStyle { get; set; } = ClientCredentialStyles.Post;

    [Required(AllowEmptyStrings = false)]
    public string Scope { get; set; } = Simulator.Auth.ApiScope.Name;

    /// <summary>Refresh this long before expiry (capped by <see cref="RefreshAheadFraction"/> for short-lived tokens).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this share of a token's lifetime is spent "ahead", so seconds-long tokens still get used.</summary>
    [Range(0.0, 0.9)]
    public double RefreshAheadFraction { get; set; } = 0.2;

    /// <summary>After a failed token request, wait this long before the next attempt instead of hammering the server.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);
}
