using System.Text.RegularExpressions;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Writing;

/// <summary>The library shows whatever checks and run files its caller hands it, and knows none of them by name.</summary>
public sealed partial class CallerChecksTests
{
    private static readonly CheckSummary Stock = new("stock", 12, 2, "12 shelves counted, 2 short");

    [Fact]
    public async Task Every_format_shows_a_check_the_library_has_never_heard_of()
    {
        var context = SampleRun.Context(checks: [Stock]);
        using var folder = new TempFolder();
        await ReportWriterSet.Default.WriteAllAsync(context, folder.Path);

        TextSummary.Render(context).ShouldContain("✗ stock: 12 shelves counted, 2 short");
        File.ReadAllText(folder.File("summary.md")).ShouldContain("**Stock:** ❌ 12 shelves counted, 2 short");
        File.ReadAllText(folder.File("junit.xml")).ShouldContain("stock: 12 shelves counted, 2 short");
        var html = File.ReadAllText(folder.File("report.html"));
        html.ShouldContain("<section id=\"stock\" class=\"check\"><h2>Stock</h2>");
        html.ShouldNotContain("id=\"consistency\"");
        var summary = RunSummary.Load(folder.Path);
        summary.Check("stock").ShouldBe(Stock);
        summary.Check("consistency").ShouldBeNull();
    }

    [Fact]
    public async Task Without_checks_no_report_shows_one()
    {
        var context = SampleRun.Context(checks: []);
        using var folder = new TempFolder();
        await ReportWriterSet.Default.WriteAllAsync(context, folder.Path);

        TextSummary.Render(context).ShouldNotContain("checked against the ledger");
        File.ReadAllText(folder.File("report.html")).ShouldNotContain("class=\"check\"");
        File.ReadAllText(folder.File("summary.md")).ShouldNotContain("**Consistency:**");
    }

    [Fact]
    public void A_summary_written_before_checks_existed_still_loads_as_a_baseline()
    {
        var context = SampleRun.Context();
        var old = ChecksProperty().Replace(RunSummary.From(context).ToJson(), "\"consistency\": { \"checked\": 4321, \"violations\": 0 }");
        old.ShouldNotContain("\"checks\"");

        var baseline = RunSummary.Parse(old);

        baseline.Check("consistency").ShouldBeNull();
        baseline.TestName.ShouldBe(context.Result.TestName);
    }

    [Fact]
    public void The_library_names_no_concept_of_the_unit_trust_suite()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "UnitTrustLoad.Reporting");
        var words = DomainWords();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar);
            if (relative.Any(part => part is "obj" or "bin" or "node_modules"))
            {
                continue;
            }

            var text = File.ReadAllText(file).Replace("UnitTrustLoad", string.Empty, StringComparison.OrdinalIgnoreCase);
            var found = words.Match(text);
            found.Success.ShouldBeFalse($"{file} names '{found.Value}'; hand it in from the app instead");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UnitTrustLoad.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("UnitTrustLoad.sln not found above the test's folder");
    }

    [GeneratedRegex("\"checks\": \\[[^\\]]*\\]", RegexOptions.Singleline)]
    private static partial Regex ChecksProperty();

    [GeneratedRegex(@"consisten|ledger|investor|balance|purchase|reconcil|unit ?trust|failures\.log", RegexOptions.IgnoreCase)]
    private static partial Regex DomainWords();
}
