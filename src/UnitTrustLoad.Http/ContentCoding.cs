namespace UnitTrustLoad.Http;

/// <summary>The Content-Encoding of an answer the clients decode (asked for with Accept-Encoding).</summary>
public enum ContentCoding
{
    /// <summary>No coding, or identity.</summary>
    None,

    /// <summary>gzip (RFC 1952).</summary>
    Gzip,

    /// <summary>br, Brotli (RFC 7932).</summary>
    Brotli,

    /// <summary>deflate (the zlib format, RFC 1950).</summary>
    Deflate,

    /// <summary>A coding the clients cannot decode; the body is handed on as it came.</summary>
    Unknown,
}
