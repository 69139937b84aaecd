using System.Net;
using System.Text.Json.Nodes;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

/// <summary>Whatever arrives, the answer is a 4xx problem, never a 500.</summary>
public sealed class BadInputTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    public static TheoryData<string, string> MalformedBodies()
    {
        var data = new TheoryData<string, string>();
        string[] paths = [SimulatorClient.Register, SimulatorClient.JoinFund, SimulatorClient.Purchase, SimulatorClient.FetchBalance, SimulatorClient.Sell];
        string[] bodies = ["", "{", "{\"ClientIdentifier\": }", "[1,2,3]", "null", "\"text\"", "{\"ClientIdentifier\": \"a\",}", "not json at all"];
        foreach (var path in paths)
        {
            foreach (var body in bodies)
            {
                data.Add(path, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_json_is_a_400_problem_never_a_500(string path, string body)
    {
        using var response = await _client.PostRawAsync(path, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsObject().Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(SimulatorClient.Purchase, "PurchaseValue", "\"five thousand\"")]
    [InlineData(SimulatorClient.Purchase, "PurchaseValue", "true")]
    [InlineData(SimulatorClient.Sell, "SaleValue", "{}")]
    [InlineData(SimulatorClient.Register, "IDNumber", "[1]")]
    [InlineData(SimulatorClient.Register, "BankAccount", "\"KCB\"")]
    [InlineData(SimulatorClient.JoinFund, "ClientIdentifier", "42")]
    [InlineData(SimulatorClient.FetchBalance, "ClientIdentifier", "false")]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field(string path, string field, string json)
    {
        using var response = await _client.PostRawAsync(path, $"{{\"{field}\": {json}}}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue(problem.ToJsonString());
    }

    [Theory]
    [InlineData(SimulatorClient.JoinFund, new[] { "ClientIdentifier", "FundShareClassCode", "IncomeDistributionMode" })]
    [InlineData(SimulatorClient.Purchase, new[] { "ClientIdentifier", "FundShareClassCode", "PurchaseValue", "PurchaseRequestReference", "PaymentModeCode", "PaymentReference" })]
    [InlineData(SimulatorClient.Sell, new[] { "ClientIdentifier", "FundShareClassCode", "SaleValue", "SaleRequestReference", "PaymentModeCode" })]
    public async Task Missing_fields_are_all_named_in_one_answer(string path, string[] fields)
    {
        var answer = await _client.CallAsync(path, new JsonObject());

        answer.ShouldBeValidationProblem(fields);
    }

    [Theory]
    [InlineData(SimulatorClient.Register)]
    [InlineData(SimulatorClient.Purchase)]
    public async Task A_body_over_64_KiB_is_413(string path)
    {
        var huge = "{\"ClientIdentifier\": \"" + new string('x', 100_000) + "\"}";

        using var response = await _client.PostRawAsync(path, huge);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_is_415()
    {
        using var response = await _client.PostRawAsync(SimulatorClient.FetchBalance, "ClientIdentifier=x", "application/x-www-form-urlencoded");

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var response = await _client.PostRawAsync("api/UnitTrust/Nothing", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
