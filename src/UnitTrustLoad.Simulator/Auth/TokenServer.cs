using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using UnitTrustLoad.Simulator.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace UnitTrustLoad.Simulator.Auth;

/// <summary>
/// The OAuth2 client-credentials token server (OpenIddict, degraded mode: the one client lives in the
/// settings, not a database) and the JWT bearer validation of API calls with the same ephemeral key.
/// Clock skew is zero so seconds-long token lifetimes really expire.
/// </summary>
internal static class TokenServer
{
    public const string ApiPolicy = ApiScope.Name;
    public const string TokenPath = "/core/connect/token";

    // A fixed issuer so validation does not depend on which loopback port the server got.
    private static readonly Uri Issuer = new("http://unittrust-simulator.local/");

    public static IServiceCollection AddTokenServer(this IServiceCollection services, SimulatorSettings settings)
    {
        // Symmetric keys, new per start: nothing outside this process validates the tokens, they cost
        // microseconds to make (2048-bit RSA keys take seconds on a busy 2-core machine) and HS256
        // checks are the cheapest per request.
        var signingKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = Guid.NewGuid().ToString("N") };
        var encryptionKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

        // OpenIddict insists on one asymmetric key as well; P-256 is instant to make.
        var asymmetricKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };

        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.EnableDegradedMode();
                server.SetIssuer(Issuer);
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes(ApiScope.Name);
                server.SetAccessTokenLifetime(settings.TokenLifetime);
                server.AddSigningKey(signingKey);
                server.AddSigningKey(asymmetricKey);
                server.AddEncryptionKey(encryptionKey);
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore().DisableTransportSecurityRequirement();
                server.AddEventHandler<ValidateTokenRequestContext>(handler => handler
                    .UseInlineHandler(context => ValidateClient(context, settings)));
                server.AddEventHandler<HandleTokenRequestContext>(handler => handler
                    .UseInlineHandler(IssueToken));
                server.AddEventHandler<ApplyTokenResponseContext>(handler => handler
                    .UseInlineHandler(AddScope));
            });

        var tokenHandler = new CachingTokenHandler(TimeProvider.System);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(tokenHandler);
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Issuer.AbsoluteUri,
                    ValidateAudience = false,
                    IssuerSigningKeys = [signingKey, asymmetricKey],
                    ClockSkew = TimeSpan.Zero,
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => HasApiScope(context.User)));
        return services;
    }

    private static ValueTask ValidateClient(ValidateTokenRequestContext context, SimulatorSettings settings)
    {
        if (!context.Request.IsClientCredentialsGrantType())
        {
            context.Reject(Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
            return default;
        }

        if (!string.Equals(context.ClientId, settings.ClientId, StringComparison.Ordinal)
            || !SecretMatches(context.Request.ClientSecret, settings.ClientSecret))
        {
            // One answer for unknown client and wrong secret, so the error reveals nothing.
            context.Reject(Errors.InvalidClient, "The client credentials are invalid.");
            return default;
        }

        foreach (var scope in context.Request.GetScopes())
        {
            if (!string.Equals(scope, ApiScope.Name, StringComparison.Ordinal))
            {
                context.Reject(Errors.InvalidScope, $"The scope '{scope}' is not allowed; request '{ApiScope.Name}'.");
                return default;
            }
        }

        return default;
    }

    private static ValueTask IssueToken(HandleTokenRequestContext context)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, context.ClientId);
        identity.SetClaim(Claims.ClientId, context.ClientId);
        identity.SetScopes(ApiScope.Name);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        return default;
    }

    // The contract's token answer carries the granted scope; OpenIddict leaves it out when it equals the requested one.
    private static ValueTask AddScope(ApplyTokenResponseContext context)
    {
        if (context.Response.AccessToken is not null && context.Response.Scope is null)
        {
            context.Response.Scope = ApiScope.Name;
        }

        return default;
    }

    private static bool SecretMatches(string? presented, string expected)
        => presented is not null
           && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private static bool HasApiScope(ClaimsPrincipal user)
    {
        foreach (var claim in user.FindAll(Claims.Scope))
        {
            foreach (var scope in claim.Value.Split(' '))
            {
                if (scope == ApiScope.Name)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
