using System.Text.RegularExpressions;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>The app as its own process: the console holds only what the suite says, and CI's variables are honoured.</summary>
[Collection(AppRunsSerially.Name)]
public sealed partial class AppProcessTests
{
    [Fact]
    public async Task Help_prints_no_framework_line()
    {
        var run = await AppProcess.RunAsync(["--help"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        FrameworkLines(run).ShouldBeEmpty(run.Describe());
    }

    [Fact]
    public async Task A_short_run_on_the_embedded_simulator_prints_no_framework_line()
    {
        var root = Path.Combine(Path.GetTempPath(), "utl-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var run = await AppProcess.RunAsync(["--duration", "2s", "--out", root, "--Load:ReportingInterval=1s", "--Load:StopGracePeriod=2s"]);

            run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
            run.Stdout.ShouldContain("Reports: ");
            FrameworkLines(run).ShouldBeEmpty(run.Describe());
            run.FilesWrittenToHome.Where(f => f.StartsWith(".aspnet", StringComparison.Ordinal)).ShouldBeEmpty("no data-protection key ring on disk");
        }
        finally
        {
            Delete(root);
        }
    }

    [Fact]
    public async Task With_GITHUB_STEP_SUMMARY_set_the_run_appends_its_summary_md_to_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "utl-tests", Guid.NewGuid().ToString("N"));
        var stepSummary = Path.Combine(Path.GetTempPath(), $"utl-step-summary-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(stepSummary, "# earlier step\n");
        try
        {
            var run = await AppProcess.RunAsync(
                ["--duration", "2s", "--out", root, "--Load:ReportingInterval=1s", "--Load:StopGracePeriod=2s"],
                new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = stepSummary });

            run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
            var summary = await File.ReadAllTextAsync(Path.Combine(Directory.GetDirectories(root).Single(), "summary.md"));
            var appended = await File.ReadAllTextAsync(stepSummary);
            appended.ShouldStartWith("# earlier step\n");
            appended[("# earlier step\n".Length)..].TrimEnd().ShouldBe(summary.TrimEnd());
            summary.ShouldContain("| setting | value |");
        }
        finally
        {
            Delete(root);
            File.Delete(stepSummary);
        }
    }

    /// <summary>Microsoft.Extensions.Logging's console format ("warn: Category[id]") and data protection's words.</summary>
    private static List<string> FrameworkLines(AppProcess run)
    {
        var lines = new List<string>();
        foreach (var line in (run.Stdout + "\n" + run.Stderr).Split('\n'))
        {
            if (LogLine().IsMatch(line) || line.Contains("XML encryptor", StringComparison.OrdinalIgnoreCase)
                || line.Contains("DataProtection", StringComparison.Ordinal) || line.Contains("warning NU", StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^\s*(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex LogLine();
}
