using System.Buffers;
using System.Text.Json;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Tests.Api.Contracts;

public sealed class ApiJsonContextTests
{
    [Fact]
    public void Requests_are_written_by_the_generated_fast_path_without_allocating()
    {
        // A converter in the context's options would switch the generated writer off for every type (it did once:
        // 300 more bytes per register request); the answer readers are attached to their types for that reason.
        ApiJsonContext.Default.Options.Converters.ShouldBeEmpty();
        var request = new InvestorFaker(3, TimeProvider.System).Next().Registration;
        var buffer = new ArrayBufferWriter<byte>(2048);
        using var writer = new Utf8JsonWriter(buffer, ApiJsonContext.RequestWriterOptions);
        for (var i = 0; i < 100; i++)
        {
            Write(writer, buffer, request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            Write(writer, buffer, request);
        }

        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000.0;
        perRequest.ShouldBeLessThan(8, "bytes allocated per serialized register request");
    }

    [Fact]
    public void Request_bodies_carry_plus_and_ampersand_as_they_are_and_read_back_the_same()
    {
        // Bank 7 of the faker's list is "I&M BANK LTD"; every phone number starts with '+'. Find an investor with both.
        var faker = new InvestorFaker(11, TimeProvider.System);
        var request = faker.Next().Registration;
        for (var i = 0; i < 1_000 && !request.BankAccount.Bank.Contains('&', StringComparison.Ordinal); i++)
        {
            request = faker.Next().Registration;
        }

        request.BankAccount.Bank.ShouldContain("&");
        var bytes = ApiJsonContext.SerializeRequest(request, ApiJsonContext.Default.RegisterInvestorRequest);
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        text.ShouldNotContain("\\u", Case.Sensitive, "no character of a register request needs an escape");
        text.ShouldContain($"\"PhoneNumber\":\"{request.PhoneNumber}\"");
        text.ShouldContain($"\"Bank\":\"{request.BankAccount.Bank}\"");
        var defaultEscaped = JsonSerializer.SerializeToUtf8Bytes(request, ApiJsonContext.Default.RegisterInvestorRequest);
        bytes.Length.ShouldBeLessThan(defaultEscaped.Length);
        JsonSerializer.Deserialize(bytes, ApiJsonContext.Default.RegisterInvestorRequest).ShouldBe(request);
    }

    [Fact]
    public void A_request_body_is_written_into_the_clients_buffer_allocating_nothing()
    {
        var request = new InvestorFaker(4, TimeProvider.System).Next().Registration;
        var first = ApiJsonContext.SerializeRequest(request, ApiJsonContext.Default.RegisterInvestorRequest);
        var buffer = new ArrayBufferWriter<byte>(4096);
        ApiJsonContext.WriteRequest(buffer, request, ApiJsonContext.Default.RegisterInvestorRequest);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            buffer.ResetWrittenCount();
            ApiJsonContext.WriteRequest(buffer, request, ApiJsonContext.Default.RegisterInvestorRequest);
        }

        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000.0;
        perRequest.ShouldBeLessThan(8, "bytes allocated per body written into a reused buffer");
        buffer.WrittenSpan.ToArray().ShouldBe(first);
    }

    private static void Write(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, RegisterInvestorRequest request)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, request, ApiJsonContext.Default.RegisterInvestorRequest);
    }
}
