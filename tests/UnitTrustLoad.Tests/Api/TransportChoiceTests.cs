using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Api;

public sealed class TransportChoiceTests
{
    [Theory]
    [InlineData("auto", "http://127.0.0.1:5000", true)]
    [InlineData("AUTO", "https://api.example.test", false)]
    [InlineData("lean", "http://api.example.test", true)]
    [InlineData("httpclient", "http://127.0.0.1:5000", false)]
    public void Auto_picks_lean_for_plain_http_and_httpclient_for_tls(string setting, string url, bool lean)
        => TransportChoice.UsesLean(setting, new Uri(url)).ShouldBe(lean);

    [Fact]
    public void An_unknown_transport_and_lean_over_https_are_configuration_errors()
    {
        var unknown = SuiteConfiguration.Load(
            CommandLine.Parse(["--target", "http://127.0.0.1:5000", "--Target:Transport=turbo"]), SuiteConfiguration.FindConfigDirectory());
        var leanOverTls = SuiteConfiguration.Load(
            CommandLine.Parse(["--target", "https://api.example.test", "--Target:Transport=lean"]), SuiteConfiguration.FindConfigDirectory());

        unknown.Problems.ShouldContain(p => p.Contains("Transport", StringComparison.Ordinal) && p.Contains("auto, lean or httpclient", StringComparison.Ordinal));
        leanOverTls.Problems.ShouldContain(p => p.StartsWith("Target:Transport: 'lean' speaks plain http:// only", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lean_client_honours_the_pooled_connection_lifetime()
        => TransportChoice.LeanOptions(new TargetOptions { PooledConnectionLifetime = TimeSpan.FromSeconds(7) }).PooledConnectionLifetime.ShouldBe(TimeSpan.FromSeconds(7));
}
