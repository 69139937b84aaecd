using UnitTrustLoad.Reporting;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Runs the app in-process with its output captured and a fresh report root.</summary>
internal sealed class AppRun : IDisposable
{
    private AppRun(string root) => Root = root;

    public string Root { get; }

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    /// <summary>The single run folder written under <see cref="Root"/>.</summary>
    public string Folder => Directory.Exists(Root) && Directory.GetDirectories(Root) is [var only]
        ? only
        : throw new InvalidOperationException($"Expected one run folder under {Root}; the run said:{Environment.NewLine}{Describe()}");

    public RunSummary Summary => RunSummary.Load(Folder);

    public static Task<AppRun> StartAsync(IEnumerable<string> args, CancellationToken cancellationToken = default)
        => StartAsync(args, Path.Combine(Path.GetTempPath(), "utl-tests", Guid.NewGuid().ToString("N")), cancellationToken);

    /// <summary>Runs with <paramref name="root"/> as report root, so a test can watch the run folder appear.</summary>
    public static async Task<AppRun> StartAsync(IEnumerable<string> args, string root, CancellationToken cancellationToken)
    {
        var run = new AppRun(root);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // Plain output, a short interval and grace so runs stay a few seconds.
        string[] all = ["--out", root, "--Load:ReportingInterval=00:00:01", "--Load:StopGracePeriod=00:00:02", .. args];
        run.ExitCode = await UnitTrustLoadApp.RunAsync(all, stdout, stderr, cancellationToken);
        run.Stdout = stdout.ToString();
        run.Stderr = stderr.ToString();
        return run;
    }

    public string Describe() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
