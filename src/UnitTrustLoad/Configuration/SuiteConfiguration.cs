using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Layers config/appsettings.json, --config FILE, --profile NAME, UNITTRUSTLOAD_ environment variables and the command
/// line, then checks and validates everything at once.
/// </summary>
internal sealed class SuiteConfiguration
{
    public const string EnvironmentPrefix = "UNITTRUSTLOAD_";

    private SuiteConfiguration(List<string> problems) => Problems = problems;

    /// <summary>The bound options; null when <see cref="Problems"/> is not empty.</summary>
    public SuiteOptions? Options { get; private init; }

    public IReadOnlyList<string> Problems { get; }

    public string? ProfileName { get; private init; }

    public string? ConfigFile { get; private init; }

    /// <summary>Looks for config/appsettings.json in the working directory, then beside the binary.</summary>
    public static string? FindConfigDirectory()
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(root, "config");
            if (File.Exists(Path.Combine(candidate, "appsettings.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    public static IReadOnlyList<string> AvailableProfiles(string? configDirectory)
    {
        var folder = configDirectory is null ? null : Path.Combine(configDirectory, "profiles");
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        var names = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            names.Add(Path.GetFileNameWithoutExtension(file));
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public static SuiteConfiguration Load(CommandLine commandLine, string? configDirectory)
    {
        var problems = new List<string>(commandLine.Problems);
        var builder = new ConfigurationBuilder();
        var unreadable = false;
        if (configDirectory is null)
        {
            problems.Add("config/appsettings.json was not found in the working directory or beside the program; run from the repository root or restore the file.");
        }
        else
        {
            unreadable |= !TryAddJsonFile(builder, Path.Combine(configDirectory, "appsettings.json"), problems);
        }

        if (commandLine.ConfigFile is { } file)
        {
            var full = Path.GetFullPath(file);
            if (File.Exists(full))
            {
                unreadable |= !TryAddJsonFile(builder, full, problems);
            }
            else
            {
                problems.Add($"--config '{file}': no such file ({full}); give the path of a JSON settings file.");
            }
        }

        if (commandLine.Profile is { } profile)
        {
            var path = configDirectory is null ? null : Path.Combine(configDirectory, "profiles", profile + ".json");
            if (path is not null && File.Exists(path) && profile.IndexOfAny(['/', '\\']) < 0)
            {
                unreadable |= !TryAddJsonFile(builder, path, problems);
            }
            else
            {
                var known = AvailableProfiles(configDirectory);
                problems.Add($"--profile '{profile}': no such profile; use one of {(known.Count == 0 ? "(none found in config/profiles)" : string.Join(", ", known))}.");
            }
        }

        if (unreadable)
        {
            // A file that does not parse leaves nothing sound to validate the rest against: its problem is the clearer.
            return new SuiteConfiguration(problems);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddCommandLine([.. commandLine.SettingArguments]);
        builder.AddInMemoryCollection(ScenarioSelection(commandLine));
        builder.AddInMemoryCollection(commandLine.Overrides);

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or JsonException or IOException)
        {
            problems.Add($"A settings file could not be read: {ex.Message} Fix the JSON (a trailing comma or a missing quote is the usual cause).");
            return new SuiteConfiguration(problems);
        }

        var shape = ConfigurationShape.Check(configuration, typeof(SuiteOptions), problems);

        // Neither unknown keys nor values the binder cannot convert (both already reported) stop binding: the rest is
        // bound with those left at their defaults, so the value rules below still run and every problem is listed at once.
        var options = new SuiteOptions();
        try
        {
            ConfigurationShape.Bindable(configuration, shape).Bind(options);
        }
        catch (InvalidOperationException) when (problems.Count > 0)
        {
            return new SuiteConfiguration(problems);
        }

        Normalise(options);
        foreach (var failure in new DataAnnotationsValidation().Validate(null, options).Failures ?? [])
        {
            problems.Add(failure);
        }

        foreach (var failure in new CrossFieldValidation().Validate(null, options).Failures ?? [])
        {
            problems.Add(failure);
        }

        DefinitionValidation.Check(options, problems);

        return new SuiteConfiguration(problems)
        {
            Options = problems.Count == 0 ? options : null,
            ProfileName = commandLine.Profile,
            ConfigFile = commandLine.ConfigFile,
        };
    }

    /// <summary>Layers the file when it parses; otherwise adds its problem (file, line, column, token) and returns false.</summary>
    private static bool TryAddJsonFile(ConfigurationBuilder builder, string path, List<string> problems)
    {
        if (JsonSettingsFile.Problem(path) is { } problem)
        {
            problems.Add(problem);
            return false;
        }

        builder.AddJsonFile(path, optional: false);
        return true;
    }

    private static Dictionary<string, string?> ScenarioSelection(CommandLine commandLine)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (commandLine.Scenarios.Count == 0)
        {
            return settings;
        }

        foreach (var name in ScenarioNames.All)
        {
            settings[$"Load:Scenarios:{name}:Enabled"] = commandLine.Scenarios.Contains(name) ? "true" : "false";
        }

        return settings;
    }

    private static void Normalise(SuiteOptions options)
    {
        // The binder may have built the dictionary without our comparer; scenario names are case-insensitive.
        options.Load.Scenarios = new Dictionary<string, ScenarioOptions>(options.Load.Scenarios, StringComparer.OrdinalIgnoreCase);
        options.Target.BaseUrl = options.Target.BaseUrl?.Trim().TrimEnd('/');
    }
}
