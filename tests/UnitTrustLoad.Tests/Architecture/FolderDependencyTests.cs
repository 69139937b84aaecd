using System.Text.RegularExpressions;

namespace UnitTrustLoad.Tests.Architecture;

/// <summary>
/// The app's folders are rooms with one-way doors (docs/architecture.md): read from the sources' using directives and
/// fully qualified names, no folder reaches one that reaches back, and each reaches only what the map allows.
/// </summary>
public sealed partial class FolderDependencyTests
{
    // What each folder of src/UnitTrustLoad may use of the others (and of the engine); the map in docs/architecture.md.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Configuration"] = ["Engine"],
        ["Api"] = ["Configuration"],
        ["Investors"] = ["Api", "Configuration"],
        ["Ledger"] = ["Api", "Investors", "Engine"],
        ["Scenarios"] = ["Api", "Configuration", "Investors", "Ledger", "Engine"],
        ["Console"] = ["Engine"],
        ["Run"] = ["Api", "Configuration", "Console", "Investors", "Ledger", "Scenarios", "Engine"],
    };

    [Fact]
    public void No_app_folder_uses_another_that_the_map_does_not_allow()
    {
        var problems = new List<string>();
        foreach (var (folder, uses) in Uses())
        {
            if (!Allowed.TryGetValue(folder, out var allowed))
            {
                problems.Add($"{folder}/ is not on the map in docs/architecture.md");
                continue;
            }

            foreach (var used in uses)
            {
                if (used != folder && Array.IndexOf(allowed, used) < 0)
                {
                    problems.Add($"{folder}/ uses {used}/");
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_map_itself_has_no_circle()
    {
        foreach (var start in Allowed.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(Allowed[start]);
            while (queue.TryDequeue(out var next))
            {
                next.ShouldNotBe(start, $"{start}/ reaches itself through the folders it uses");
                if (seen.Add(next) && Allowed.TryGetValue(next, out var further))
                {
                    foreach (var f in further)
                    {
                        queue.Enqueue(f);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_http_client_project_knows_no_json_no_engine_and_no_app_type()
    {
        var http = Path.Combine(RepositoryRoot(), "src", "UnitTrustLoad.Http");
        foreach (var file in Directory.EnumerateFiles(http, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            text.ShouldNotContain("System.Text.Json", customMessage: file);
            text.ShouldNotContain("UnitTrustLoad.Engine", customMessage: file);
            text.ShouldNotMatch(@"UnitTrustLoad\.(Api|Scenarios|Investors|Ledger|Run|Configuration)\b", customMessage: file);
        }
    }

    private static Dictionary<string, HashSet<string>> Uses()
    {
        var app = Path.Combine(RepositoryRoot(), "src", "UnitTrustLoad");
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(app, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Length < 2 || parts[0] is "obj" or "bin")
            {
                continue; // Program.cs, UnitTrustLoadApp.cs and ExitCodes.cs at the root compose; they may use anything.
            }

            var uses = result.TryGetValue(parts[0], out var set) ? set : result[parts[0]] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in Reference().Matches(File.ReadAllText(file)))
            {
                uses.Add(match.Groups[1].Value);
            }
        }

        return result;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UnitTrustLoad.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("UnitTrustLoad.sln not found above the test binary");
    }

    // "using UnitTrustLoad.Api;", "UnitTrustLoad.Engine.Scenarios.Response" and the like: the app folder (or Engine) named.
    [GeneratedRegex(@"\bUnitTrustLoad\.(Api|Configuration|Console|Investors|Ledger|Run|Scenarios|Engine)\b")]
    private static partial Regex Reference();
}
