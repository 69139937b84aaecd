namespace UnitTrustLoad;

/// <summary>The process exit codes, in one place (documented in docs/usage.md).</summary>
internal static class ExitCodes
{
    /// <summary>Every threshold passed.</summary>
    public const int Passed = 0;

    /// <summary>Something unexpected broke the suite itself (a bug: the message says what).</summary>
    public const int Unexpected = 1;

    /// <summary>Invalid configuration or command-line arguments; nothing was sent.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The target failed its preflight: unreachable, or no token could be had.</summary>
    public const int PreflightFailed = 3;

    /// <summary>A threshold failed (k6's convention).</summary>
    public const int ThresholdFailed = 99;

    /// <summary>Interrupted (Ctrl+C, SIGTERM, cancellation); reports were still written.</summary>
    public const int Interrupted = 130;
}
