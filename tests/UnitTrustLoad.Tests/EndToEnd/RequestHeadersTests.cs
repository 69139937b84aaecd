using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// Target:Headers (issue 18): extra headers on every API request by either client, counted by the target; a value
/// read from the environment never appears in the console or in any file of the run folder.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class RequestHeadersTests
{
    [Theory]
    [InlineData(TransportSettings.Lean)]
    [InlineData(TransportSettings.HttpClient)]
    public async Task Every_api_request_carries_the_configured_headers_and_the_secret_one_is_never_written(string transport)
    {
        var variable = "UTL_TEST_API_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var secret = "key-" + Guid.NewGuid().ToString("N");
        long apiRequests = 0, withHeaders = 0, registersWithHeaders = 0;
        await using var target = await LoopbackTarget.StartAsync((app, target) =>
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    Interlocked.Increment(ref apiRequests);
                    if (context.Request.Headers["X-Api-Key"] == secret && context.Request.Headers["X-Correlation-Id"] == "load-test-18")
                    {
                        Interlocked.Increment(ref withHeaders);
                        if (context.Request.Path.StartsWithSegments("/api/Investors/Register"))
                        {
                            Interlocked.Increment(ref registersWithHeaders);
                        }
                    }
                }

                await next(context);
            });
            app.MapPost("/core/connect/token", () => Results.Text(
                """{"access_token":"abc","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json"));
            app.MapPost("/api/Investors/Register", () => Results.Text(
                $$"""{"ClientIdentifier":"x","InvestorId":{{target.Register()}},"Status":"Registered"}""", "application/json", statusCode: 201));
        });
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            using var run = await AppRun.StartAsync(
                ["--target", target.Url, "--scenario", "register", "--vus", "4", "--duration", "00:00:02",
                 "--Target:Transport=" + transport,
                 "--Target:Headers:X-Api-Key=env:" + variable, "--Target:Headers:X-Correlation-Id=load-test-18",
                 "--Auth:ClientId=headers", "--Auth:ClientSecret=" + Guid.NewGuid().ToString("N")]);

            run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
            var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
            register.OkCount.ShouldBeGreaterThan(10);
            registersWithHeaders.ShouldBe(register.OkCount + register.FailCount, "every registration the suite sent carried both headers");
            target.Registrations.ShouldBe(register.OkCount);
            withHeaders.ShouldBe(apiRequests, "every API request, the preflight's balance probe too, carried both headers");
            apiRequests.ShouldBe(register.OkCount + register.FailCount + 1, "the registrations and the one preflight balance request");

            run.Stdout.ShouldContain($"X-Api-Key: (from environment variable {variable}, redacted)");
            run.Stdout.ShouldContain("X-Correlation-Id: load-test-18");
            (run.Stdout + run.Stderr).ShouldNotContain(secret);
            var files = Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories);
            files.Length.ShouldBeGreaterThan(3);
            foreach (var file in files)
            {
                (await File.ReadAllTextAsync(file)).ShouldNotContain(secret, customMessage: $"{Path.GetFileName(file)} holds the header's secret value");
            }

            (await File.ReadAllTextAsync(Path.Combine(run.Folder, "summary.json"))).ShouldContain("redacted");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Bad_header_names_reserved_headers_and_a_missing_variable_are_configuration_errors()
    {
        using var run = await AppRun.StartAsync(
            ["--Target:Headers:X Bad=1", "--Target:Headers:Host=example.test", "--Target:Headers:Content-Length=5",
             "--Target:Headers:Transfer-Encoding=chunked", "--Target:Headers:Connection=close",
             "--Target:Headers:X-Api-Key=env:UTL_TEST_UNSET_" + Guid.NewGuid().ToString("N")]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Target:Headers:X Bad: 'X Bad' is not a header name");
        foreach (var reserved in new[] { "Host", "Content-Length", "Transfer-Encoding", "Connection" })
        {
            run.Stderr.ShouldContain($"Target:Headers:{reserved}: the suite writes {reserved} itself");
        }

        run.Stderr.ShouldContain("is not set or empty");
        run.Stderr.ShouldNotContain("   at ");
    }
}
