using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>NO_PROXY as curl reads it: hosts and their subdomains, an optional port, "*"; loopback only when named.</summary>
public sealed class ProxySettingsTests
{
    private static readonly Uri Http = new("http://proxy.example:3128");
    private static readonly Uri Https = new("http://secure-proxy.example:3128");

    [Theory]
    [InlineData("http://127.0.0.1:5000/api", "", "http://proxy.example:3128/")]
    [InlineData("http://127.0.0.1:5000/api", "127.0.0.1", null)]
    [InlineData("http://api.internal.example/x", ".internal.example", null)]
    [InlineData("http://api.internal.example/x", "internal.example", null)]
    [InlineData("http://notinternal.example/x", "internal.example", "http://proxy.example:3128/")]
    [InlineData("http://api.example:8080/x", "api.example:9090", "http://proxy.example:3128/")]
    [InlineData("http://api.example:8080/x", "api.example:8080", null)]
    [InlineData("http://[::1]:8080/x", "::1", null)]
    [InlineData("https://api.example/x", "", "http://secure-proxy.example:3128/")]
    [InlineData("https://api.example/x", "*", null)]
    public void The_proxy_for_a_destination_follows_NO_PROXY(string destination, string noProxy, string? expected)
    {
        var settings = new ProxySettings(Http, Https, "HTTP_PROXY and HTTPS_PROXY", noProxy.Split(',', StringSplitOptions.RemoveEmptyEntries));

        settings.For(new Uri(destination))?.AbsoluteUri.ShouldBe(expected);
        if (expected is null)
        {
            settings.For(new Uri(destination)).ShouldBeNull();
        }
    }

    [Fact]
    public void Credentials_in_the_proxy_url_are_never_described()
    {
        var settings = new ProxySettings(new Uri("http://user:s3cret@proxy.example:3128"), null, ProxySettings.Setting, []);

        settings.Describe(new Uri("http://api.example/")).ShouldBe("http://proxy.example:3128 (from Target:Proxy)");
    }
}
