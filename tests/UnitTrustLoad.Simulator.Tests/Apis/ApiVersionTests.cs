using System.Net;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

public sealed class ApiVersionTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    public static TheoryData<string> Operations() =>
    [
        SimulatorClient.Register,
        SimulatorClient.JoinFund,
        SimulatorClient.Purchase,
        SimulatorClient.FetchBalance,
        SimulatorClient.Sell,
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_missing_api_version_is_400_naming_the_supported_version(string path)
    {
        var answer = await _client.CallAsync(path, TestData.Balance("x"), version: "");

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "missing-api-version");
        var supported = SimulatorClient.VersionOf(path);
        answer.Body!["detail"]!.GetValue<string>().ShouldContain(supported);
        answer.Body!["supportedVersions"]![0]!.GetValue<string>().ShouldBe(supported);
    }

    [Theory]
    [InlineData(SimulatorClient.Register, "3.0")]
    [InlineData(SimulatorClient.JoinFund, "1.0")]
    [InlineData(SimulatorClient.Purchase, "2.0")]
    [InlineData(SimulatorClient.FetchBalance, "abc")]
    [InlineData(SimulatorClient.Sell, "2.0")]
    public async Task An_unsupported_api_version_is_400_naming_the_supported_version(string path, string version)
    {
        var answer = await _client.CallAsync(path, TestData.Balance("x"), version: version);

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "unsupported-api-version");
        answer.Body!["detail"]!.GetValue<string>().ShouldContain(SimulatorClient.VersionOf(path));
    }

    [Fact]
    public async Task The_version_may_be_written_without_its_minor_part()
    {
        var investor = await _client.RegisterAsync();

        var (status, _) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor), version: "2");

        status.ShouldBe(HttpStatusCode.OK);
    }
}
