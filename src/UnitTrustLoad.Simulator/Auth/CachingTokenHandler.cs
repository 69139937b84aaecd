using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UnitTrustLoad.Simulator.Auth;

/// <summary>
/// JWT validation that remembers tokens it has already accepted until they expire. Under load every
/// request carries the same token, and checking it again each time was the largest per-request cost.
/// Only valid tokens are remembered, keyed by their exact text, so a tampered token is always checked,
/// and a remembered one is refused the moment it expires.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider time) : JsonWebTokenHandler
{
    private const int MaxRemembered = 1024;
    private readonly ConcurrentDictionary<string, TokenValidationResult> _accepted = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_accepted.TryGetValue(token, out var known))
        {
            if (known.SecurityToken.ValidTo > time.GetUtcNow().UtcDateTime)
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = known.ClaimsIdentity.Clone(),
                    SecurityToken = known.SecurityToken,
                    TokenType = known.TokenType,
                    Issuer = known.Issuer,
                };
            }

            _accepted.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            if (_accepted.Count >= MaxRemembered)
            {
                _accepted.Clear(); // Bounded memory; tokens are simply checked again.
            }

            _accepted[token] = result;
        }

        return result;
    }
}
