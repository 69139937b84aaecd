using System.Security.Authentication;
using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Api;

/// <summary>
/// Before any load: can a token be had, and does the API answer with it? Says what it is waiting for, stops at once on
/// Ctrl+C (an <see cref="OperationCanceledException"/>), and when something is wrong names the real cause and the
/// setting that fixes it: a token server's 5xx is its health, not the credentials; a 404 is the wrong Auth:TokenUrl; an
/// untrusted certificate is trust, with the chain's own words, not "unreachable".
/// </summary>
internal static class Preflight
{
    /// <summary>Null when both hold, else what to check.</summary>
    public static async Task<string?> CheckAsync(
        UnitTrustClient client, TokenEndpoint endpoint, Uri baseUrl, bool tokenUrlConfigured, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"Preflight: asking {endpoint.Address} for a token (client {endpoint.ClientId}, scope {endpoint.Scope}, {Configuration.ClientCredentialStyles.Describe(endpoint.BasicCredentials)})...");
        var token = await client.Tokens.GetAsync(null, CancellationToken.None).AsTask().WaitAsync(cancellationToken);
        for (var attempt = 2; token is null && attempt <= TokenAttempts && IsTransient(client.Tokens.LastFailure); attempt++)
        {
            // A token server with faults (a 5xx) is not taken for a broken one at its first answer.
            var wait = client.Tokens.RetryAfter;
            await progress.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Preflight: the token server answered {client.Tokens.LastFailure!.Status}; asking again in {wait.TotalSeconds:0.0} s (attempt {attempt} of {TokenAttempts})..."));
            await client.Tokens.WaitForRetryAsync(cancellationToken);

            token = await client.Tokens.GetAsync(null, CancellationToken.None).AsTask().WaitAsync(cancellationToken);
        }

        if (token is null)
        {
            return TokenProblem(client.Tokens.LastFailure, client.Tokens.LastError ?? "no token", endpoint, tokenUrlConfigured);
        }

        // An unknown investor's balance: any answer but 401/403/5xx or silence shows the API is there and takes our token.
        // Three tries, so a target with injected faults is not mistaken for a broken one.
        await progress.WriteLineAsync($"Preflight: asking the API at {baseUrl} for a balance with that token...");
        // The token just had may need renewing before the probe (a short-lived one is past its refresh time already);
        // a 5xx from the token server then is the same fault of the moment as above, retried the same way, not "no token".
        string? problem = null;
        for (int attempt = 0, tokenRetries = 0; attempt < 3; attempt++)
        {
            // Not cancellable itself, so the token cache does not wait through an outage for it (a step of the load would):
            // preflight is bounded by its own attempts, and Ctrl+C still ends the wait at once.
            var probe = await client.FetchBalanceAsync(new BalanceRequest("preflight-unknown-investor"), null, CancellationToken.None).AsTask().WaitAsync(cancellationToken);
            if (probe.Status == CallStatus.NoToken && IsTransient(client.Tokens.LastFailure) && ++tokenRetries < TokenAttempts)
            {
                await progress.WriteLineAsync($"Preflight: renewing the token for the balance request, the token server answered {client.Tokens.LastFailure!.Status}; asking again...");
                await client.Tokens.WaitForRetryAsync(cancellationToken);
                attempt--;
                continue;
            }

            problem = probe.Status == CallStatus.NoToken
                ? TokenProblem(client.Tokens.LastFailure, client.Tokens.LastError ?? "no token", endpoint, tokenUrlConfigured)
                : ApiProblem(probe.Status, probe.Error, baseUrl);
            if (problem is null)
            {
                // How many token requests preflight made is said, so they are not taken for the load's "token" step.
                await progress.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Preflight: passed ({client.Tokens.Requests} token {(client.Tokens.Requests == 1 ? "request" : "requests")} ({client.Tokens.FailedRequests} failed), {attempt + 1} balance {(attempt == 0 ? "request" : "requests")}, before the load)."));
                return null;
            }
        }

