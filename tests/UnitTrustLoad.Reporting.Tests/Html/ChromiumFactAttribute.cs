namespace UnitTrustLoad.Reporting.Tests.Html;

/// <summary>A fact that needs Debian's chromium; skipped, with the reason, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"No browser at {ExecutablePath}: install Debian's chromium (apt-get install chromium; .ci/run does) to run the report's browser check.";
        }
    }
}
