using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Http;

namespace UnitTrustLoad.Api;

/// <summary>A request body written as JSON by the source-generated writer, straight into the HTTP client's buffer.</summary>
internal readonly struct JsonBody<T>(T value, JsonTypeInfo<T> type) : IRequestBody
{
    public void WriteTo(IBufferWriter<byte> destination) => ApiJsonContext.WriteRequest(destination, value, type);
}
