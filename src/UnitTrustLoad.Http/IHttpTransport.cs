namespace UnitTrustLoad.Http;

/// <summary>
/// Sends requests and reports what happened on the wire, never throwing for a failed request: refused connections,
/// timeouts and broken answers come back as an <see cref="HttpAnswer"/>. Only the caller's cancellation surfaces, as
/// <see cref="OperationCanceledException"/>. Knows no JSON and no load engine.
/// </summary>
public interface IHttpTransport : IDisposable
{
    /// <summary>Which client this is and how it drives its sockets, for a report's settings.</summary>
    string Description { get; }

    /// <summary>POSTs <paramref name="body"/> with <paramref name="request"/>'s head and the optional extra header.</summary>
    ValueTask<HttpAnswer> PostAsync<TBody>(HttpRequestTemplate request, HeaderLine? header, TBody body, CancellationToken cancellationToken)
        where TBody : IRequestBody;
}
