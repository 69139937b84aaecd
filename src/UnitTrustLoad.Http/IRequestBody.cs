using System.Buffers;

namespace UnitTrustLoad.Http;

/// <summary>
/// Writes a request body into the client's buffer. A struct implementing it is passed by value through the generic
/// send methods, so writing a body allocates nothing of its own. <see cref="WriteTo"/> runs synchronously, before the
/// request's first byte is sent.
/// </summary>
public interface IRequestBody
{
    /// <summary>Writes the whole body into <paramref name="destination"/>.</summary>
    void WriteTo(IBufferWriter<byte> destination);
}
