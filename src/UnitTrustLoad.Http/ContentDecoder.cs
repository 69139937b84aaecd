using System.Buffers;
using System.IO.Compression;

namespace UnitTrustLoad.Http;

/// <summary>
/// Decodes a compressed answer body into a pooled buffer, the same way for both clients, so answer checks read the JSON
/// the server meant. Only used when Accept-Encoding was sent; a plain answer never comes here.
/// </summary>
internal static class ContentDecoder
{
    /// <summary>The coding a Content-Encoding value names (one coding; stacked codings are not decoded).</summary>
    public static ContentCoding Parse(ReadOnlySpan<char> value)
    {
        var coding = value.Trim();
        return coding.Length == 0 || coding.Equals("identity", StringComparison.OrdinalIgnoreCase) ? ContentCoding.None
            : coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Gzip
            : coding.Equals("br", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Brotli
            : coding.Equals("deflate", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Deflate
            : ContentCoding.Unknown;
    }

    /// <summary>
    /// The answer with its body decoded into a rented buffer that <paramref name="owner"/> returns when the answer is
    /// disposed, or a <see cref="WireOutcome.Malformed"/> failure when the bytes are not what the coding says.
    /// </summary>
    public static HttpAnswer Answer(int status, byte[] source, int start, int length, ContentCoding coding, long bytesSent, bool reused, IAnswerOwner owner)
        => TryDecode(source, start, length, coding, out var plain, out var plainLength)
            ? new HttpAnswer(WireOutcome.Answered, status, plain, 0, plainLength, bytesSent, reused, null, owner, plain)
            : HttpAnswer.Failed(WireOutcome.Malformed, $"the answer's {coding} body could not be decoded", bytesSent, reused);

    /// <summary>True for the codings this decoder reads.</summary>
    public static bool Decodes(ContentCoding coding) => coding is ContentCoding.Gzip or ContentCoding.Brotli or ContentCoding.Deflate;

    /// <summary>
    /// The decoded body in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it), or false when
    /// the bytes are not what the coding says (then nothing is rented).
    /// </summary>
    public static bool TryDecode(byte[] source, int start, int length, ContentCoding coding, out byte[] rented, out int written)
    {
        using var input = new MemoryStream(source, start, length, writable: false);
        using Stream decoder = coding switch
        {
            ContentCoding.Gzip => new GZipStream(input, CompressionMode.Decompress),
            ContentCoding.Brotli => new BrotliStream(input, CompressionMode.Decompress),
            ContentCoding.Deflate => new ZLibStream(input, CompressionMode.Decompress),
            _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "Only gzip, br and deflate are decoded."),
        };
        rented = ArrayPool<byte>.Shared.Rent(Math.Max(1024, length * 4));
        written = 0;
        try
        {
            while (true)
            {
                if (written == rented.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(rented.Length * 2);
                    rented.AsSpan(0, written).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = bigger;
                }

                var read = decoder.Read(rented, written, rented.Length - written);
                if (read == 0)
                {
                    return true;
                }

                written += read;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = [];
            written = 0;
            return false;
        }
    }
}
