using System.Diagnostics;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// Runs the built app as its own process (dotnet UnitTrustLoad.dll), for what only a real process shows: everything the
/// framework writes to the console, and the environment a CI runner sets.
/// </summary>
internal sealed class AppProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public int ExitCode { get; private init; }

    public string Stdout { get; private init; } = "";

    public string Stderr { get; private init; } = "";

    /// <summary>Files the app left in its (fresh) home directory, relative to it.</summary>
    public IReadOnlyList<string> FilesWrittenToHome { get; private init; } = [];

    public string Describe() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}";

    public static async Task<AppProcess> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "UnitTrustLoad.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own settings are not a user's.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Logging__LogLevel__Default", StepSummaryVariable })
        {
            start.Environment.Remove(name);
        }

        // A fresh home, as on a new user's machine: nothing the framework stored there on an earlier run (a data-protection
        // key ring, say) may hide what a first run prints.
        var home = Path.Combine(Path.GetTempPath(), "utl-tests", "home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not finish within {Limit}.");
        }

        var result = new AppProcess
        {
            ExitCode = process.ExitCode,
            Stdout = await stdout,
            Stderr = await stderr,
            FilesWrittenToHome = [.. Directory.GetFiles(home, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(home, f))],
        };
        Directory.Delete(home, recursive: true);
        return result;
    }

    private const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";
}
