using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Preflight names the real cause and the setting that fixes it, says what it waits for, and hears Ctrl+C (issue 13.8, 13.11).</summary>
[Collection(AppRunsSerially.Name)]
public sealed class PreflightTests
{
    private static string[] Credentials => ["--Auth:ClientId=someone", "--Auth:ClientSecret=generated-" + Guid.NewGuid().ToString("N")];

    [Fact]
    public async Task A_token_server_that_fails_with_500_is_its_health_not_the_credentials()
    {
        await using var server = await TestServer.StartAsync(app => app.MapPost("/core/connect/token", () => Results.StatusCode(500)));
        using var run = await AppRun.StartAsync(["--target", server.Url, .. Credentials]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("failed (500", customMessage: run.Stderr);
        run.Stderr.ShouldContain("not the credentials");
        run.Stderr.ShouldNotContain("Check Auth:ClientId");
        run.Stdout.ShouldContain($"Preflight: asking {server.Url}/core/connect/token for a token (client someone");
    }

    [Fact]
    public async Task An_api_host_without_a_token_endpoint_names_Auth_TokenUrl()
    {
        await using var server = await TestServer.StartAsync(app => app.MapPost("/api/UnitTrust/FetchInvestorUnitTrustFunds", () => Results.Ok()));
        using var run = await AppRun.StartAsync(["--target", server.Url, .. Credentials]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("there is no token endpoint at");
        run.Stderr.ShouldContain("(it answered 404)");
        run.Stderr.ShouldContain("Fix: set Auth:TokenUrl");
    }

    [Fact]
    public async Task An_untrusted_certificate_is_trust_with_the_chain_error_not_unreachable()
    {
        await using var server = await TestServer.StartAsync(app => app.MapPost("/core/connect/token", () => Results.Ok()), https: true);
        using var run = await AppRun.StartAsync(["--target", server.Url, .. Credentials]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("certificate at");
        run.Stderr.ShouldContain("is not trusted");
        run.Stderr.ShouldContain("errors in the certificate chain: UntrustedRoot", customMessage: run.Stderr);
        run.Stderr.ShouldNotContain("unreachable");
    }

    [Fact]
    public async Task Ctrl_C_during_a_silent_preflight_exits_130_at_once()
    {
        // Accepts connections and never answers: the token request would wait for Target:RequestTimeout (30 s).
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await silent.AcceptSocketAsync());
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        using var run = await AppRun.StartAsync(["--target", url, .. Credentials], interrupt.Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), run.Describe());
        run.ExitCode.ShouldBe(ExitCodes.Interrupted, run.Describe());
        run.Stdout.ShouldContain("Preflight: asking");
        run.Stderr.ShouldContain("Interrupted during the preflight");
        silent.Stop();
        await accepting;
        accepted.ForEach(s => s.Dispose());
    }

    private sealed class TestServer(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<TestServer> StartAsync(Action<WebApplication> map, bool https = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (https)
                {
                    listen.UseHttps(SelfSigned());
                }
            }));
            var app = builder.Build();
            map(app);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TestServer(app, address.TrimEnd('/'));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        private static X509Certificate2 SelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
