namespace UnitTrustLoad.Configuration;

/// <summary>
/// Target:AcceptEncoding: the compressions asked for ("gzip", "br", or both comma-separated; empty asks for none). Both
/// clients send Accept-Encoding and decode the answers, so a target that compresses is measured as its clients see it.
/// </summary>
internal static class AcceptEncodings
{
    public const string Setting = "Target:AcceptEncoding";

    private static readonly string[] Allowed = ["gzip", "br"];

    /// <summary>The Accept-Encoding value ("gzip, br"), or null for none; problems added to <paramref name="problems"/>.</summary>
    public static string? Resolve(string? configured, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(configured) || configured.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var codings = new List<string>();
        foreach (var part in configured.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var known = Array.Find(Allowed, a => a.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add($"{Setting}: '{part}' is not a coding the suite decodes; use gzip, br or both (gzip,br), or leave it empty for none.");
                return null;
            }

            if (!codings.Contains(known))
            {
                codings.Add(known);
            }
        }

        return codings.Count == 0 ? null : string.Join(", ", codings);
    }
}
