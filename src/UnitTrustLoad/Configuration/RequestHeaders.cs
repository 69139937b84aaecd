namespace UnitTrustLoad.Configuration;

/// <summary>
/// Target:Headers: extra request headers on every API request (an API key, a correlation id). A value written
/// "env:NAME" is read from the environment variable NAME and never printed. Names must be HTTP tokens, and the headers
/// the clients write themselves (framing, Host, the token, the body's type) are refused.
/// </summary>
internal static class RequestHeaders
{
    public const string Section = "Target:Headers";

    /// <summary>A value starting with this names the environment variable that holds it.</summary>
    public const string FromEnvironment = "env:";

    private static readonly string[] Refused =
        ["Host", "Content-Length", "Transfer-Encoding", "Connection", "Authorization", "Content-Type", "Accept-Encoding"];

    /// <summary>The headers in configured order, values resolved; every problem added to <paramref name="problems"/>.</summary>
    public static List<RequestHeader> Resolve(Dictionary<string, string> configured, List<string> problems)
    {
        var headers = new List<RequestHeader>(configured.Count);
        foreach (var (name, raw) in configured)
        {
            var path = $"{Section}:{name}";
            if (!IsToken(name))
            {
                problems.Add($"{path}: '{name}' is not a header name; use letters, digits and !#$%&'*+-.^_`|~ only (for example X-Api-Key).");
                continue;
            }

            if (Array.Exists(Refused, r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{path}: the suite writes {name} itself; remove it"
                    + (string.Equals(name, "Accept-Encoding", StringComparison.OrdinalIgnoreCase) ? " and set Target:AcceptEncoding (gzip, br) instead." : "."));
                continue;
            }

            var value = raw ?? "";
            string? variable = null;
            if (value.StartsWith(FromEnvironment, StringComparison.Ordinal))
            {
                variable = value[FromEnvironment.Length..];
                value = variable.Length == 0 ? "" : Environment.GetEnvironmentVariable(variable) ?? "";
                if (value.Length == 0)
                {
                    problems.Add($"{path}: the environment variable '{variable}' named by env:{variable} is not set or empty; export it before the run.");
                    continue;
                }
            }

            if (!IsFieldValue(value))
            {
                problems.Add(variable is null
                    ? $"{path}: the value may hold only visible ASCII, spaces and tabs (no line breaks)."
                    : $"{path}: the value of environment variable '{variable}' may hold only visible ASCII, spaces and tabs (no line breaks).");
                continue;
            }

            headers.Add(new RequestHeader(name, value, variable));
        }

        return headers;
    }

    /// <summary>The settings line: names and plain values, values from the environment redacted.</summary>
    public static string Describe(IReadOnlyList<RequestHeader> headers)
        => headers.Count == 0 ? "none" : string.Join("; ", headers.Select(h => h.Describe()));

    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFieldValue(string value)
    {
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or > '\x7e' || (c < ' ' && c != '\t'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One extra request header; <see cref="FromVariable"/> names the environment variable its value came from (then it is a secret).</summary>
internal sealed record RequestHeader(string Name, string Value, string? FromVariable)
{
    /// <summary>For settings and logs: a value from the environment is never shown.</summary>
    public string Describe() => FromVariable is null ? $"{Name}: {Value}" : $"{Name}: (from environment variable {FromVariable}, redacted)";

    /// <summary>Never print a secret value.</summary>
    public override string ToString() => Describe();
}
