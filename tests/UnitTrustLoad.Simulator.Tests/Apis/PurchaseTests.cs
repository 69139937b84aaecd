using System.Net;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

public sealed class PurchaseTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task Purchase_allots_value_over_price_rounded_down_to_4_places()
    {
        var investor = await _client.InvestorInAsync("EQF");

        var (status, body) = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 5000.00m));

        status.ShouldBe(HttpStatusCode.OK);
        body!["TransactionId"]!.GetValue<long>().ShouldBeGreaterThan(0);
        body["ClientIdentifier"]!.GetValue<string>().ShouldBe(investor);
        TestData.Amount(body["PurchaseValue"]).ShouldBe(5000.00m);
        TestData.Amount(body["UnitPrice"]).ShouldBe(12.3456m);
        TestData.Amount(body["UnitsAllotted"]).ShouldBe(405.0025m); // 405.00259...
        TestData.Amount(body["Balance"]!["Units"]).ShouldBe(405.0025m);
        TestData.Amount(body["Balance"]!["MarketValue"]).ShouldBe(4999.99m);
    }

    [Fact]
    public async Task Purchases_accumulate_in_the_holding()
    {
        var investor = await _client.InvestorInAsync("MMF");
        await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 100m));

        var (_, body) = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", 250.50m));

        TestData.Amount(body!["Balance"]!["Units"]).ShouldBe(350.5m);
    }

    [Fact]
    public async Task The_same_reference_and_body_replays_the_first_answer_without_a_second_allotment()
    {
        var investor = await _client.InvestorInAsync("MMF");
        var purchase = TestData.Purchase(investor, "MMF", 1000m);
        var first = await _client.CallAsync(SimulatorClient.Purchase, purchase);

        var replay = await _client.CallAsync(SimulatorClient.Purchase, purchase);

        replay.Status.ShouldBe(HttpStatusCode.OK);
        replay.Body!.ToJsonString().ShouldBe(first.Body!.ToJsonString());
        var balance = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));
        TestData.Amount(balance.Body!["Funds"]![0]!["Units"]).ShouldBe(1000m);
    }

    [Fact]
    public async Task The_same_reference_with_a_different_body_is_409_and_changes_nothing()
    {
        var investor = await _client.InvestorInAsync("MMF");
        var purchase = TestData.Purchase(investor, "MMF", 1000m);
        await _client.CallAsync(SimulatorClient.Purchase, purchase);
        purchase["PurchaseValue"] = 2000m;

        var answer = await _client.CallAsync(SimulatorClient.Purchase, purchase);

        answer.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency-conflict");
        var balance = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));
        TestData.Amount(balance.Body!["Funds"]![0]!["Units"]).ShouldBe(1000m);
    }

    [Fact]
    public async Task Purchase_answers_400_when_the_investor_has_not_joined_the_fund()
    {
        var investor = await _client.InvestorInAsync("MMF");

        var answer = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "EQF", 1000m));

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "fund-not-joined");
    }

    [Fact]
    public async Task Purchase_answers_404_for_an_unknown_investor()
    {
        var answer = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase("nobody-" + Guid.NewGuid(), "MMF", 1000m));

        answer.ShouldBeProblem(HttpStatusCode.NotFound, "unknown-investor");
    }

    [Theory]
    [InlineData("PurchaseValue", "99.99")]
    [InlineData("PurchaseValue", "10000000.01")]
    [InlineData("PurchaseValue", "100.001")]
    [InlineData("PaymentModeCode", "CASH")]
    [InlineData("FundShareClassCode", "XYZ")]
    [InlineData("PurchaseRequestReference", "")]
    [InlineData("PaymentReference", "")]
    [InlineData("ClientIdentifier", "")]
    public async Task Purchase_rejects_a_field_that_breaks_its_rule_and_names_it(string field, string value)
    {
        var investor = await _client.InvestorInAsync("MMF");
        var purchase = TestData.Purchase(investor, "MMF", 1000m);
        purchase[field] = field == "PurchaseValue" ? decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;

        var answer = await _client.CallAsync(SimulatorClient.Purchase, purchase);

        answer.ShouldBeValidationProblem(field);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000_000)]
    public async Task Purchase_accepts_the_bounds_of_the_value_range(int value)
    {
        var investor = await _client.InvestorInAsync("MMF");

        var (status, _) = await _client.CallAsync(SimulatorClient.Purchase, TestData.Purchase(investor, "MMF", value));

        status.ShouldBe(HttpStatusCode.OK);
    }
}