        return problem;
    }

    /// <summary>Token requests preflight makes, at most, while the token server answers 5xx (Auth:RetryBackoff, doubling, between them).</summary>
    private const int TokenAttempts = 5;

    private static bool IsTransient(TokenFailure? failure) =>
        failure is not null && failure.Exception is null && failure.Status.Length == 3 && failure.Status[0] == '5';

    /// <summary>Why no token could be had, by its real cause, with the setting that fixes it.</summary>
    internal static string TokenProblem(TokenFailure? failure, string why, TokenEndpoint endpoint, bool tokenUrlConfigured)
    {
        var address = endpoint.Address;
        var urlSetting = tokenUrlConfigured ? "Auth:TokenUrl" : "Auth:TokenUrl (unset, so the API's own /core/connect/token was asked)";
        if (failure?.Exception is { } exception)
        {
            if (InChain<AuthenticationException>(exception))
            {
                return $"Preflight failed: the token server's certificate at {address} is not trusted: {Chain(exception)}. This is TLS trust, not the network and not the credentials. "
                    + "Fix: trust the issuing CA on this machine (add it to the system store, or point SSL_CERT_FILE at a bundle that holds it), or check that the URL names the certificate's host.";
            }

            return failure.Status == CallStatus.Timeout
                ? $"Preflight failed: the token server at {address} did not answer in time ({Chain(exception)}). Check {urlSetting}, that it is up, and Target:RequestTimeout."
                : $"Preflight failed: the token server is unreachable at {address}: {Chain(exception)}. Check --target / Target:BaseUrl and {urlSetting}, that the server is running and that this machine can reach it.";
        }

        var status = failure?.Status ?? string.Empty;
        return status switch
        {
            "404" or "405" =>
                $"Preflight failed: there is no token endpoint at {address} (it answered {status}). Fix: set Auth:TokenUrl to the token server's own address, for example https://identity.example/core/connect/token; the token server is often on a host of its own.",
            _ when status.Length == 3 && status[0] == '5' =>
                $"Preflight failed: the token server at {address} failed ({status}{(failure?.Error is { } e5 ? $" {e5}" : string.Empty)}): its own fault, not the credentials. Check the token server's health and logs, then try again.",
            _ when failure?.Error is "invalid_scope" =>
                $"Preflight failed: the token server refused the scope '{endpoint.Scope}' (invalid_scope). Fix: set Auth:Scope to a scope client {endpoint.ClientId} may ask for.",
            _ when failure?.Error is "invalid_client" or "unauthorized_client" || status is "401" || (status is "400" && failure?.Error is null or "invalid_request") =>
                $"Preflight failed: the token server refused client {endpoint.ClientId} ({status}{(failure?.Error is { } e4 ? $" {e4}" : string.Empty)}). Fix: check Auth:ClientId and the secret in UNITTRUSTLOAD_Auth__ClientSecret, "
                + StyleHint(endpoint.BasicCredentials),
            _ => $"Preflight failed: no token could be had: {why}. Check Auth:ClientId, the secret in UNITTRUSTLOAD_Auth__ClientSecret, Auth:Scope ({endpoint.Scope}) and {urlSetting}.",
        };
    }

    /// <summary>A server that reads the credentials from one place only refuses them sent in the other: say where they went and the other style.</summary>
    private static string StyleHint(bool basic) => basic
        ? "and Auth:ClientCredentialStyle: they were sent as an HTTP Basic header (basic); a token server that reads client_id and client_secret from the form body needs Auth:ClientCredentialStyle=post."
        : "and Auth:ClientCredentialStyle: they were sent in the form body (post); a token server that reads only an HTTP Basic header needs Auth:ClientCredentialStyle=basic.";

    private static string? ApiProblem(string status, string? message, Uri baseUrl)
        => status switch
        {
            CallStatus.ConnectionError or CallStatus.Timeout =>
                $"Preflight failed: the API at {baseUrl} did not answer ({status}: {message}). Check --target / Target:BaseUrl and that the API is running.",
            "401" or "403" =>
                $"Preflight failed: the API at {baseUrl} refused the token ({status}). Check that Auth:TokenUrl belongs to this API and Auth:Scope is right.",
            _ when status.Length == 3 && status[0] == '5' =>
                $"Preflight failed: the API at {baseUrl} answered {status} to a balance request. Check the API's health before loading it.",
            _ => null,
        };

    /// <summary>True when any exception in the chain is a <typeparamref name="T"/>.</summary>
    private static bool InChain<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every message of the exception chain, outermost first, so the TLS library's own reason is not dropped.</summary>
    private static string Chain(Exception exception)
    {
        var parts = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message))
            {
                parts.Add(e.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", parts);
    }
}
