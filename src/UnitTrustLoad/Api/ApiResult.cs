namespace UnitTrustLoad.Api;

/// <summary>
/// How one API call ended: the promised status is OK with its answer, anything else a failure under its
/// <see cref="CallStatus"/>, never an exception. Bytes are the request's and the answer body's, for throughput figures.
/// </summary>
internal readonly record struct ApiResult<T>(bool IsOk, string Status, T? Value, string? Error, long BytesSent, long BytesReceived)
{
    public static ApiResult<T> Ok(T value, string status, long bytesSent, long bytesReceived) => new(true, status, value, null, bytesSent, bytesReceived);

    public static ApiResult<T> Fail(string status, string? error, long bytesSent = 0, long bytesReceived = 0) => new(false, status, default, error, bytesSent, bytesReceived);
}
