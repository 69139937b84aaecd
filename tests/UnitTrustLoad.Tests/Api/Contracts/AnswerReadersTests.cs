using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Tests.Api.Contracts;

/// <summary>
/// The hand-written answer readers against System.Text.Json's own reading of the same records with the same options
/// (reflection, no converters): whatever one accepts the other accepts, with the same values.
/// </summary>
public sealed class AnswerReadersTests
{
    private static readonly JsonSerializerOptions Reference = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void The_context_reads_every_answer_with_its_hand_written_reader()
    {
        ApiJsonContext.Default.RegisterInvestorResponse.Converter.ShouldBeOfType<AnswerReaders.Register>();
        ApiJsonContext.Default.JoinFundResponse.Converter.ShouldBeOfType<AnswerReaders.JoinFund>();
        ApiJsonContext.Default.PurchaseResponse.Converter.ShouldBeOfType<AnswerReaders.Purchase>();
        ApiJsonContext.Default.BalanceResponse.Converter.ShouldBeOfType<AnswerReaders.Balance>();
        ApiJsonContext.Default.SaleResponse.Converter.ShouldBeOfType<AnswerReaders.Sale>();
    }

    [Theory]
    [InlineData("""{"ClientIdentifier":"+254712345678-23456789","InvestorId":42,"Status":"Registered"}""")]
    [InlineData("""{"clientIdentifier":"c","investorId":"42","status":null}""")]
    [InlineData("""{"INVESTORID":7,"Extra":{"Nested":[1,2,{"a":null}]},"Status":"R\u00e9gistered"}""")]
    [InlineData("""{"InvestorId":1,"InvestorId":2}""")]
    [InlineData("""{}""")]
    [InlineData("""null""")]
    public void Register_answers_read_as_the_serializer_reads_them(string json)
        => Same(json, ApiJsonContext.Default.RegisterInvestorResponse);

    [Theory]
    [InlineData("""{"ClientIdentifier":"c","FundShareClassCode":"MMF","Status":"Joined"}""")]
    [InlineData("""{"fundshareclasscode":"MMF","unknown":true}""")]
    public void Join_answers_read_as_the_serializer_reads_them(string json)
        => Same(json, ApiJsonContext.Default.JoinFundResponse);

    [Theory]
    [InlineData("""{"ClientIdentifier":"c","FundShareClassCode":"MMF","PurchaseValue":1000.00,"UnitPrice":1.2345,"UnitsAllotted":810.0405,"Balance":{"Units":810.0405,"MarketValue":1000.00}}""")]
    [InlineData("""{"purchaseValue":"12.5","unitsAllotted":"1e2","balance":null}""")]
    [InlineData("""{"UnitsAllotted":0.0000000000000000000000000001,"Balance":{"units":-3,"Other":"x"}}""")]
    public void Purchase_answers_read_as_the_serializer_reads_them(string json)
        => Same(json, ApiJsonContext.Default.PurchaseResponse, (a, b) =>
        {
            (a with { Balance = null }).ShouldBe(b with { Balance = null });
            a.Balance.ShouldBe(b.Balance);
        });

    [Theory]
    [InlineData("""{"ClientIdentifier":"c","FundShareClassCode":"MMF","SaleValue":500.00,"UnitsRedeemed":500.0000,"Balance":{"Units":500.0000,"MarketValue":500.00}}""")]
    [InlineData("""{"saleValue":"7","UNITSREDEEMED":7}""")]
    public void Sale_answers_read_as_the_serializer_reads_them(string json)
        => Same(json, ApiJsonContext.Default.SaleResponse);

    [Theory]
    [InlineData("""{"ClientIdentifier":"c","Funds":[{"FundShareClassCode":"MMF","Units":1000.0000,"UnitPrice":1.0000,"MarketValue":1000.00,"Currency":"KES"}],"TotalMarketValue":1000.00}""")]
    [InlineData("""{"funds":[],"totalMarketValue":"0"}""")]
    [InlineData("""{"Funds":null}""")]
    [InlineData("""{"Funds":[{"units":"1.5","x":[]},{"FundShareClassCode":"EQF"}]}""")]
    public void Balance_answers_read_as_the_serializer_reads_them(string json)
        => Same(json, ApiJsonContext.Default.BalanceResponse, (a, b) =>
        {
            (a with { Funds = null }).ShouldBe(b with { Funds = null });
            (a.Funds is null).ShouldBe(b.Funds is null);
            (a.Funds ?? []).ShouldBe(b.Funds ?? []);
        });

    [Theory]
    [InlineData("""{"InvestorId":"forty-two"}""")]
    [InlineData("""{"InvestorId":4.5}""")]
    [InlineData("""{"InvestorId":true}""")]
    [InlineData("""{"Status":12}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"InvestorId":1""")]
    [InlineData("""{"InvestorId":1} trailing""")]
    public void What_the_serializer_refuses_is_refused_as_a_json_error(string json)
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, Reference.GetTypeInfo(typeof(RegisterInvestorResponse))));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, ApiJsonContext.Default.RegisterInvestorResponse));
    }

    [Fact]
    public void Balance_lists_of_the_wrong_shape_are_json_errors()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"Funds":{"Units":1}}""", ApiJsonContext.Default.BalanceResponse));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"Funds":[null]}""", ApiJsonContext.Default.BalanceResponse));
    }

    [Fact]
    public void Written_answers_read_back_the_same()
    {
        var balance = new BalanceResponse("c", [new FundBalance("MMF", 1.5m, 2m, 3m, "KES")], 3m);
        var purchase = new PurchaseResponse("c", "MMF", 10m, 1.25m, 8m, new HoldingBalance(8m, 10m));

        var balanceBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(balance, ApiJsonContext.Default.BalanceResponse), Reference.GetTypeInfo(typeof(BalanceResponse))) as BalanceResponse;
        var purchaseBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(purchase, ApiJsonContext.Default.PurchaseResponse), ApiJsonContext.Default.PurchaseResponse);

        balanceBack!.Funds!.Single().ShouldBe(balance.Funds!.Single());
        balanceBack.TotalMarketValue.ShouldBe(3m);
        purchaseBack.ShouldBe(purchase);
    }

    private static void Same<T>(string json, JsonTypeInfo<T> ours, Action<T, T>? compare = null)
        where T : class
    {
        var expected = (T?)JsonSerializer.Deserialize(json, Reference.GetTypeInfo(typeof(T)));
        var actual = JsonSerializer.Deserialize(json, ours);

        if (expected is null)
        {
            actual.ShouldBeNull();
            return;
        }

        actual.ShouldNotBeNull();
        if (compare is null)
        {
            actual.ShouldBe(expected);
        }
        else
        {
            compare(actual, expected);
        }
    }
}
