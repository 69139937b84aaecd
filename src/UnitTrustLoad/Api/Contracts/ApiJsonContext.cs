using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace UnitTrustLoad.Api.Contracts;

/// <summary>
/// Source-generated serialisation: no reflection per request. The server matches names case-insensitively; so do we.
/// The answers are read by <see cref="AnswerReaders"/>, which keep that contract. They are attached to the answer types,
/// not listed in these options: a converter in the options turns off the generated fast path for writing every request.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RegisterInvestorRequest))]
[JsonSerializable(typeof(RegisterInvestorResponse))]
[JsonSerializable(typeof(JoinFundRequest))]
[JsonSerializable(typeof(JoinFundResponse))]
[JsonSerializable(typeof(PurchaseRequest))]
[JsonSerializable(typeof(PurchaseResponse))]
[JsonSerializable(typeof(BalanceRequest))]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(SaleRequest))]
[JsonSerializable(typeof(SaleResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// How both transports write request bodies. The default encoder escapes HTML-sensitive characters for pages a
    /// browser renders; a request body is read by an API, so '+' in a phone number and '&amp;' in a bank's name go as
    /// they are (valid JSON either way): each escape was 6 bytes for 1, so a register request is 10 bytes shorter (15 for
    /// I&amp;M BANK's investors), and the writer's escaping path no longer runs on the hot path. Validation is skipped:
    /// the generated writer is correct by construction.
    /// </summary>
    public static JsonWriterOptions RequestWriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Writes a request body into <paramref name="destination"/> (either HTTP client's buffer). The writer is kept per
    /// thread and only pointed at the destination, so writing a body allocates nothing of its own.
    /// </summary>
    public static void WriteRequest<TRequest>(IBufferWriter<byte> destination, TRequest body, JsonTypeInfo<TRequest> requestType)
    {
        var writer = t_writer;
        if (writer is null)
        {
            t_writer = writer = new Utf8JsonWriter(destination, RequestWriterOptions);
        }
        else
        {
            writer.Reset(destination);
        }

        JsonSerializer.Serialize(writer, body, requestType);
    }

    /// <summary>A request body as bytes, exactly as <see cref="WriteRequest"/> writes it (for tests and tools).</summary>
    public static byte[] SerializeRequest<TRequest>(TRequest body, JsonTypeInfo<TRequest> requestType)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteRequest(buffer, body, requestType);
        return buffer.WrittenSpan.ToArray();
    }
}
