using System.Net;
using System.Text.Json.Nodes;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Infrastructure;

/// <summary>Many simultaneous trades on one holding: nothing lost, nothing applied twice, never below zero.</summary>
public sealed class ConcurrencyTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task Parallel_purchases_and_sales_on_one_investor_leave_exactly_the_arithmetic_balance()
    {
        var investor = await _client.InvestorInAsync("EQF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 2000m));
        var start = await UnitsAsync(investor);

        // 60 purchases of 1000 and 60 sales of 1500 race each other; some sales may find too little.
        var calls = new List<Task<(HttpStatusCode Status, JsonNode? Body)>>();
        for (var i = 0; i < 60; i++)
        {
            calls.Add(_client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 1000m)));
            calls.Add(_client.CallAsync(SimulatorClient.Sell, TestData.Sale(investor, "EQF", 1500m)));
        }

        var answers = await Task.WhenAll(calls);

        var allotted = 0m;
        var redeemed = 0m;
        var purchases = 0;
        foreach (var (status, body) in answers)
        {
            if (status == HttpStatusCode.OK)
            {
                body!["Balance"]!["Units"]!.GetValue<decimal>().ShouldBeGreaterThanOrEqualTo(0m);
                if (body["UnitsAllotted"] is { } units)
                {
                    allotted += units.GetValue<decimal>();
                    purchases++;
                }
                else
                {
                    redeemed += body["UnitsRedeemed"]!.GetValue<decimal>();
                }
            }
            else
            {
                status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
                body!["type"]!.GetValue<string>().ShouldEndWith("insufficient-balance");
            }
        }

        purchases.ShouldBe(60);
        allotted.ShouldBe(60 * 81.0005m); // 1000 / 12.3456 = 81.00052... rounded down
        (await UnitsAsync(investor)).ShouldBe(start + allotted - redeemed);
    }

    [Fact]
    public async Task The_same_reference_sent_50_times_at_once_is_applied_once()
    {
        var investor = await _client.InvestorInAsync("MMF");
        var purchase = TestData.Purchase(investor, "MMF", 1234.56m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _client.CallAsync(SimulatorClient.Purchase, purchase)));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK);
        answers.Select(a => a.Body!["TransactionId"]!.GetValue<long>()).Distinct().Count().ShouldBe(1);
        (await UnitsAsync(investor)).ShouldBe(1234.56m);
    }

    [Fact]
    public async Task Parallel_sales_can_never_take_a_holding_below_zero()
    {
        var investor = await _client.InvestorInAsync("MMF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 1000m));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _client.CallAsync(SimulatorClient.Sell, TestData.Sale(investor, "MMF", 30m))));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(33); // 33 x 30 = 990, a 34th would need 1020
        answers.Count(a => a.Status == HttpStatusCode.BadRequest).ShouldBe(17);
        (await UnitsAsync(investor)).ShouldBe(10m);
    }

    private async Task<decimal> UnitsAsync(string investor)
    {
        var (status, body) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));
        status.ShouldBe(HttpStatusCode.OK);
        return body!["Funds"]![0]!["Units"]!.GetValue<decimal>();
    }
}
