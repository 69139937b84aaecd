using System.Net;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

public sealed class SellTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task Sale_redeems_value_over_price_rounded_up_to_4_places()
    {
        var investor = await _client.InvestorInAsync("EQF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 5000m));

        var (status, body) = await _client.CallAsync(SimulatorClient.Sell, TestData.Sale(investor, "EQF", 2500m));

        status.ShouldBe(HttpStatusCode.OK);
        body!["TransactionId"]!.GetValue<long>().ShouldBeGreaterThan(0);
        TestData.Amount(body["SaleValue"]).ShouldBe(2500m);
        TestData.Amount(body["UnitsRedeemed"]).ShouldBe(202.5013m); // 202.50129...
        TestData.Amount(body["Balance"]!["Units"]).ShouldBe(405.0025m - 202.5013m);
    }

    [Fact]
    public async Task Selling_the_whole_market_value_never_takes_the_holding_below_zero()
    {
        var investor = await _client.InvestorInAsync("EQF");
        var (_, bought) = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 777.77m));
        var marketValue = TestData.Amount(bought!["Balance"]!["MarketValue"]);

        var (status, sold) = await _client.CallAsync(SimulatorClient.Sell, TestData.Sale(investor, "EQF", marketValue));

        status.ShouldBe(HttpStatusCode.OK);
        TestData.Amount(sold!["Balance"]!["Units"]).ShouldBeGreaterThanOrEqualTo(0m);
    }

    [Fact]
    public async Task Sale_above_the_market_value_is_400_insufficient_balance_and_changes_nothing()
    {
        var investor = await _client.InvestorInAsync("MMF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 1000m));

        var answer = await _client.CallAsync(SimulatorClient.Sell, TestData.Sale(investor, "MMF", 1000.01m));

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "insufficient-balance");
        var balance = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));
        TestData.Amount(balance.Body!["Funds"]![0]!["Units"]).ShouldBe(1000m);
    }

    [Fact]
    public async Task The_same_sale_reference_and_body_replays_without_a_second_redemption()
    {
        var investor = await _client.InvestorInAsync("MMF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 1000m));
        var sale = TestData.Sale(investor, "MMF", 300m);
        var first = await _client.CallAsync(SimulatorClient.Sell, sale);

        var replay = await _client.CallAsync(SimulatorClient.Sell, sale);

        replay.Status.ShouldBe(HttpStatusCode.OK);
        replay.Body!.ToJsonString().ShouldBe(first.Body!.ToJsonString());
        var balance = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));
        TestData.Amount(balance.Body!["Funds"]![0]!["Units"]).ShouldBe(700m);
    }

    [Fact]
    public async Task The_same_sale_reference_with_a_different_body_is_409()
    {
        var investor = await _client.InvestorInAsync("MMF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 1000m));
        var sale = TestData.Sale(investor, "MMF", 300m);
        await _client.CallAsync(SimulatorClient.Sell, sale);
        sale["PaymentModeCode"] = "BANK";

        var answer = await _client.CallAsync(SimulatorClient.Sell, sale);

        answer.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency-conflict");
    }

    [Fact]
    public async Task Sale_answers_404_for_an_unknown_investor()
    {
        var answer = await _client.CallAsync(SimulatorClient.Sell, TestData.Sale("nobody-" + Guid.NewGuid(), "MMF", 10m));

        answer.ShouldBeProblem(HttpStatusCode.NotFound, "unknown-investor");
    }

    [Fact]
    public async Task Sale_answers_400_when_the_investor_has_not_joined_the_fund()
    {
        var investor = await _client.InvestorInAsync("MMF");

        var answer = await _client.CallAsync(SimulatorClient.Sell, TestData.Sale(investor, "EQF", 10m));

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "fund-not-joined");
    }

    [Theory]
    [InlineData("SaleValue", "0")]
    [InlineData("SaleValue", "-5")]
    [InlineData("SaleValue", "1.005")]
    [InlineData("PaymentModeCode", "mpesa")]
    [InlineData("SaleRequestReference", "")]
    public async Task Sale_rejects_a_field_that_breaks_its_rule_and_names_it(string field, string value)
    {
        var investor = await _client.InvestorInAsync("MMF");
        var sale = TestData.Sale(investor, "MMF", 10m);
        sale[field] = field == "SaleValue" ? decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;

        var answer = await _client.CallAsync(SimulatorClient.Sell, sale);

        answer.ShouldBeValidationProblem(field);
    }
}
