using System.Net;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

public sealed class JoinFundTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task Join_answers_200_joined()
    {
        var investor = await _client.RegisterAsync();

        var (status, body) = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join(investor, "EQF", "1"));

        status.ShouldBe(HttpStatusCode.OK);
        body!["ClientIdentifier"]!.GetValue<string>().ShouldBe(investor);
        body["FundShareClassCode"]!.GetValue<string>().ShouldBe("EQF");
        body["Status"]!.GetValue<string>().ShouldBe("Joined");
    }

    [Fact]
    public async Task Join_answers_404_for_an_unknown_investor()
    {
        var answer = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join("nobody-" + Guid.NewGuid()));

        answer.ShouldBeProblem(HttpStatusCode.NotFound, "unknown-investor");
    }

    [Fact]
    public async Task Join_answers_400_for_an_unknown_fund_naming_the_offered_ones()
    {
        var investor = await _client.RegisterAsync();

        var answer = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join(investor, "XYZ"));

        answer.ShouldBeValidationProblem("FundShareClassCode");
        answer.Body!["errors"]!["FundShareClassCode"]![0]!.GetValue<string>().ShouldContain("MMF");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("")]
    public async Task Join_rejects_an_income_distribution_mode_other_than_1_2_or_3(string mode)
    {
        var investor = await _client.RegisterAsync();

        var answer = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join(investor, "MMF", mode));

        answer.ShouldBeValidationProblem("IncomeDistributionMode");
    }

    [Fact]
    public async Task Join_answers_409_when_the_fund_is_already_joined()
    {
        var investor = await _client.InvestorInAsync("MMF");

        var answer = await _client.CallAsync(SimulatorClient.JoinFund, TestData.Join(investor, "MMF"));

        answer.ShouldBeProblem(HttpStatusCode.Conflict, "already-joined");
    }
}
