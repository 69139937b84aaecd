using System.Net;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Api;

/// <summary>
/// <see cref="ProxySettings"/> as HttpClient asks for it, per destination (the API and the token server may differ in
/// scheme and host). Credentials written in the proxy URL (http://user:pass@proxy:3128) are sent as proxy credentials.
/// </summary>
internal sealed class TargetProxy(ProxySettings settings) : IWebProxy
{
    public ICredentials? Credentials { get; set; } = CredentialsOf(settings.HttpProxy ?? settings.HttpsProxy);

    public Uri? GetProxy(Uri destination) => settings.For(destination) is { } proxy ? new Uri(ProxySettings.WithoutCredentials(proxy)) : null;

    public bool IsBypassed(Uri host) => settings.For(host) is null;

    private static NetworkCredential? CredentialsOf(Uri? proxy)
    {
        if (proxy is null || proxy.UserInfo.Length == 0)
        {
            return null;
        }

        var parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
