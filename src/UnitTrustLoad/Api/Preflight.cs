using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Api;

/// <summary>Before any load: can a token be had, and does the API answer with it? Null when both hold, else what to check.</summary>
internal static class Preflight
{
    public static async Task<string?> CheckAsync(UnitTrustClient client, TokenEndpoint endpoint, Uri baseUrl)
    {
        var token = await client.Tokens.GetAsync(null);
        if (token is null)
        {
            var why = client.Tokens.LastError ?? "no token";
            return why.Contains("could not be reached", StringComparison.Ordinal)
                ? $"Preflight failed: the token server is unreachable: {why}. Check --target / Target:BaseUrl (and Auth:TokenUrl), that the API is running and that this machine can reach it."
                : $"Preflight failed: no token could be had: {why}. Check Auth:ClientId, the secret in UNITTRUSTLOAD_Auth__ClientSecret and Auth:Scope ({endpoint.Scope}).";
        }

        // An unknown investor's balance: any answer but 401/403/5xx or silence shows the API is there and takes our token.
        // Three tries, so a target with injected faults is not mistaken for a broken one.
        string? problem = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var probe = await client.FetchBalanceAsync(new BalanceRequest("preflight-unknown-investor"), null, CancellationToken.None);
            problem = Judge(probe.Status, probe.Error, baseUrl);
            if (problem is null)
            {
                return null;
            }
        }

        return problem;
    }

    private static string? Judge(string status, string? message, Uri baseUrl)
        => status switch
        {
            CallStatus.ConnectionError or CallStatus.Timeout =>
                $"Preflight failed: the API at {baseUrl} did not answer ({status}: {message}). Check --target / Target:BaseUrl and that the API is running.",
            "401" or "403" =>
                $"Preflight failed: the API at {baseUrl} refused the token ({status}). Check that Auth:TokenUrl belongs to this API and Auth:Scope is right.",
            CallStatus.NoToken => $"Preflight failed: no token could be had: {message}.",
            _ when status.Length == 3 && status[0] == '5' =>
                $"Preflight failed: the API at {baseUrl} answered {status} to a balance request. Check the API's health before loading it.",
            _ => null,
        };
}
