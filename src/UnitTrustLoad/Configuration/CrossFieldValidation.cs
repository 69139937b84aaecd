using Microsoft.Extensions.Options;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Rules that span settings: known names, URLs, credentials for a remote target, and the embedded simulator's own rules
/// (through its one entry, <see cref="SimulatorOptions.Validate"/>). Whether the load shape can run is the engine's to
/// say (<see cref="DefinitionValidation"/>).
/// </summary>
internal sealed partial class CrossFieldValidation : IValidateOptions<SuiteOptions>
{
    private static readonly TimeSpan MaxThinkTime = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, SuiteOptions options)
    {
        var problems = new List<string>();
        ValidateScenarios(options.Load, problems);
        ValidateTarget(options, problems);
        ValidateThresholds(options, problems);
        ValidateReport(options.Report, problems);
        ValidateSimulator(options, problems);
        ValidateCapacity(options, problems);

        if (string.IsNullOrWhiteSpace(options.Data.InvestorsFile)
            && PoolDemand.Problem(options.Load, options.Load.PoolSize, "Load:PoolSize", "raise Load:PoolSize to at least") is { } shortage)
        {
            problems.Add(shortage);
        }

        if (options.Data.PurchaseMin > options.Data.PurchaseMax)
        {
            problems.Add($"Data:PurchaseMin: {options.Data.PurchaseMin} is above Data:PurchaseMax {options.Data.PurchaseMax}; make the minimum the smaller.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateScenarios(LoadOptions load, List<string> problems)
    {
        if (load.Vus is not null && load.Rate is not null)
        {
            problems.Add("Load:Vus (--vus) and Load:Rate (--rate) are both set: choose the closed model (--vus) or the open model (--rate).");
        }

        if (load.Stages.Count > 0 && (load.Vus is not null || load.Rate is not null || load.Duration is not null))
        {
            problems.Add("Load:Stages (--stage) with Load:Vus (--vus), Load:Rate (--rate) or Load:Duration (--duration): the stages are the whole shape "
                + "(their durations add up to the run's length); drop the other options, or drop --stage.");
        }

        var enabled = 0;
        foreach (var (scenarioName, scenario) in load.Scenarios)
        {
            var path = $"Load:Scenarios:{scenarioName}";
            if (!ScenarioNames.IsKnown(scenarioName))
            {
                problems.Add($"{path}: '{scenarioName}' is not a scenario; use one of {string.Join(", ", ScenarioNames.All)}.");
                continue;
            }

            if (scenario.Enabled)
            {
                enabled++;
            }

            if (scenario.ThinkTime.Max > MaxThinkTime)
            {
                problems.Add($"{path}:ThinkTime: {scenario.ThinkTime} is longer than {MaxThinkTime:c}; think time is a pause between steps, not a schedule (use a Pause simulation for that).");
            }
        }

        if (enabled == 0)
        {
            problems.Add("Load:Scenarios: no scenario is enabled; set Load:Scenarios:journey:Enabled=true or pass --scenario journey.");
        }
    }

    private static void ValidateTarget(SuiteOptions options, List<string> problems)
    {
        RequestHeaders.Resolve(options.Target.Headers, problems);
        AcceptEncodings.Resolve(options.Target.AcceptEncoding, problems);
        if (ProxySettings.Resolve(options, problems) is { } proxy && !options.UsesEmbeddedSimulator && IsHttpUrl(options.Target.BaseUrl)
            && proxy.For(new Uri(options.Target.BaseUrl!)) is not null
            && string.Equals(options.Target.Transport, TransportSettings.Lean, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Target:Transport: 'lean' does not speak to proxies, and {proxy.Source} sends {options.Target.BaseUrl} through one; use auto or httpclient, or name the host in NO_PROXY.");
        }
        if (!options.UsesEmbeddedSimulator && !IsHttpUrl(options.Target.BaseUrl))
        {
            problems.Add($"Target:BaseUrl (--target): '{options.Target.BaseUrl}' is not an absolute http(s) URL; write it like https://api.example.test.");
        }

        if (string.Equals(options.Target.Transport, TransportSettings.Lean, StringComparison.OrdinalIgnoreCase)
            && !options.UsesEmbeddedSimulator && IsHttpUrl(options.Target.BaseUrl)
            && options.Target.BaseUrl!.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Target:Transport: 'lean' speaks plain http:// only, and the target '{options.Target.BaseUrl}' is https; use auto or httpclient.");
        }

        if (string.Equals(options.Target.SocketEngine, TransportSettings.Epoll, StringComparison.OrdinalIgnoreCase)
            && !Http.Http11.Http11Client.SupportsEpoll)
        {
            problems.Add("Target:SocketEngine: 'epoll' needs 64-bit Linux, and this is not; use auto or dotnet.");
        }

        if (!string.IsNullOrWhiteSpace(options.Auth.TokenUrl) && !IsHttpUrl(options.Auth.TokenUrl))
        {
            problems.Add($"Auth:TokenUrl: '{options.Auth.TokenUrl}' is not an absolute http(s) URL; leave it empty for {{Target:BaseUrl}}/core/connect/token.");
        }

        if (!options.UsesEmbeddedSimulator)
        {
            if (string.IsNullOrWhiteSpace(options.Auth.ClientId))
            {
                problems.Add("Auth:ClientId: required with a remote target; set it in your config file or UNITTRUSTLOAD_Auth__ClientId.");
            }

            if (string.IsNullOrEmpty(options.Auth.ClientSecret))
            {
                problems.Add("Auth:ClientSecret: required with a remote target; set the environment variable UNITTRUSTLOAD_Auth__ClientSecret (never commit it).");
            }
        }
    }

    private static void ValidateThresholds(SuiteOptions options, List<string> problems)
    {
        for (var i = 0; i < options.Thresholds.Count; i++)
        {
            var t = options.Thresholds[i];
            if (!string.IsNullOrWhiteSpace(t.Scenario) && !ScenarioNames.IsKnown(t.Scenario))
            {
                problems.Add($"Thresholds:{i}:Scenario: '{t.Scenario}' is not a scenario; use one of {string.Join(", ", ScenarioNames.All)} or leave it empty for the whole run.");
            }
            else if (!string.IsNullOrWhiteSpace(t.Step))
            {
                // A misspelt step would only fail after the whole run, as a step that recorded nothing.
                var steps = string.IsNullOrWhiteSpace(t.Scenario)
                    ? ScenarioNames.All.SelectMany(ScenarioNames.StepsOf).Distinct().ToList()
                    : [.. ScenarioNames.StepsOf(t.Scenario)];
                if (!steps.Contains(t.Step, StringComparer.Ordinal))
                {
                    var close = steps.FirstOrDefault(s => string.Equals(s, t.Step, StringComparison.OrdinalIgnoreCase) || Near(s, t.Step));
                    problems.Add($"Thresholds:{i}:Step: '{t.Step}' is not a step of {(string.IsNullOrWhiteSpace(t.Scenario) ? "any scenario" : $"scenario '{t.Scenario}'")}; "
                        + (close is null ? string.Empty : $"did you mean {close}? ") + $"Its steps: {string.Join(", ", steps)}.");
                }
            }

            if (string.IsNullOrWhiteSpace(options.Report.Baseline) && BaselineWord().IsMatch(t.Expression ?? string.Empty))
            {
                problems.Add($"Thresholds:{i}:Expression: '{t.Expression}' compares with a baseline, but none was given. Fix: pass --baseline with a previous run's folder or summary.json, or compare with a number.");
            }
        }
    }

    private static void ValidateReport(ReportOptions report, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(report.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(report.TimeZone, out _))
        {
            problems.Add($"Report:TimeZone: '{report.TimeZone}' is not a time zone this machine knows; use an IANA id such as Africa/Nairobi or UTC.");
        }

        if (!string.IsNullOrWhiteSpace(report.Baseline) && !File.Exists(report.Baseline) && !Directory.Exists(report.Baseline))
        {
            problems.Add($"Report:Baseline (--baseline): '{report.Baseline}' does not exist; give a previous run's summary.json or its run folder.");
        }

        if (report.FailOnRegression && string.IsNullOrWhiteSpace(report.Baseline))
        {
            problems.Add("Report:FailOnRegression is true but no baseline is given, so nothing can regress; pass --baseline with a previous run's summary.json or its run folder, or drop FailOnRegression.");
        }
    }

    /// <summary>The search drives one scenario's arrival rate by itself: it takes no load shape and no second scenario.</summary>
    private static void ValidateCapacity(SuiteOptions options, List<string> problems)
    {
        if (!options.Capacity.Enabled)
        {
            return;
        }

        var enabled = options.Load.Scenarios.Where(s => s.Value.Enabled && ScenarioNames.IsKnown(s.Key)).Select(s => s.Key.ToLowerInvariant()).ToList();
        if (enabled.Count > 1)
        {
            problems.Add($"Capacity:Enabled (--capacity): the search finds one scenario's capacity, and {enabled.Count} are enabled ({string.Join(", ", enabled)}); "
                + "select one with --scenario NAME (for example --scenario purchase --capacity).");
        }

        var load = options.Load;
        var shape = new List<string>();
        if (load.Vus is not null)
        {
            shape.Add("--vus");
        }

        if (load.Rate is not null)
        {
            shape.Add("--rate");
        }

        if (load.Stages.Count > 0)
        {
            shape.Add("--stage");
        }

        if (load.Duration is not null)
        {
            shape.Add("--duration");
        }

        if (shape.Count > 0)
        {
            problems.Add($"Capacity:Enabled (--capacity) with {string.Join(", ", shape)}: the search sets the rate and the length itself; drop {string.Join(" and ", shape)} "
                + "(Capacity:StartRate, Capacity:MaxRate and Capacity:MaxDuration bound the search).");
        }
    }

    /// <summary>The simulator's problems, named by their paths in this configuration too ("Simulator:...").</summary>
    private static void ValidateSimulator(SuiteOptions options, List<string> problems) => problems.AddRange(options.Simulator.Validate());

    private static bool IsHttpUrl(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>One letter added, dropped, changed or two swapped (purchse, puchase, purcahse).</summary>
    private static bool Near(string known, string typed)
    {
        if (Math.Abs(known.Length - typed.Length) > 1)
        {
            return false;
        }

        var previous = new int[typed.Length + 1];
        var current = new int[typed.Length + 1];
        var before = new int[typed.Length + 1];
        for (var j = 0; j <= typed.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= known.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= typed.Length; j++)
            {
                var cost = char.ToLowerInvariant(known[i - 1]) == char.ToLowerInvariant(typed[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && known[i - 1] == typed[j - 2] && known[i - 2] == typed[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[typed.Length] <= 1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bbaseline\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BaselineWord();
}
