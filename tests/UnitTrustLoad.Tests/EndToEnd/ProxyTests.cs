using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Reporting;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// Forward proxies (issue 18): HTTP_PROXY, NO_PROXY and Target:Proxy, through Debian's tinyproxy on loopback. The app
/// runs as its own process, so the proxy variables are its environment, not the test runner's. 127.0.0.1 is proxied
/// unless NO_PROXY names it (the suite does not bypass loopback on its own), which is what makes these tests honest.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class ProxyTests
{
    [TinyproxyFact]
    public async Task Every_request_goes_through_the_proxy_HTTP_PROXY_names_and_its_log_shows_each_one()
    {
        using var proxy = await Tinyproxy.StartAsync();
        var target = new ViaCountingTarget();
        await using var server = await target.StartAsync();
        var run = await RunAsync(server, [], new() { ["HTTP_PROXY"] = proxy.Url });

        ShouldFailOnlyWhereTinyproxyClosed(run);
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        register.OkCount.ShouldBeGreaterThan(5);
        server.Registrations.ShouldBe(register.OkCount);
        target.Requests.ShouldBeGreaterThan(register.OkCount, "the token and the preflight's balance request too");
        target.ThroughProxy.ShouldBe(target.Requests, "every request the target saw came through tinyproxy (its Via header)");
        proxy.RequestsFor(server.Url + "/").ShouldBe((int)target.Requests, "tinyproxy's log shows exactly the requests the target saw");
        run.Process.Stdout.ShouldContain($"Proxy: {proxy.Url} (from HTTP_PROXY");
        run.Process.Stdout.ShouldContain("the lean client does not speak to proxies");
    }

    [TinyproxyFact]
    public async Task Target_Proxy_wins_over_the_environment()
    {
        using var proxy = await Tinyproxy.StartAsync();
        var target = new ViaCountingTarget();
        await using var server = await target.StartAsync();
        // HTTP_PROXY names a port nothing listens on: had it been used, no token could be had.
        var run = await RunAsync(server, ["--Target:Proxy=" + proxy.Url], new() { ["HTTP_PROXY"] = "http://127.0.0.1:9" });

        ShouldFailOnlyWhereTinyproxyClosed(run);
        target.Requests.ShouldBeGreaterThan(5);
        target.ThroughProxy.ShouldBe(target.Requests);
        proxy.RequestsFor(server.Url + "/").ShouldBe((int)target.Requests);
        run.Process.Stdout.ShouldContain("(from Target:Proxy");
    }

    [TinyproxyFact]
    public async Task A_host_NO_PROXY_names_is_reached_directly_by_the_lean_client()
    {
        using var proxy = await Tinyproxy.StartAsync();
        var target = new ViaCountingTarget();
        await using var server = await target.StartAsync();
        var run = await RunAsync(server, [], new() { ["HTTP_PROXY"] = proxy.Url, ["NO_PROXY"] = "localhost,127.0.0.1" });

        run.Process.ExitCode.ShouldBe(ExitCodes.Passed, run.Process.Describe());
        target.Requests.ShouldBeGreaterThan(5);
        target.ThroughProxy.ShouldBe(0);
        proxy.RequestsFor(server.Url + "/").ShouldBe(0);
        run.Process.Stdout.ShouldContain("Proxy: none for 127.0.0.1");
        File.ReadAllText(Path.Combine(run.Folder, "summary.json")).ShouldContain("lean HTTP/1.1");
    }

    [Fact]
    public async Task A_proxy_that_is_not_a_url_and_lean_through_a_proxy_are_configuration_errors()
    {
        using var bad = await AppRun.StartAsync(["--target", "http://127.0.0.1:9", "--Target:Proxy=ftp://proxy.example", "--Auth:ClientId=a", "--Auth:ClientSecret=b"]);
        bad.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, bad.Describe());
        bad.Stderr.ShouldContain("Target:Proxy: the proxy is not an http:// or https:// URL");

        using var lean = await AppRun.StartAsync(["--target", "http://127.0.0.1:9", "--Target:Proxy=http://127.0.0.1:3128", "--Target:Transport=lean", "--Auth:ClientId=a", "--Auth:ClientSecret=b"]);
        lean.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, lean.Describe());
        lean.Stderr.ShouldContain("'lean' does not speak to proxies");
    }

    /// <summary>
    /// tinyproxy answers HTTP/1.1 without "Connection: close" and then closes every client connection after one request,
    /// so HttpClient now and then sends the next POST on a connection already closing: a connection_error the suite must
    /// not resend (the POST left), which never reaches the proxy's log or the target. Those are the only failures allowed;
    /// the counts the tests compare hold exactly either way.
    /// </summary>
    private static void ShouldFailOnlyWhereTinyproxyClosed((AppProcess Process, RunSummary Summary, string Folder) run)
    {
        run.Process.ExitCode.ShouldBeOneOf([ExitCodes.Passed, ExitCodes.ThresholdFailed], run.Process.Describe());
        var step = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register).Steps.Single();
        step.StatusCodes.Keys.ShouldBeSubsetOf(["201", "connection_error"], run.Process.Describe());
        step.OkCount.ShouldBeGreaterThan(step.FailCount);
    }

    private static async Task<(AppProcess Process, RunSummary Summary, string Folder)> RunAsync(LoopbackTarget server, string[] extra, Dictionary<string, string> environment)
    {
        var root = Path.Combine(Path.GetTempPath(), "utl-tests", "proxy-" + Guid.NewGuid().ToString("N"));
        // The runner's own proxy variables are not the test's.
        foreach (var name in new[] { "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY" })
        {
            environment.TryAdd(name, "");
        }

        var process = await AppProcess.RunAsync(
            ["--target", server.Url, "--scenario", "register", "--vus", "2", "--duration", "00:00:02", "--out", root,
             "--Load:ReportingInterval=00:00:01", "--Load:StopGracePeriod=00:00:02",
             "--Auth:ClientId=proxied", "--Auth:ClientSecret=" + Guid.NewGuid().ToString("N"), .. extra],
            environment);
        var folder = Directory.Exists(root) && Directory.GetDirectories(root) is [var only] ? only : throw new InvalidOperationException(process.Describe());
        return (process, RunSummary.Load(folder), folder);
    }

    /// <summary>A register-only target counting every request and those that came through a proxy (tinyproxy adds Via).</summary>
    private sealed class ViaCountingTarget
    {
        private long _requests;
        private long _throughProxy;

        public long Requests => Interlocked.Read(ref _requests);

        public long ThroughProxy => Interlocked.Read(ref _throughProxy);

        public Task<LoopbackTarget> StartAsync() => LoopbackTarget.StartAsync((app, target) =>
        {
            app.Use(async (context, next) =>
            {
                Interlocked.Increment(ref _requests);
                if (context.Request.Headers.Via.ToString().Contains("tinyproxy", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _throughProxy);
                }

                await next(context);
            });
            app.MapPost("/core/connect/token", () => Results.Text(
                """{"access_token":"abc","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json"));
            app.MapPost("/api/Investors/Register", () => Results.Text(
                $$"""{"ClientIdentifier":"x","InvestorId":{{target.Register()}},"Status":"Registered"}""", "application/json", statusCode: 201));
        });
    }
}
