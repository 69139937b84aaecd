using System.Net;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

public sealed class FetchBalanceTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task Balance_lists_each_joined_fund_with_units_price_value_and_currency()
    {
        var investor = await _client.InvestorInAsync("MMF");
        await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join(investor, "EQF"));
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 1500.25m));
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 5000m));

        var (status, body) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));

        status.ShouldBe(HttpStatusCode.OK);
        body!["ClientIdentifier"]!.GetValue<string>().ShouldBe(investor);
        var funds = body["Funds"]!.AsArray();
        funds.Count.ShouldBe(2);
        var eqf = funds.Single(f => f!["FundShareClassCode"]!.GetValue<string>() == "EQF")!;
        var mmf = funds.Single(f => f!["FundShareClassCode"]!.GetValue<string>() == "MMF")!;
        TestData.Amount(mmf["Units"]).ShouldBe(1500.25m);
        TestData.Amount(mmf["UnitPrice"]).ShouldBe(1m);
        TestData.Amount(mmf["MarketValue"]).ShouldBe(1500.25m);
        mmf["Currency"]!.GetValue<string>().ShouldBe("KES");
        TestData.Amount(eqf["Units"]).ShouldBe(405.0025m);
        TestData.Amount(eqf["MarketValue"]).ShouldBe(4999.99m);
        TestData.Amount(body["TotalMarketValue"]).ShouldBe(1500.25m + 4999.99m);
    }

    [Fact]
    public async Task Balance_of_an_investor_in_no_fund_is_an_empty_list()
    {
        var investor = await _client.RegisterAsync();

        var (status, body) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));

        status.ShouldBe(HttpStatusCode.OK);
        body!["Funds"]!.AsArray().Count.ShouldBe(0);
        TestData.Amount(body["TotalMarketValue"]).ShouldBe(0m);
    }

    [Fact]
    public async Task Balance_answers_404_for_an_unknown_investor()
    {
        var answer = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance("nobody-" + Guid.NewGuid()));

        answer.ShouldBeProblem(HttpStatusCode.NotFound, "unknown-investor");
    }

    [Fact]
    public async Task Balance_without_a_client_identifier_is_a_validation_problem()
    {
        var answer = await _client.CallAsync(SimulatorClient.FetchBalance, new System.Text.Json.Nodes.JsonObject());

        answer.ShouldBeValidationProblem("ClientIdentifier");
    }
}
