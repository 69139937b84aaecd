using System.Buffers;
using System.Net.Http.Headers;

namespace UnitTrustLoad.Http;

/// <summary>
/// Requests over a shared <see cref="HttpClient"/> (its handler's pool, TLS, HTTP/2), reported the same way as the
/// suite's own client: answers read into a rented buffer that the <see cref="HttpAnswer"/> gives back.
/// </summary>
public sealed class HttpClientTransport(HttpClient http, string? description = null) : IHttpTransport, IAnswerOwner
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_body;

    /// <inheritdoc/>
    public string Description { get; } = description ?? "HttpClient (SocketsHttpHandler)";

    /// <inheritdoc/>
    public async ValueTask<HttpAnswer> PostAsync<TBody>(HttpRequestTemplate request, HeaderLine? header, TBody body, CancellationToken cancellationToken)
        where TBody : IRequestBody
    {
        ArgumentNullException.ThrowIfNull(request);

        // The body is written into a per-thread buffer (before any await), so the only allocation is the content array.
        var buffer = t_body ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        body.WriteTo(buffer);
        var payload = buffer.WrittenSpan.ToArray();

        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url);
        var fixedHeaders = request.Headers;
        for (var i = 0; i < fixedHeaders.Count; i++)
        {
            message.Headers.TryAddWithoutValidation(fixedHeaders[i].Name, fixedHeaders[i].Value);
        }

        if (header is not null)
        {
            message.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        var content = new ByteArrayContent(payload);
        content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        message.Content = content;

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpAnswer.Failed(WireOutcome.Timeout, "no answer within the request timeout", payload.Length);
        }
        catch (HttpRequestException ex)
        {
            // HttpClient does not say how much of the request left; a refused connection sent nothing.
            var outcome = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                ? WireOutcome.ConnectFailed
                : WireOutcome.ConnectionError;
            return HttpAnswer.Failed(outcome, ex.Message, outcome == WireOutcome.ConnectFailed ? 0 : payload.Length);
        }

        using (response)
        {
            try
            {
                var (rented, length) = await ReadBodyAsync(response.Content, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
                if (CodingOf(response.Content.Headers.ContentEncoding) is var coding && ContentDecoder.Decodes(coding))
                {
                    // Asked for with Accept-Encoding (Target:AcceptEncoding): decoded as our own client does.
                    var answer = ContentDecoder.Answer((int)response.StatusCode, rented, 0, length, coding, payload.Length, reused: false, this);
                    ArrayPool<byte>.Shared.Return(rented);
                    return answer;
                }

                return new HttpAnswer(WireOutcome.Answered, (int)response.StatusCode, rented, 0, length, payload.Length, reused: false, null, this, rented);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return HttpAnswer.Failed(WireOutcome.Timeout, "no answer within the request timeout", payload.Length);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                return HttpAnswer.Failed(WireOutcome.ConnectionError, ex.Message, payload.Length);
            }
        }
    }

    void IAnswerOwner.Return(object? lease)
    {
        if (lease is byte[] rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The HttpClient is owned by whoever made it (the token cache shares it).</summary>
    public void Dispose()
    {
    }

    /// <summary>One coding is decoded; none is plain; stacked codings are not decoded.</summary>
    private static ContentCoding CodingOf(ICollection<string> codings) => codings.Count switch
    {
        0 => ContentCoding.None,
        1 => ContentDecoder.Parse(codings.First()),
        _ => ContentCoding.Unknown,
    };

    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpContent content, long? contentLength, CancellationToken cancellationToken)
    {
        var size = contentLength is > 0 and < 1024 * 1024 ? (int)contentLength.Value : 4096;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 256));
        var filled = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer, filled);
                    }

                    filled += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
