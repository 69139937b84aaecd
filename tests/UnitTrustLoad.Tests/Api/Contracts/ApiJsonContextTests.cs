using System.Buffers;
using System.Text.Json;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Data;

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
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
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

    private static void Write(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, RegisterInvestorRequest request)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, request, ApiJsonContext.Default.RegisterInvestorRequest);
    }
}
