using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// Auth:ClientCredentialStyle against token servers that read the client's credentials from one place only (issue 18):
/// the form body (what the k6 script sent, and the default) or an HTTP Basic header. Each works with its style and
/// fails preflight with the other, naming the setting that fixes it.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class ClientCredentialStyleTests
{
    private const string ClientId = "style-client";
    private static readonly string Secret = "s3cret-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_token_server_that_reads_the_body_only_gets_the_credentials_by_default()
    {
        var server = new StrictTokenServer(basic: false);
        await using var target = await server.StartAsync();
        using var run = await AppRun.StartAsync(Args(target));

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        register.OkCount.ShouldBeGreaterThan(0);
        target.Registrations.ShouldBe(register.OkCount);
        server.Refused.ShouldBe(0);
        server.Issued.ShouldBeGreaterThan(0);
        run.Stdout.ShouldContain("Auth:ClientCredentialStyle post");
    }

    [Fact]
    public async Task A_token_server_that_reads_the_body_only_refuses_basic_and_preflight_names_the_style()
    {
        var server = new StrictTokenServer(basic: false);
        await using var target = await server.StartAsync();
        using var run = await AppRun.StartAsync([.. Args(target), "--Auth:ClientCredentialStyle=basic"]);

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("sent as an HTTP Basic header (basic)", customMessage: run.Stderr);
        run.Stderr.ShouldContain("Auth:ClientCredentialStyle=post");
        server.Issued.ShouldBe(0);
        target.Registrations.ShouldBe(0);
    }

    [Fact]
    public async Task A_token_server_that_reads_basic_only_works_with_the_basic_style()
    {
        var server = new StrictTokenServer(basic: true);
        await using var target = await server.StartAsync();
        using var run = await AppRun.StartAsync([.. Args(target), "--Auth:ClientCredentialStyle=basic"]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        target.Registrations.ShouldBe(register.OkCount);
        server.Refused.ShouldBe(0);
        server.Issued.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_token_server_that_reads_basic_only_refuses_the_default_and_preflight_names_the_style()
    {
        var server = new StrictTokenServer(basic: true);
        await using var target = await server.StartAsync();
        using var run = await AppRun.StartAsync(Args(target));

        run.ExitCode.ShouldBe(ExitCodes.PreflightFailed, run.Describe());
        run.Stderr.ShouldContain("sent in the form body (post)", customMessage: run.Stderr);
        run.Stderr.ShouldContain("Auth:ClientCredentialStyle=basic");
        server.Issued.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_style_is_a_configuration_error_naming_the_allowed_values()
    {
        using var run = await AppRun.StartAsync(["--Auth:ClientCredentialStyle=header"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Auth:ClientCredentialStyle");
        run.Stderr.ShouldContain("post");
        run.Stderr.ShouldContain("basic");
        run.Stderr.ShouldNotContain("   at ");
    }

    private static string[] Args(LoopbackTarget target) =>
        ["--target", target.Url, "--scenario", "register", "--vus", "2", "--duration", "00:00:01",
         "--Auth:ClientId=" + ClientId, "--Auth:ClientSecret=" + Secret];

    /// <summary>A token server that takes the credentials from the form body only, or from an HTTP Basic header only, and counts what it did.</summary>
    private sealed class StrictTokenServer(bool basic)
    {
        private long _issued;
        private long _refused;

        public long Issued => Interlocked.Read(ref _issued);

        public long Refused => Interlocked.Read(ref _refused);

        public Task<LoopbackTarget> StartAsync() => LoopbackTarget.StartAsync((app, target) =>
        {
            app.MapPost("/core/connect/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var (id, secret) = basic ? FromBasic(request.Headers.Authorization.ToString()) : (form["client_id"].ToString(), form["client_secret"].ToString());
                if (id != ClientId || secret != Secret)
                {
                    Interlocked.Increment(ref _refused);
                    return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_client" }, statusCode: 401);
                }

                Interlocked.Increment(ref _issued);
                return Results.Text("""{"access_token":"abc","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json");
            });
            app.MapPost("/api/Investors/Register", () => Results.Text(
                $$"""{"ClientIdentifier":"x","InvestorId":{{target.Register()}},"Status":"Registered"}""", "application/json", statusCode: 201));
        });

        private static (string Id, string Secret) FromBasic(string header)
        {
            if (!header.StartsWith("Basic ", StringComparison.Ordinal))
            {
                return ("", "");
            }

            // RFC 6749 §2.3.1: each part form-url-encoded, then base64 of "id:secret".
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? ("", "") : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
        }
    }
}
