using System.Globalization;
using UnitTrustLoad.Configuration;
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
            settings.Add(new($"scenario {scenario.Name}", ScenarioCatalog.Describe(scenario)));
        }

        settings.Add(new("transport", plan.Client.TransportDescription));
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
}
