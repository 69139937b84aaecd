namespace UnitTrustLoad.Configuration;

/// <summary>
/// Which forward proxy the suite's requests go through: Target:Proxy when set (for http:// and https:// alike), else
/// the environment as curl reads it (http_proxy/HTTP_PROXY for http://, https_proxy/HTTPS_PROXY for https://), with
/// no_proxy/NO_PROXY naming the hosts that are reached directly (for both sources). Loopback is not special: 127.0.0.1
/// is proxied unless NO_PROXY names it. The embedded simulator is never proxied.
/// </summary>
internal sealed record ProxySettings(Uri? HttpProxy, Uri? HttpsProxy, string Source, IReadOnlyList<string> NoProxy)
{
    public const string Setting = "Target:Proxy";

    /// <summary>The proxy for <paramref name="destination"/>, or null when it is reached directly.</summary>
    public Uri? For(Uri destination)
    {
        var proxy = destination.Scheme == Uri.UriSchemeHttps ? HttpsProxy : HttpProxy;
        return proxy is null || Bypasses(destination) ? null : proxy;
    }

    /// <summary>NO_PROXY's rule: "*" is every host; an entry matches its host and every subdomain, and its port when it names one.</summary>
    public bool Bypasses(Uri destination)
    {
        var host = destination.IdnHost.Trim('[', ']').ToLowerInvariant();
        foreach (var raw in NoProxy)
        {
            var entry = raw;
            if (entry == "*")
            {
                return true;
            }

            var port = -1;
            var colon = entry.LastIndexOf(':');
            if (colon > 0 && entry.IndexOf(':') == colon && int.TryParse(entry[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var p))
            {
                port = p;
                entry = entry[..colon];
            }

            entry = entry.TrimStart('*').TrimStart('.').Trim('[', ']');
            if (entry.Length == 0 || (port >= 0 && port != destination.Port))
            {
                continue;
            }

            if (host == entry || host.EndsWith("." + entry, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For the settings line: the proxy without any credentials in it, where it came from, and NO_PROXY.</summary>
    public string Describe(Uri target)
    {
        var used = For(target);
        var bypass = NoProxy.Count == 0 ? "" : $"; NO_PROXY {string.Join(",", NoProxy)}";
        return used is null
            ? $"none for {target.Authority} (NO_PROXY names it; {Source}{bypass})"
            : $"{WithoutCredentials(used)} (from {Source}{bypass})";
    }

    public static string WithoutCredentials(Uri proxy) => $"{proxy.Scheme}://{proxy.Authority}";

    /// <summary>The proxies in effect, or null for none; problems (a malformed proxy URL) added to <paramref name="problems"/>.</summary>
    public static ProxySettings? Resolve(SuiteOptions options, List<string> problems)
    {
        if (options.UsesEmbeddedSimulator && string.IsNullOrWhiteSpace(options.Target.Proxy))
        {
            return null;
        }

        var noProxy = Split(Variable("no_proxy", "NO_PROXY"));
        if (!string.IsNullOrWhiteSpace(options.Target.Proxy))
        {
            var proxy = Parse(options.Target.Proxy, Setting, problems);
            return proxy is null ? null : new ProxySettings(proxy, proxy, Setting, noProxy);
        }

        var http = Variable("http_proxy", "HTTP_PROXY");
        var https = Variable("https_proxy", "HTTPS_PROXY");
        if (http is null && https is null)
        {
            return null;
        }

        var httpProxy = http is null ? null : Parse(http.Value.Value, http.Value.Name, problems);
        var httpsProxy = https is null ? null : Parse(https.Value.Value, https.Value.Name, problems);
        var source = string.Join(" and ", new[] { http?.Name, https?.Name }.Where(n => n is not null));
        return httpProxy is null && httpsProxy is null ? null : new ProxySettings(httpProxy, httpsProxy, source, noProxy);
    }

    private static (string Name, string Value)? Variable(string lower, string upper)
    {
        foreach (var name in new[] { lower, upper })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                return (name, value.Trim());
            }
        }

        return null;
    }

    private static string[] Split((string Name, string Value)? noProxy)
        => noProxy is null ? [] : noProxy.Value.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.ToLowerInvariant()).ToArray();

    private static Uri? Parse(string value, string source, List<string> problems)
    {
        // curl takes "host:port" without a scheme as http://.
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var proxy) && (proxy.Scheme == Uri.UriSchemeHttp || proxy.Scheme == Uri.UriSchemeHttps)
            && proxy.Host.Length > 0 && proxy.AbsolutePath is "/" or "")
        {
            return proxy;
        }

        // The value may hold a password: name only where it came from.
        problems.Add($"{source}: the proxy is not an http:// or https:// URL with a host (for example http://proxy.example:3128); fix or unset it.");
        return null;
    }
}
