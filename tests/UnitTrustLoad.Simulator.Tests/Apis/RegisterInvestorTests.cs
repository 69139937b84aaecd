using System.Net;
using System.Text.Json.Nodes;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Apis;

public sealed class RegisterInvestorTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task Register_answers_201_with_the_client_identifier_and_a_new_investor_id()
    {
        var registration = TestData.Registration();

        var (status, body) = await _client.CallAsync(SimulatorClient.Register, registration);

        status.ShouldBe(HttpStatusCode.Created);
        body!["ClientIdentifier"]!.GetValue<string>().ShouldBe(registration["ClientIdentifier"]!.GetValue<string>());
        body["InvestorId"]!.GetValue<long>().ShouldBeGreaterThan(0);
        body["Status"]!.GetValue<string>().ShouldBe("Registered");
    }

    [Fact]
    public async Task Register_accepts_an_iso_date_of_birth_and_lower_case_property_names()
    {
        var registration = TestData.Registration();
        registration["DateOfBirth"] = "1991-03-14";
        var lowered = new JsonObject();
        foreach (var (name, value) in registration)
        {
            lowered[name.ToLowerInvariant()] = value?.DeepClone();
        }

        var (status, _) = await _client.CallAsync(SimulatorClient.Register, lowered);

        status.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("IDNumber", "1234567")]
    [InlineData("IDNumber", "123456789")]
    [InlineData("FirstName", "")]
    [InlineData("Surname", " ")]
    [InlineData("DateOfBirth", "14/03/1991")]
    [InlineData("DateOfBirth", "TODAY-MINUS-17")]
    [InlineData("PhoneNumber", "0712345678")]
    [InlineData("PhoneNumber", "+25471234567")]
    [InlineData("EmailAddress", "amina.example.com")]
    [InlineData("PIN", "a012345678z")]
    [InlineData("PIN", "A01234567Z")]
    [InlineData("ClientIdentifier", "")]
    [InlineData("ClientIdentifier", "LONG")]
    [InlineData("BankAccount.Currency", "USD")]
    public async Task Register_rejects_a_field_that_breaks_its_rule_and_names_it(string field, string value)
    {
        var registration = TestData.Registration();
        Set(registration, field, value);

        var answer = await _client.CallAsync(SimulatorClient.Register, registration);

        answer.ShouldBeValidationProblem(field);
        answer.Body!["errors"]!.AsObject().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Register_names_every_missing_field_at_once()
    {
        var answer = await _client.CallAsync(SimulatorClient.Register, new JsonObject());

        answer.ShouldBeValidationProblem(
            "IDNumber", "FirstName", "Surname", "DateOfBirth", "PhoneNumber", "EmailAddress", "PIN", "ClientIdentifier", "BankAccount");
    }

    [Fact]
    public async Task Register_answers_409_for_a_client_identifier_already_registered()
    {
        var first = TestData.Registration();
        (await _client.CallAsync(SimulatorClient.Register, first)).Status.ShouldBe(HttpStatusCode.Created);
        var second = TestData.Registration();
        second["ClientIdentifier"] = first["ClientIdentifier"]!.DeepClone();

        var answer = await _client.CallAsync(SimulatorClient.Register, second);

        answer.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate-investor");
        answer.Body!["detail"]!.GetValue<string>().ShouldContain("ClientIdentifier");
    }

    [Fact]
    public async Task Register_answers_409_for_an_id_number_already_registered()
    {
        var first = TestData.Registration();
        (await _client.CallAsync(SimulatorClient.Register, first)).Status.ShouldBe(HttpStatusCode.Created);
        var second = TestData.Registration();
        second["IDNumber"] = first["IDNumber"]!.DeepClone();

        var answer = await _client.CallAsync(SimulatorClient.Register, second);

        answer.ShouldBeProblem(HttpStatusCode.Conflict, "duplicate-investor");
        answer.Body!["detail"]!.GetValue<string>().ShouldContain("IDNumber");
    }

    [Fact]
    public async Task A_rejected_registration_stores_nothing()
    {
        var registration = TestData.Registration();
        registration["PIN"] = "bad";
        (await _client.CallAsync(SimulatorClient.Register, registration)).Status.ShouldBe(HttpStatusCode.BadRequest);

        var answer = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(registration["ClientIdentifier"]!.GetValue<string>()));

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static void Set(JsonObject registration, string field, string value)
    {
        if (field == "BankAccount.Currency")
        {
            registration["BankAccount"]!["Currency"] = value;
            return;
        }

        registration[field] = (field, value) switch
        {
            ("IDNumber", _) => long.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            ("DateOfBirth", "TODAY-MINUS-17") => DateTime.UtcNow.AddYears(-17).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ("ClientIdentifier", "LONG") => new string('x', 65),
            _ => value,
        };
    }
}
