using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Preflight names the real cause and the setting that fixes it, says what it waits for, and hears Ctrl+C (issue 13.8, 13.11).</summary>
[Collection(AppRunsSerially.Name)]
public sealed class PreflightTests
{
    private static string[] Credentials => ["--Auth:ClientId=someone", "--Auth:ClientSecret=generated-" + Guid.NewGuid().ToString("N")];

    [Fact]
    public async Task A_token_server_that_fails_with_500_is_its_health_not_the_credentials()
    {
        var asked = 0;
        await using var server = await LoopbackTarget.StartAsync((app, _) => app.MapPost("/core/connect/token", () =>
        {
            Interlocked.Increment(ref asked);
            return Results.StatusCode(500);
        }));
        using var run = await AppRun.StartAsync(["--target", server.Url, "--Auth:RetryBackoff=00:00:00.100", .. Credentials]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("failed (500", customMessage: run.Stderr);
        run.Stderr.ShouldContain("not the credentials");
        run.Stderr.ShouldNotContain("Check Auth:ClientId");
        run.Stdout.ShouldContain($"Preflight: asking {server.Url}/core/connect/token for a token (client someone");

        // A 5xx may be a fault of the moment: five requests, backing off, before it is called the server's health.
        run.Stdout.ShouldContain("asking again in");
        run.Stdout.ShouldContain("(attempt 5 of 5)");
        asked.ShouldBe(5);
    }

    [Fact]
    public async Task An_api_host_without_a_token_endpoint_names_Auth_TokenUrl()
    {
        await using var server = await LoopbackTarget.StartAsync((app, _) => app.MapPost("/api/UnitTrust/FetchInvestorUnitTrustFunds", () => Results.Ok()));
        using var run = await AppRun.StartAsync(["--target", server.Url, .. Credentials]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("there is no token endpoint at");
        run.Stderr.ShouldContain("(it answered 404)");
        run.Stderr.ShouldContain("Fix: set Auth:TokenUrl");
    }

    [Fact]
    public async Task An_untrusted_certificate_is_trust_with_the_chain_error_not_unreachable()
    {
        await using var server = await LoopbackTarget.StartAsync((app, _) => app.MapPost("/core/connect/token", () => Results.Ok()), https: true);
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
}
