using System.Globalization;
using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Scenarios;

namespace UnitTrustLoad.Run;

/// <summary>The settings lines every report opens with: what ran, against what, with which data and client.</summary>
internal static class RunSettings
{
    public static List<KeyValuePair<string, string>> Describe(RunPlan plan, SuiteConfiguration configuration)
    {
        var options = plan.Options;
        var embedded = plan.Simulator is not null;
        var settings = new List<KeyValuePair<string, string>>
        {
            new("target", embedded ? $"embedded simulator ({plan.BaseUrl})" : plan.BaseUrl.ToString()),
        };
        if (configuration.ProfileName is { } profile)
        {
            settings.Add(new("profile", profile));
        }

        if (configuration.ConfigFile is { } file)
        {
            settings.Add(new("config file", file));
        }

        if (SimulationMapper.DescribeShortcut(options.Load) is { } shortcut)
        {
            settings.Add(new("load", shortcut));
        }

        foreach (var scenario in plan.Scenarios)
        {
            var shape = plan.Capacity?.Scenario == scenario.Name ? CapacityLines.Describe(plan.Capacity) : ScenarioCatalog.Describe(scenario);
            if (options.Load.Scenarios.TryGetValue(scenario.Name, out var configured) && !configured.ThinkTime.IsZero)
            {
                shape += $"; think time {configured.ThinkTime} after each step (not counted as latency)";
            }

            settings.Add(new($"scenario {scenario.Name}", shape));
        }

        if (plan.InvestorsFile is { } existing)
        {
            settings.Add(new("investors", $"{existing.Describe()}, for {string.Join(", ", ScenarioNames.PoolScenarios)}"));
        }

        settings.Add(new("transport", plan.Client.TransportDescription));
        if (plan.Headers.Count > 0)
        {
            settings.Add(new("request headers", RequestHeaders.Describe(plan.Headers)));
        }

        if (plan.Proxy is { } proxy)
        {
            settings.Add(new("proxy", proxy.Describe(plan.BaseUrl)));
        }

        settings.Add(new("accept encoding", plan.AcceptEncoding is { } codings ? $"{codings} (answers decoded before they are checked)" : "none asked (Target:AcceptEncoding)"));
        settings.Add(new("token credentials", ClientCredentialStyles.Describe(plan.TokenEndpoint.BasicCredentials)));
        if (plan.Client.Tokens.FailedRequests > 0)
        {
            settings.Add(new("token outage", string.Create(CultureInfo.InvariantCulture,
                $"{plan.Client.Tokens.TimeWithoutToken.TotalSeconds:0.0} s without a valid token; {plan.Client.Tokens.FailedRequests} of {plan.Client.Tokens.Requests} token requests failed (users waited for the next refresh; refreshes back off from Auth:RetryBackoff, doubling, at most 30 s)")));
        }

        settings.Add(new("seed", plan.Seed.ToString(CultureInfo.InvariantCulture)));
        settings.Add(new("run id", plan.RunId));
        settings.Add(new("fund", options.Data.Fund));
        settings.Add(new("purchase value", string.Create(CultureInfo.InvariantCulture, $"{options.Data.PurchaseMin:N2}..{options.Data.PurchaseMax:N2} KES")));
        if (embedded)
        {
            settings.Add(new("simulator token lifetime", options.Simulator.TokenLifetime.ToString("c", CultureInfo.InvariantCulture)));
        }

        return settings;
    }

    /// <summary>What the run's outages cost the users, from its counters (empty when there were none).</summary>
    public static List<KeyValuePair<string, string>> Outages(RunResult result)
    {
        var lines = new List<KeyValuePair<string, string>>();
        if (result.Counters.TryGetValue(ScenarioCatalog.ConnectionBackoffCounter, out var waited) && waited > 0)
        {
            lines.Add(new("connection outage", string.Create(CultureInfo.InvariantCulture,
                $"users waited {waited / 1000.0:0.0} s in all after connection errors (10 ms doubling to 1 s, with jitter), so each connection error counted is a connect actually tried")));
        }

        return lines;
    }

    /// <summary>
    /// The "resends" line, in every report: how many requests of each step were sent a second time because no server
    /// can have read them (their keep-alive connection failed before any byte was written, or the server had closed
    /// it first): the only resend RFC 9110 allows for a POST.
    /// </summary>
    public static KeyValuePair<string, string> Resends(RunResult result)
    {
        var counts = result.Counters
            .Where(c => c.Key.StartsWith(ApiOperation.ResendPrefix, StringComparison.Ordinal) && c.Value > 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key[ApiOperation.ResendPrefix.Length..]} {c.Value}"))
            .ToList();
        var what = counts.Count == 0 ? "none" : string.Join(", ", counts);
        return new("resends", $"{what} (a request is sent again only when no server can have read it: its keep-alive connection failed before any byte was written)");
    }
}
