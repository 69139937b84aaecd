using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// The register scenario against the smallest target a benchmark would stand up (a token answer and a 201), as the
/// perf comparison with wrk runs it.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class MinimalTargetTests
{
    [Fact]
    public async Task Register_scenario_runs_against_a_target_that_only_answers_token_and_201()
    {
        await using var target = await StartTargetAsync();
        using var run = await AppRun.StartAsync(
            ["--target", target.Url, "--scenario", "register", "--vus", "8", "--duration", "00:00:03",
             "--Auth:ClientId=bench", "--Auth:ClientSecret=" + Guid.NewGuid().ToString("N")]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        register.OkCount.ShouldBeGreaterThan(100);
        register.FailCount.ShouldBe(0);
        target.Registrations.ShouldBeGreaterThanOrEqualTo(register.OkCount);
    }

    private static async Task<MinimalTarget> StartTargetAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var target = new MinimalTarget(app);
        app.MapPost("/core/connect/token", () => Results.Text(
            """{"access_token":"abc","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json"));
        app.MapPost("/api/Investors/Register", () =>
        {
            var id = target.Register();
            return Results.Text($$"""{"ClientIdentifier":"x","InvestorId":{{id}},"Status":"Registered"}""", "application/json", statusCode: 201);
        });
        await app.StartAsync();
        target.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return target;
    }

    private sealed class MinimalTarget(WebApplication app) : IAsyncDisposable
    {
        private long _registrations;

        public string Url { get; set; } = "";

        public long Registrations => Interlocked.Read(ref _registrations);

        public long Register() => Interlocked.Increment(ref _registrations);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
