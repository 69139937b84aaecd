using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnitTrustLoad.Api.Contracts;

/// <summary>
/// The five answers read straight off <see cref="Utf8JsonReader"/>: the source generator has no fast path for
/// reading, and its constructor-based reading took 490 ns per register answer against 190 here (one answer per request
/// on the generator's hot path). Same contract as the generated code: names matched case-insensitively (exact bytes
/// first), numbers also from strings, unknown properties skipped, nulls allowed, anything else a <see cref="JsonException"/>.
/// </summary>
internal static class AnswerReaders
{
    private static readonly Names RegisterNames = new("ClientIdentifier", "InvestorId", "Status");
    private static readonly Names JoinNames = new("ClientIdentifier", "FundShareClassCode", "Status");
    private static readonly Names PurchaseNames = new("ClientIdentifier", "FundShareClassCode", "PurchaseValue", "UnitPrice", "UnitsAllotted", "Balance");
    private static readonly Names SaleNames = new("ClientIdentifier", "FundShareClassCode", "SaleValue", "UnitsRedeemed", "Balance");
    private static readonly Names HoldingNames = new("Units", "MarketValue");
    private static readonly Names BalanceNames = new("ClientIdentifier", "Funds", "TotalMarketValue");
    private static readonly Names FundNames = new("FundShareClassCode", "Units", "UnitPrice", "MarketValue", "Currency");

    public sealed class Register : JsonConverter<RegisterInvestorResponse>
    {
        public override RegisterInvestorResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (!StartObject(ref reader))
            {
                return null;
            }

            string? client = null, status = null;
            long investorId = 0;
            while (NextProperty(ref reader, RegisterNames, out var index))
            {
                switch (index)
                {
                    case 0: client = String(ref reader); break;
                    case 1: investorId = Int64(ref reader); break;
                    case 2: status = String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new RegisterInvestorResponse(client, investorId, status);
        }

        public override void Write(Utf8JsonWriter writer, RegisterInvestorResponse value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("ClientIdentifier"u8, value.ClientIdentifier);
            writer.WriteNumber("InvestorId"u8, value.InvestorId);
            writer.WriteString("Status"u8, value.Status);
            writer.WriteEndObject();
        }
    }

    public sealed class JoinFund : JsonConverter<JoinFundResponse>
    {
        public override JoinFundResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (!StartObject(ref reader))
            {
                return null;
            }

            string? client = null, fund = null, status = null;
            while (NextProperty(ref reader, JoinNames, out var index))
            {
                switch (index)
                {
                    case 0: client = String(ref reader); break;
                    case 1: fund = String(ref reader); break;
                    case 2: status = String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new JoinFundResponse(client, fund, status);
        }

        public override void Write(Utf8JsonWriter writer, JoinFundResponse value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("ClientIdentifier"u8, value.ClientIdentifier);
            writer.WriteString("FundShareClassCode"u8, value.FundShareClassCode);
            writer.WriteString("Status"u8, value.Status);
            writer.WriteEndObject();
        }
    }

    public sealed class Purchase : JsonConverter<PurchaseResponse>
    {
        public override PurchaseResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (!StartObject(ref reader))
            {
                return null;
            }

