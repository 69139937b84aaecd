using System.Diagnostics;
using System.Text.Json;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.Repository;

/// <summary>docs/ci/: the GitHub Actions workflow parses and does what it says, and so, as far as text shows, does the Jenkinsfile.</summary>
public sealed class CiExamplesTests
{
    private const string Command = "dotnet run -c Release --project src/UnitTrustLoad -- ";

    [Fact]
    public async Task The_github_workflow_is_valid_yaml_that_runs_the_suite_against_a_target_and_publishes_junit_and_the_report()
    {
        using var workflow = await YamlAsJsonAsync(RepositoryRoot.File("docs", "ci", "github-actions.yml"));

        var steps = workflow.RootElement.GetProperty("jobs").GetProperty("load-test").GetProperty("steps").EnumerateArray().ToList();
        var run = steps.Single(s => s.TryGetProperty("run", out _));
        var script = run.GetProperty("run").GetString()!;
        script.ShouldStartWith(Command);
        AcceptedByTheParser(script[Command.Length..]);
        script.ShouldContain("--target \"$TARGET\"");
        run.GetProperty("env").GetProperty("UNITTRUSTLOAD_Auth__ClientSecret").GetString().ShouldBe("${{ secrets.UNITTRUSTLOAD_CLIENT_SECRET }}");

        var junit = steps.Single(s => s.TryGetProperty("uses", out var uses) && uses.GetString()!.StartsWith("mikepenz/action-junit-report@", StringComparison.Ordinal));
        junit.GetProperty("with").GetProperty("report_paths").GetString().ShouldBe("reports/**/junit.xml");
        var upload = steps.Single(s => s.TryGetProperty("uses", out var uses) && uses.GetString()!.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        upload.GetProperty("with").GetProperty("path").GetString().ShouldBe("reports/");
        foreach (var publish in new[] { junit, upload })
        {
            publish.GetProperty("if").GetString().ShouldBe("${{ !cancelled() }}", "a failed threshold must still publish");
        }
    }

    [Fact]
    public void The_jenkinsfile_runs_the_suite_against_a_target_and_publishes_junit_and_the_report()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docs", "ci", "Jenkinsfile"));

        var start = text.IndexOf(Command, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var end = text.IndexOf('\'', start);
        AcceptedByTheParser(text[(start + Command.Length)..end]);
        text.ShouldContain("junit testResults: 'reports/**/junit.xml'");
        text.ShouldContain("reportFiles: 'report.html'");
        text.ShouldContain("credentials('unittrustload-client-secret')");
        text.ShouldContain("code == 99");
        text.Count(c => c == '{').ShouldBe(text.Count(c => c == '}'));
    }

    /// <summary>The options the CI files pass are ones the app takes (variables stand in for values).</summary>
    private static void AcceptedByTheParser(string arguments)
    {
        var args = arguments.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a switch { "\"$TARGET\"" => "https://api.example.test", "\"$PROFILE\"" => "smoke", _ => a })
            .ToArray();
        args.ShouldContain("--target");
        CommandLine.Parse(args).Problems.ShouldBeEmpty(arguments);
    }

    /// <summary>PyYAML (which .ci/run installs) reads the file; the test reads its JSON.</summary>
    private static async Task<JsonDocument> YamlAsJsonAsync(string path)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=str))");
        start.ArgumentList.Add(path);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("This test reads YAML with python3 and PyYAML (apt-get install python3-yaml); python3 was not found.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0, $"{path} did not parse as YAML (or PyYAML is missing: apt-get install python3-yaml): {await stderr}");
            return JsonDocument.Parse(await stdout);
        }
    }
}
