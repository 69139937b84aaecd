using System.Buffers.Text;

namespace UnitTrustLoad.Http.Http11;

/// <summary>
/// HTTP/1.1 response framing over a received buffer, without allocating: the status line and the headers the lean
/// transport needs (Content-Length, Transfer-Encoding: chunked, Connection), and chunked bodies decoded in place.
/// Anything it cannot read is <see cref="ParseStatus.Malformed"/>, which the caller turns into a failed request.
/// </summary>
internal static class ResponseParser
{
    /// <summary>Larger heads than this are not an API answer; refuse rather than buffer without end.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    private const int MaxChunkLineBytes = 4 * 1024;

    public static ParseStatus TryParseHead(ReadOnlySpan<byte> data, out ResponseHead head)
    {
        head = default;
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return data.Length > MaxHeadBytes || !StartsLikeStatusLine(data) ? ParseStatus.Malformed : ParseStatus.Incomplete;
        }

        var lines = data[..end];
        var lineEnd = lines.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? lines : lines[..lineEnd];
        if (!TryParseStatusLine(statusLine, out var status, out var http10))
        {
            return ParseStatus.Malformed;
        }

        var contentLength = -1L;
        var chunked = false;
        var close = http10;
        var keepAlive = -1;
        var coding = ContentCoding.None;
        var rest = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : lines[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf("\r\n"u8);
            var line = next < 0 ? rest : rest[..next];
            rest = next < 0 ? ReadOnlySpan<byte>.Empty : rest[(next + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return ParseStatus.Malformed;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (name.EqualsIgnoreCaseAscii("Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0
                    || (contentLength >= 0 && contentLength != length))
                {
                    return ParseStatus.Malformed;
                }

                contentLength = length;
            }
            else if (name.EqualsIgnoreCaseAscii("Transfer-Encoding"u8))
            {
                // Only chunked as the final coding frames the body; any other coding means "read to close".
                chunked = EndsWithIgnoreCase(value, "chunked"u8);
                close |= !chunked;
            }
            else if (name.EqualsIgnoreCaseAscii("Content-Encoding"u8))
            {
                coding = CodingOf(value);
            }
            else if (name.EqualsIgnoreCaseAscii("Keep-Alive"u8))
            {
                keepAlive = KeepAliveTimeout(value);
            }
            else if (name.EqualsIgnoreCaseAscii("Connection"u8))
            {
                if (ContainsIgnoreCase(value, "close"u8))
                {
                    close = true;
                }
                else if (http10 && ContainsIgnoreCase(value, "keep-alive"u8))
                {
                    close = false;
                }
            }
        }

        if (chunked)
        {
            // RFC 9112 section 6.3: chunked wins over a Content-Length, and the connection must not be reused.
            contentLength = -1;
        }

        if (!chunked && contentLength < 0 && !IsBodiless(status))
        {
            close = true;
        }

        head = new ResponseHead(status, end + 4, contentLength, chunked, close, keepAlive, coding);
        return ParseStatus.Complete;
    }

    /// <summary>
    /// A chunked body starting at <paramref name="data"/>[0]. Only once the last chunk and trailers are all there is the
    /// body moved together in place: <paramref name="bodyLength"/> bytes at the start, <paramref name="consumed"/> bytes of
    /// encoding read. Until then nothing is changed, so the caller can receive more and ask again.
    /// </summary>
    public static ParseStatus TryDecodeChunked(Span<byte> data, out int bodyLength, out int consumed)
    {
        bodyLength = 0;
        consumed = 0;
        var scan = Walk(data, compact: false, out _, out var end);
        if (scan != ParseStatus.Complete)
        {
            return scan;
        }

        Walk(data, compact: true, out bodyLength, out _);
        consumed = end;
        return ParseStatus.Complete;
    }

    private static ContentCoding CodingOf(ReadOnlySpan<byte> value)
        => value.IsEmpty || value.EqualsIgnoreCaseAscii("identity"u8) ? ContentCoding.None
            : value.EqualsIgnoreCaseAscii("gzip"u8) || value.EqualsIgnoreCaseAscii("x-gzip"u8) ? ContentCoding.Gzip
            : value.EqualsIgnoreCaseAscii("br"u8) ? ContentCoding.Brotli
            : value.EqualsIgnoreCaseAscii("deflate"u8) ? ContentCoding.Deflate
            : ContentCoding.Unknown;

    // "timeout=5, max=100" (RFC 2068 section 19.7.1): the timeout's seconds, or -1 when absent or not a number.
    private static int KeepAliveTimeout(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            var comma = value.IndexOf((byte)',');
            var parameter = (comma < 0 ? value : value[..comma]).Trim(" \t"u8);
            value = comma < 0 ? ReadOnlySpan<byte>.Empty : value[(comma + 1)..];
            var equals = parameter.IndexOf((byte)'=');
            if (equals <= 0 || !parameter[..equals].Trim(" \t"u8).EqualsIgnoreCaseAscii("timeout"u8))
            {
                continue;
            }

            var number = parameter[(equals + 1)..].Trim(" \t\""u8);
            return Utf8Parser.TryParse(number, out int seconds, out var used) && used == number.Length && seconds >= 0 ? seconds : -1;
        }

        return -1;
    }