            string? client = null, fund = null;
            decimal value = 0, price = 0, units = 0;
            HoldingBalance? balance = null;
            while (NextProperty(ref reader, PurchaseNames, out var index))
            {
                switch (index)
                {
                    case 0: client = String(ref reader); break;
                    case 1: fund = String(ref reader); break;
                    case 2: value = Decimal(ref reader); break;
                    case 3: price = Decimal(ref reader); break;
                    case 4: units = Decimal(ref reader); break;
                    case 5: balance = Holding(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new PurchaseResponse(client, fund, value, price, units, balance);
        }

        public override void Write(Utf8JsonWriter writer, PurchaseResponse value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("ClientIdentifier"u8, value.ClientIdentifier);
            writer.WriteString("FundShareClassCode"u8, value.FundShareClassCode);
            writer.WriteNumber("PurchaseValue"u8, value.PurchaseValue);
            writer.WriteNumber("UnitPrice"u8, value.UnitPrice);
            writer.WriteNumber("UnitsAllotted"u8, value.UnitsAllotted);
            writer.WritePropertyName("Balance"u8);
            WriteHolding(writer, value.Balance);
            writer.WriteEndObject();
        }
    }

    public sealed class Sale : JsonConverter<SaleResponse>
    {
        public override SaleResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (!StartObject(ref reader))
            {
                return null;
            }

            string? client = null, fund = null;
            decimal value = 0, units = 0;
            HoldingBalance? balance = null;
            while (NextProperty(ref reader, SaleNames, out var index))
            {
                switch (index)
                {
                    case 0: client = String(ref reader); break;
                    case 1: fund = String(ref reader); break;
                    case 2: value = Decimal(ref reader); break;
                    case 3: units = Decimal(ref reader); break;
                    case 4: balance = Holding(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SaleResponse(client, fund, value, units, balance);
        }

        public override void Write(Utf8JsonWriter writer, SaleResponse value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("ClientIdentifier"u8, value.ClientIdentifier);
            writer.WriteString("FundShareClassCode"u8, value.FundShareClassCode);
            writer.WriteNumber("SaleValue"u8, value.SaleValue);
            writer.WriteNumber("UnitsRedeemed"u8, value.UnitsRedeemed);
            writer.WritePropertyName("Balance"u8);
            WriteHolding(writer, value.Balance);
            writer.WriteEndObject();
        }
    }

    public sealed class Balance : JsonConverter<BalanceResponse>
    {
        public override BalanceResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (!StartObject(ref reader))
            {
                return null;
            }

            string? client = null;
            List<FundBalance>? funds = null;
            decimal total = 0;
            while (NextProperty(ref reader, BalanceNames, out var index))
            {
                switch (index)
                {
                    case 0: client = String(ref reader); break;
                    case 1: funds = Funds(ref reader); break;
                    case 2: total = Decimal(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new BalanceResponse(client, funds, total);
        }

        public override void Write(Utf8JsonWriter writer, BalanceResponse value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("ClientIdentifier"u8, value.ClientIdentifier);
            writer.WritePropertyName("Funds"u8);
            if (value.Funds is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStartArray();
                foreach (var fund in value.Funds)
                {
                    writer.WriteStartObject();
                    writer.WriteString("FundShareClassCode"u8, fund.FundShareClassCode);
                    writer.WriteNumber("Units"u8, fund.Units);
                    writer.WriteNumber("UnitPrice"u8, fund.UnitPrice);
                    writer.WriteNumber("MarketValue"u8, fund.MarketValue);
                    writer.WriteString("Currency"u8, fund.Currency);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteNumber("TotalMarketValue"u8, value.TotalMarketValue);
            writer.WriteEndObject();
        }
    }

    private static List<FundBalance>? Funds(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Funds: expected an array, found {reader.TokenType}.");
        }

        var funds = new List<FundBalance>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!StartObject(ref reader))
            {
                throw new JsonException("Funds: a null entry.");
            }

            string? code = null, currency = null;
            decimal units = 0, price = 0, market = 0;
            while (NextProperty(ref reader, FundNames, out var index))
            {
                switch (index)
                {
                    case 0: code = String(ref reader); break;
                    case 1: units = Decimal(ref reader); break;
                    case 2: price = Decimal(ref reader); break;
                    case 3: market = Decimal(ref reader); break;
                    case 4: currency = String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            funds.Add(new FundBalance(code, units, price, market, currency));
        }

        return funds;
    }

    private static HoldingBalance? Holding(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        decimal units = 0, market = 0;
        while (NextProperty(ref reader, HoldingNames, out var index))
        {
            switch (index)
            {
                case 0: units = Decimal(ref reader); break;
                case 1: market = Decimal(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new HoldingBalance(units, market);
    }

    private static void WriteHolding(Utf8JsonWriter writer, HoldingBalance? holding)
    {
        if (holding is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("Units"u8, holding.Units);
        writer.WriteNumber("MarketValue"u8, holding.MarketValue);
        writer.WriteEndObject();
    }

    // On the value: true at the start of an object, false for null.
    private static bool StartObject(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"Expected an object, found {reader.TokenType}."),
    };

    // Moves to the next property's value; index is the known name it matched, or -1. False at the object's end.
    private static bool NextProperty(ref Utf8JsonReader reader, Names names, out int index)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            index = -1;
            return false;
        }

        index = names.Match(ref reader);
        if (!reader.Read())
        {
            throw new JsonException("The answer ends inside an object.");
        }

        return true;
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
    };

    private static long Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"Expected a whole number, found {reader.TokenType}.");
    }

    private static decimal Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"Expected a number, found {reader.TokenType}.");
    }

    /// <summary>A type's property names, as UTF-8 for the exact match and as text for the case-insensitive one.</summary>
    private sealed class Names(params string[] names)
    {
        private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

        public int Match(ref Utf8JsonReader reader)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8[i]))
                {
                    return i;
                }
            }

            // Another spelling (camelCase, say): one string for the name, then the case-insensitive match.
            var name = reader.GetString();
            for (var i = 0; i < names.Length; i++)
            {
                if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
