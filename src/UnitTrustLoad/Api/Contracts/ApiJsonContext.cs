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
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// A request body as bytes, written as the lean transport writes it (for the HttpClient transport). The buffer and
    /// writer are kept per thread, so the only allocation is the returned array.
    /// </summary>
    public static byte[] SerializeRequest<TRequest>(TRequest body, JsonTypeInfo<TRequest> requestType)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, RequestWriterOptions);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, body, requestType);
        return buffer.WrittenSpan.ToArray();
    }
}
