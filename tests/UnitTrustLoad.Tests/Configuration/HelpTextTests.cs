using System.Text.RegularExpressions;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>--help, the parser and docs/usage.md agree on the options, in both directions.</summary>
public sealed partial class HelpTextTests
{
    /// <summary>A value for each placeholder the help writes after an option.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["FILE"] = "settings.json",
        ["URL"] = "https://api.example.test",
        ["N"] = "10",
        ["T"] = "30s",
        ["T:N"] = "30s:100",
        ["DIR"] = "reports",
        ["PATH"] = "reports/20260101-120000_journey",
    };

    [Fact]
    public void Every_option_the_help_names_is_accepted_by_the_parser()
    {
        var entries = HelpEntries();
        entries.Count.ShouldBeGreaterThan(10);
        foreach (var (names, placeholder) in entries)
        {
            foreach (var name in names)
            {
                string[] args = name switch
                {
                    "--Section" => ["--Load:Vus=3"],
                    "--profile" => [name, "smoke"],
                    "--scenario" => [name, "journey"],
                    _ when placeholder is null => [name],
                    _ => [name, Examples[placeholder]],
                };

                var parsed = CommandLine.Parse(args);

                parsed.Problems.ShouldBeEmpty($"--help names {name}, and the parser refuses {string.Join(' ', args)}");
            }
        }
    }

    [Fact]
    public void Help_names_the_k6_habits()
    {
        var names = HelpEntries().SelectMany(e => e.Names).ToList();

        names.ShouldContain("--stage");
        names.ShouldContain("-h");
        CommandLine.Parse(["-h"]).HelpRequested.ShouldBeTrue();
    }

    [Fact]
    public void Help_and_the_usage_guide_name_the_same_options()
    {
        var help = HelpEntries().SelectMany(e => e.Names).ToHashSet(StringComparer.Ordinal);
        var usage = UsageGuideOptions();

        help.Except(usage).ShouldBeEmpty("named by --help but not in docs/usage.md's options table");
        usage.Except(help).ShouldBeEmpty("in docs/usage.md's options table but not named by --help");
    }

    /// <summary>The help's option lines (two spaces in, then the option): names and the placeholder after them.</summary>
    private static List<(List<string> Names, string? Placeholder)> HelpEntries()
    {
        var entries = new List<(List<string>, string?)>();
        var inOptions = false;
        foreach (var line in HelpText.Text.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.StartsWith("Options:", StringComparison.Ordinal))
            {
                inOptions = true;
                continue;
            }

            if (!inOptions)
            {
                continue;
            }

            if (text.Length == 0)
            {
                break;
            }

            var match = HelpOption().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var column = match.Groups["column"].Value;
            var names = OptionName().Matches(column).Select(m => m.Value).ToList();
            var placeholder = column.Contains(' ', StringComparison.Ordinal) && !column.Contains(", ", StringComparison.Ordinal)
                ? column[(column.LastIndexOf(' ') + 1)..]
                : null;
            entries.Add((names, placeholder));
        }

        return entries;
    }

    private static HashSet<string> UsageGuideOptions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inOptions = false;
        foreach (var line in File.ReadAllLines(RepositoryRoot.File("docs", "usage.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inOptions = line == "## Options";
                continue;
            }

            if (inOptions && line.StartsWith("| `", StringComparison.Ordinal))
            {
                var column = line.Split('|')[1];
                foreach (Match match in OptionName().Matches(column))
                {
                    names.Add(match.Value);
                }
            }
        }

        return names;
    }

    [GeneratedRegex(@"^  (?<column>-\S+(?: [^ ]\S*)?)(?:\s{2,}|$)")]
    private static partial Regex HelpOption();

    [GeneratedRegex(@"(?<![\w-])--?[A-Za-z][A-Za-z-]*")]
    private static partial Regex OptionName();
}
