
namespace UnitTrustLoad.Configuration;

/// <summary>
/// The named options (--target, --vus, ...) mapped onto configuration keys, so everything on the command line is also
/// settable in a file; anything written --Section:Key=value passes through unchanged.
/// </summary>
internal sealed class CommandLine
{
    private static readonly Dictionary<string, string> OptionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--target"] = "Target:BaseUrl",
        ["--vus"] = "Load:Vus",
        ["--duration"] = "Load:Duration",
        ["--rate"] = "Load:Rate",
        ["--out"] = "Report:Root",
        ["--seed"] = "Data:Seed",
        ["--baseline"] = "Report:Baseline",
    };

    private const string StagesKey = "Load:Stages";

    /// <summary>The capacity search's switch (Capacity:Enabled=true).</summary>
    public const string CapacityFlag = "--capacity";

    private int _stages;

    public string? ConfigFile { get; private set; }

    public string? Profile { get; private set; }

    public bool HelpRequested { get; private set; }

    /// <summary>Settings from named options, applied last.</summary>
    public Dictionary<string, string?> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>--Section:Key=value arguments, for Microsoft.Extensions.Configuration.CommandLine.</summary>
    public List<string> SettingArguments { get; } = [];

    /// <summary>Scenarios named with --scenario, in order.</summary>
    public List<string> Scenarios { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>Which option set a configuration key, so problems can name what the user typed.</summary>
    public static string? OptionFor(string key)
    {
        if (key.StartsWith(StagesKey, StringComparison.OrdinalIgnoreCase))
        {
            return "--stage";
        }

        if (string.Equals(key, $"{CapacityOptions.SectionName}:{nameof(CapacityOptions.Enabled)}", StringComparison.OrdinalIgnoreCase))
        {
            return CapacityFlag;
        }

        foreach (var pair in OptionKeys)
        {
            if (string.Equals(pair.Value, key, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Key;
            }
        }

        return null;
    }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?" or "/?")
            {
                result.HelpRequested = true;
                continue;
            }

            if (arg.Equals(CapacityFlag, StringComparison.OrdinalIgnoreCase))
            {
                // A switch without a value: the capacity search instead of the load shape.
                result.Overrides[$"{CapacityOptions.SectionName}:{nameof(CapacityOptions.Enabled)}"] = "true";
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                result.Problems.Add($"Unexpected argument '{arg}': options start with '--' (for example --vus 10); run with --help to list them.");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string? inlineValue = equals < 0 ? null : arg[(equals + 1)..];

            if (name.Contains(':', StringComparison.Ordinal))
            {
                // A setting: keep it for the configuration's own command-line provider.
                if (inlineValue is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        result.Problems.Add($"Setting '{name}' has no value: write {name}=VALUE.");
                        continue;
                    }

                    inlineValue = args[++i];
                }

                result.SettingArguments.Add($"{name}={inlineValue}");
                continue;
            }

            var isKnown = OptionKeys.ContainsKey(name) || name.Equals("--config", StringComparison.OrdinalIgnoreCase)
                || name.Equals("--profile", StringComparison.OrdinalIgnoreCase) || name.Equals("--scenario", StringComparison.OrdinalIgnoreCase)
                || name.Equals("--stage", StringComparison.OrdinalIgnoreCase);
            if (!isKnown)
            {
                result.Problems.Add($"Unknown option '{name}': run with --help to list the options, or write a setting as --Section:Key=value.");
                continue;
            }

            if (inlineValue is null)
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    result.Problems.Add($"Option '{name}' needs a value (for example {name} {Example(name)}).");
                    continue;
                }

                inlineValue = args[++i];
            }

            result.Apply(name, inlineValue);
        }

        return result;
    }

    private void Apply(string name, string value)
    {
        if (name.Equals("--config", StringComparison.OrdinalIgnoreCase))
        {
            ConfigFile = value;
        }
        else if (name.Equals("--profile", StringComparison.OrdinalIgnoreCase))
        {
            Profile = value;
        }
        else if (name.Equals("--scenario", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ScenarioNames.IsKnown(part))
                {
                    Scenarios.Add(part.ToLowerInvariant());
                }
                else
                {
                    Problems.Add($"--scenario '{part}' is not a scenario: use one of {string.Join(", ", ScenarioNames.All)}.");
                }
            }
        }
        else if (name.Equals("--stage", StringComparison.OrdinalIgnoreCase))
        {
            AddStage(value);
        }
        else
        {
            Overrides[OptionKeys[name]] = value;
        }
    }

    /// <summary>k6's --stage DURATION:TARGET; the duration may be a clock (00:00:30:100), so the target follows the last colon.</summary>
    private void AddStage(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            Problems.Add($"--stage '{value}': write DURATION:TARGET, for example --stage 30s:100 (ramp to 100 virtual users over 30 s).");
            return;
        }

        Overrides[$"{StagesKey}:{_stages}:{nameof(StageOptions.Duration)}"] = value[..colon];
        Overrides[$"{StagesKey}:{_stages}:{nameof(StageOptions.Target)}"] = value[(colon + 1)..];
        _stages++;
    }

    private static string Example(string name) => name.ToLowerInvariant() switch
    {
        "--duration" => "5m",
        "--stage" => "30s:100",
        "--target" => "https://api.example.test",
        "--config" => "config/appsettings.staging.json",
        "--profile" => "smoke",
        "--scenario" => "journey",
        "--out" => "reports",
        "--baseline" => "reports/20260101-120000_journey",
        _ => "10",
    };
}
