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
    public async Task A_token_server_fault_while_renewing_for_the_balance_probe_is_retried_not_no_token()
    {
        // The first token arrives already past its expiry (one second's lifetime, answered after 800 ms), so the
        // balance probe must renew it, and that renewal gets a 500: a fault of the moment, as for the first token.
        var asked = 0;
        var probed = 0;
        using var interrupt = new CancellationTokenSource();
        await using var server = await LoopbackTarget.StartAsync((app, _) =>
        {
            app.MapPost("/core/connect/token", async () =>
            {
                switch (Interlocked.Increment(ref asked))
                {
                    case 1:
                        await Task.Delay(800);
                        return Results.Content("""{"access_token":"short","token_type":"Bearer","expires_in":1,"scope":"innovaSuiteApi"}""", "application/json");
                    case 2:
                        return Results.StatusCode(500);
                    default:
                        return Results.Content("""{"access_token":"long","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json");
                }
            });
            app.MapPost("/api/UnitTrust/FetchInvestorUnitTrustFunds", () =>
            {
                if (Interlocked.Increment(ref probed) == 1)
                {
                    // Preflight passed: end the run soon after rather than loading this stand-in target.
                    interrupt.CancelAfter(TimeSpan.FromSeconds(1));
                }

                return Results.NotFound();
            });
        });
        using var run = await AppRun.StartAsync(
            ["--target", server.Url, "--Auth:RetryBackoff=00:00:00.100", "--scenario", "balance", "--vus", "1", "--duration", "00:00:02", .. Credentials],
            interrupt.Token);

        run.Stderr.ShouldNotContain("Preflight failed", customMessage: run.Describe());
        run.Stdout.ShouldContain("renewing the token for the balance request, the token server answered 500", customMessage: run.Stdout);
        probed.ShouldBeGreaterThan(0);
        asked.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task A_token_server_that_fails_for_good_after_the_first_token_ends_preflight_instead_of_waiting_forever()
    {
        // As above, but every renewal fails: a load step would wait through that outage; preflight must not.
        var asked = 0;
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var server = await LoopbackTarget.StartAsync((app, _) =>
        {
            app.MapPost("/core/connect/token", async () =>
            {
                if (Interlocked.Increment(ref asked) > 1)
                {
                    return Results.StatusCode(500);
                }

                await Task.Delay(800);
                return Results.Content("""{"access_token":"short","token_type":"Bearer","expires_in":1,"scope":"innovaSuiteApi"}""", "application/json");
            });
            app.MapPost("/api/UnitTrust/FetchInvestorUnitTrustFunds", () => Results.NotFound());
        });
        var clock = Stopwatch.StartNew();
        using var run = await AppRun.StartAsync(["--target", server.Url, "--Auth:RetryBackoff=00:00:00.100", .. Credentials], interrupt.Token);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("failed (500", customMessage: run.Stderr);
        run.Stderr.ShouldContain("not the credentials");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), run.Describe());
        asked.ShouldBe(6, "the first token, then five renewals backing off, as for a first token");
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
