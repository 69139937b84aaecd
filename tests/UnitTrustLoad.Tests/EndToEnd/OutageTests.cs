using UnitTrustLoad.Api;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>Outages do not spin (issue 13.4): without a token users wait for the next refresh, and the reports say how long it lasted.</summary>
[Collection(AppRunsSerially.Name)]
public sealed class OutageTests
{
    [Fact]
    public async Task Without_a_token_users_wait_for_the_next_refresh_instead_of_failing_iterations()
    {
        // 2-s tokens from a token server that fails half its answers: the cache is often without a valid token. The
        // seeded draws answer preflight's first request (unseeded, five 500s in a row failed the start 1 run in 32).
        using var run = await AppRun.StartAsync(
            ["--scenario", "journey", "--vus", "4", "--duration", "00:00:06", "--Simulator:TokenLifetime=00:00:02",
             "--Simulator:Faults:Token:ErrorRate=0.5", "--Simulator:FaultSeed=2", "--Auth:RetryBackoff=00:00:00.200", "--Ledger:ReconcileSample=0", "--seed", "7"]);

        var summary = run.Summary;
        var journey = summary.Scenarios.Single(s => s.Name == "journey");
        var steps = journey.Steps.Where(s => s.Name != "token").ToList();

        // Before: every iteration that found no token failed at once (hundreds of thousands in a few seconds).
        steps.ShouldAllBe(s => !s.StatusCodes.ContainsKey(CallStatus.NoToken), run.Describe());
        (journey.OkCount + journey.FailCount).ShouldBeLessThan(20_000, run.Describe());
        journey.OkCount.ShouldBeGreaterThan(20, run.Describe());

        // The token step counts the token requests actually made, failed ones included; the settings say how long it went without one.
        var token = journey.Steps.Single(s => s.Name == "token");
        token.FailCount.ShouldBeGreaterThan(0, run.Describe());
        token.OkCount.ShouldBeGreaterThan(0, run.Describe());
        // Preflight's own requests (it says how many) are not a step of the load. A refresh the stop cuts off is made
        // but belongs to no step (an interrupted iteration's); only one refresh runs at a time, so the cache's own count
        // is the step's plus preflight's, or one more.
        var passed = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"Preflight: passed \((\d+) token requests? \((\d+) failed\)");
        passed.Success.ShouldBeTrue(run.Stdout);
        var preflight = long.Parse(passed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var preflightFailed = long.Parse(passed.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var outage = summary.Settings.Single(s => s.Name == "token outage").Value;
        var counts = System.Text.RegularExpressions.Regex.Match(outage, @"(\d+) of (\d+) token requests failed");
        counts.Success.ShouldBeTrue(outage);
        var (failed, made) = (long.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), long.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var stepMade = token.OkCount + token.FailCount + preflight;
        made.ShouldBeInRange(stepMade, stepMade + 1, outage);
        failed.ShouldBeInRange(token.FailCount + preflightFailed, token.FailCount + preflightFailed + (made - stepMade), outage);
    }

    [Fact]
    public async Task A_target_that_goes_away_is_retried_with_backoff_not_spun_on()
    {
        var simulator = await EmbeddedSimulator.StartAsync(new SimulatorOptions());
        var stopped = false;
        try
        {
            var run = AppRun.StartAsync(
                ["--target", simulator.BaseUrl.ToString(), "--Auth:ClientId=" + simulator.ClientId, "--Auth:ClientSecret=" + simulator.ClientSecret,
                 "--scenario", "journey", "--vus", "4", "--duration", "00:00:07", "--Ledger:ReconcileSample=0"]);

            // The target dies a few seconds into the load and stays down: every connect is refused from then on.
            await Task.Delay(TimeSpan.FromSeconds(3.5));
            await simulator.DisposeAsync();
            stopped = true;
            using var done = await run;

            var summary = done.Summary;
            var journey = summary.Scenarios.Single(s => s.Name == "journey");
            journey.OkCount.ShouldBeGreaterThan(10, done.Describe());
            var refused = journey.Steps.Sum(s => s.StatusCodes.GetValueOrDefault(CallStatus.ConnectionError));

            // Four users backing off 10 ms doubling to 1 s for about 3.5 s: tens of connects, where before they spun
            // through hundreds of thousands.
            refused.ShouldBeInRange(4, 400, done.Describe());
            summary.Settings.Single(s => s.Name == "connection outage").Value.ShouldStartWith("users waited ");
            File.ReadAllText(Path.Combine(done.Folder, FailureLog.FileName)).ShouldContain(CallStatus.ConnectionError);
        }
        finally
        {
            if (!stopped)
            {
                await simulator.DisposeAsync();
            }
        }
    }
}
