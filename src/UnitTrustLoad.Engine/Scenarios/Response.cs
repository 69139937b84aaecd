namespace UnitTrustLoad.Engine.Scenarios;

/// <summary>The outcome of a step or an iteration. A failed HTTP call is data, not an exception.</summary>
public readonly record struct Response(bool IsError, string StatusCode, string? Message, long BytesSent, long BytesReceived)
{
    /// <summary>The status of an iteration that did not run (see <see cref="Dropped"/>).</summary>
    public const string DroppedStatus = "dropped";

    /// <summary>
    /// The iteration did not run for want of something of the generator's own (a free test account, say): counted as
    /// a dropped iteration, as k6 counts an arrival with no free virtual user, never as a failure of the target, and
    /// left out of every latency. Return it before any step ran.
    /// </summary>
    public static Response Dropped(string? reason = null) => new(true, DroppedStatus, reason, 0, 0);

    /// <summary>True for <see cref="Dropped"/>.</summary>
    public bool IsDropped => IsError && string.Equals(StatusCode, DroppedStatus, StringComparison.Ordinal);

    /// <summary>A success.</summary>
    public static Response Ok(string statusCode = "200", long bytesSent = 0, long bytesReceived = 0, string? message = null)
        => new(false, statusCode, message, bytesSent, bytesReceived);

    /// <summary>A failure, counted under its status code.</summary>
    public static Response Fail(string statusCode = "fail", string? message = null, long bytesSent = 0, long bytesReceived = 0)
        => new(true, statusCode, message, bytesSent, bytesReceived);

    /// <summary>A success carrying a value for the next step.</summary>
    public static Response<T> Ok<T>(T payload, string statusCode = "200", long bytesSent = 0, long bytesReceived = 0)
        => new(new Response(false, statusCode, null, bytesSent, bytesReceived), payload);

    /// <summary>A failure of a step that would have carried a value.</summary>
    public static Response<T> Fail<T>(string statusCode = "fail", string? message = null, long bytesSent = 0, long bytesReceived = 0)
        => new(new Response(true, statusCode, message, bytesSent, bytesReceived), default);
}

/// <summary>A response with a payload for later steps.</summary>
public readonly record struct Response<T>(Response Outcome, T? Payload)
{
    /// <summary>True when the step failed.</summary>
    public bool IsError => Outcome.IsError;

    /// <summary>Drops the payload.</summary>
    public static implicit operator Response(Response<T> r) => r.Outcome;
}