    private static ParseStatus Walk(Span<byte> data, bool compact, out int written, out int end)
    {
        written = 0;
        end = 0;
        var position = 0;
        while (true)
        {
            var lineEnd = data[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return data.Length - position > MaxChunkLineBytes ? ParseStatus.Malformed : ParseStatus.Incomplete;
            }

            var sizeText = data.Slice(position, lineEnd);
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }

            if (!TryParseHex(sizeText.Trim(" \t"u8), out var size))
            {
                return ParseStatus.Malformed;
            }

            position += lineEnd + 2;
            if (size == 0)
            {
                // Trailer lines, then the empty line that ends the message.
                while (true)
                {
                    var trailerEnd = data[position..].IndexOf("\r\n"u8);
                    if (trailerEnd < 0)
                    {
                        return data.Length - position > MaxChunkLineBytes ? ParseStatus.Malformed : ParseStatus.Incomplete;
                    }

                    position += trailerEnd + 2;
                    if (trailerEnd == 0)
                    {
                        end = position;
                        return ParseStatus.Complete;
                    }
                }
            }

            if (size > data.Length - position - 2)
            {
                return ParseStatus.Incomplete;
            }

            var chunk = (int)size;
            if (data[position + chunk] != (byte)'\r' || data[position + chunk + 1] != (byte)'\n')
            {
                return ParseStatus.Malformed;
            }

            if (compact)
            {
                // Moves left over bytes already read, so overlapping is safe (CopyTo is a memmove).
                data.Slice(position, chunk).CopyTo(data[written..]);
            }

            written += chunk;
            position += chunk + 2;
        }
    }

    private static bool TryParseStatusLine(ReadOnlySpan<byte> line, out int status, out bool http10)
    {
        status = 0;
        http10 = false;
        // "HTTP/1.1 201 Created": the reason phrase may be empty, and the space before it may be missing.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' ' || (line.Length > 12 && line[12] != (byte)' '))
        {
            return false;
        }

        if (line[7] is not ((byte)'0' or (byte)'1'))
        {
            return false;
        }

        for (var i = 9; i < 12; i++)
        {
            var digit = line[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            status = (status * 10) + digit;
        }

        http10 = line[7] == (byte)'0';
        return status >= 100;
    }

    private static bool StartsLikeStatusLine(ReadOnlySpan<byte> data)
    {
        var prefix = "HTTP/1."u8;
        var length = Math.Min(prefix.Length, data.Length);
        return data[..length].SequenceEqual(prefix[..length]);
    }

    private static bool IsBodiless(int status) => status is (>= 100 and < 200) or 204 or 304;

    private static bool TryParseHex(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        // 15 hex digits stay inside a long; an API answer never needs more.
        if (text.IsEmpty || text.Length > 15)
        {
            return false;
        }

        foreach (var c in text)
        {
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)digit;
        }

        return true;
    }

    private static bool EqualsIgnoreCaseAscii(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> other)
        => System.Text.Ascii.EqualsIgnoreCase(span, other);

    private static bool EndsWithIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> suffix)
        => value.Length >= suffix.Length && System.Text.Ascii.EqualsIgnoreCase(value[^suffix.Length..], suffix);

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        for (var i = 0; i + token.Length <= value.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(value.Slice(i, token.Length), token))
            {
                return true;
            }
        }

        return false;
    }
}
