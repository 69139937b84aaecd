using Microsoft.Data.Sqlite;
using UnitTrustLoad.Api;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// What the suite reports is what happened on the wire (issue 13, points 1 and 2): counted on the target's side, the
/// simulator's own SQLite transactions or a Kestrel target of the test's own, and compared exactly.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class WireTruthTests
{
    [Fact]
    public async Task A_sale_carried_out_then_dropped_is_one_failure_the_servers_trades_equal_ok_plus_failed_and_the_ledger_judges_nothing_it_cannot_know()
    {
        var database = Path.Combine(Path.GetTempPath(), "utl-tests", $"sim-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        try
        {
            using var run = await AppRun.StartAsync(
                ["--scenario", "journey", "--vus", "2", "--duration", "00:00:03", "--seed", "13",
                 "--Load:Scenarios:journey:WarmUp=00:00:00", "--Target:Transport=lean",
                 "--Simulator:Faults:Sell:ApplyThenDropRate=0.25", "--Simulator:DatabasePath=" + database]);

            var summary = run.Summary;
            var sale = summary.Scenarios.Single(s => s.Name == ScenarioNames.Journey).Steps.Single(s => s.Name == ScenarioNames.Sale);
            var trades = CountSales(database);

            sale.FailCount.ShouldBeGreaterThan(0, run.Describe());
            sale.StatusCodes.Keys.ShouldBe(["200", CallStatus.ConnectionError], ignoreOrder: true);
            trades.ShouldBe(sale.OkCount + sale.FailCount, "every sale the suite counted was carried out exactly once, the dropped ones too");
            summary.Check("consistency")!.Failed.ShouldBe(0);
            summary.Check("reconciliation")?.Failed.ShouldBe(0);
            summary.Counters.Keys.ShouldNotContain(k => k.StartsWith(ApiOperation.ResendPrefix, StringComparison.Ordinal));
            summary.Settings.Single(s => s.Name == "resends").Value.ShouldStartWith("none");
            foreach (var report in new[] { "summary.txt", "summary.md", "report.html", "junit.xml" })
            {
                File.ReadAllText(Path.Combine(run.Folder, report)).ShouldContain("resends", customMessage: report);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Theory]
    [InlineData("dotnet")]
    [InlineData("epoll")]
    public async Task Keep_alive_connections_the_server_closed_while_users_thought_are_replaced_no_failure_and_the_servers_count_equals_ok(string engine)
    {
        if (engine == "epoll" && !UnitTrustLoad.Http.Http11.Http11Client.SupportsEpoll)
        {
            return;
        }

        // Kestrel closes a keep-alive connection idle for 1 s (checked each second); the users think 2.5 s.
        await using var target = await LoopbackTarget.StartRegisterOnlyAsync(kestrel => kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(1));
        using var run = await AppRun.StartAsync(
            ["--target", target.Url, "--scenario", "register", "--vus", "3", "--duration", "00:00:06",
             "--Load:Scenarios:register:ThinkTime=00:00:02.500", "--Load:Scenarios:register:WarmUp=00:00:00",
             "--Target:Transport=lean", "--Target:SocketEngine=" + engine, "--Ledger:ReconcileSample=0",
             "--Auth:ClientId=bench", "--Auth:ClientSecret=" + Guid.NewGuid().ToString("N")]);

        // The step, not the iteration: an iteration still thinking when the run stops is cancelled, which is the
        // engine's count, not the wire's.
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register).Steps.Single(s => s.Name == ScenarioNames.Register);
        register.FailCount.ShouldBe(0, run.Describe());
        register.OkCount.ShouldBeGreaterThanOrEqualTo(6);
        target.Registrations.ShouldBe(register.OkCount);
    }

    private static long CountSales(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM transactions WHERE kind = 'sale'";
        return (long)command.ExecuteScalar()!;
    }
}
