using System.Buffers;
using System.IO.Pipelines;

// The cheapest endpoint that still speaks the API's register and token calls, so a
// side-by-side run measures the load generators, not the server. No routing, no
// logging, no JSON parsing: bodies are drained and fixed answers written from bytes.
var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
builder.WebHost.UseKestrelCore();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxConcurrentConnections = null;
});
builder.Configuration.AddCommandLine(args);

var app = builder.Build();
app.Run(RawEndpoints.AnswerAsync);
await app.RunAsync();

/// <summary>Fixed answers for the two calls a benchmark makes.</summary>
internal static class RawEndpoints
{
    private const int MaxEchoedIdentifier = 64;

    private static readonly byte[] TokenJson =
        """{"access_token":"perf-token","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}"""u8.ToArray();

    private static readonly byte[] IdentifierKey = "\"ClientIdentifier\":\""u8.ToArray();
    private static readonly byte[] RegisteredPrefix = "{\"ClientIdentifier\":\""u8.ToArray();
    private static readonly byte[] RegisteredSuffix = "\",\"InvestorId\":1,\"Status\":\"Registered\"}"u8.ToArray();
    private static readonly byte[] FixedIdentifier = "perf-client"u8.ToArray();

    public static async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var path = request.Path.Value;
        if (string.Equals(path, "/api/Investors/Register", StringComparison.OrdinalIgnoreCase))
        {
            await RegisterAsync(context);
        }
        else if (string.Equals(path, "/core/connect/token", StringComparison.OrdinalIgnoreCase))
        {
            await DrainAsync(request.BodyReader, context.RequestAborted);
            await WriteJsonAsync(response, TokenJson, context.RequestAborted);
        }
        else
        {
            response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    // Echoes the body's ClientIdentifier (a client may check it) found by a byte search, not a JSON parse.
    private static async Task RegisterAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await reader.ReadAsync(context.RequestAborted);
            if (result.IsCompleted || result.IsCanceled)
            {
                break;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }

        var answer = ArrayPool<byte>.Shared.Rent(RegisteredPrefix.Length + MaxEchoedIdentifier + RegisteredSuffix.Length);
        var length = ComposeRegistered(result.Buffer, answer);
        reader.AdvanceTo(result.Buffer.End);
        context.Response.StatusCode = StatusCodes.Status201Created;
        await WriteJsonAsync(context.Response, answer.AsMemory(0, length), context.RequestAborted);
        ArrayPool<byte>.Shared.Return(answer);
    }

    private static int ComposeRegistered(ReadOnlySequence<byte> body, byte[] answer)
    {
        var span = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        ReadOnlySpan<byte> identifier = FixedIdentifier;
        var at = span.IndexOf(IdentifierKey);
        if (at >= 0)
        {
            var rest = span[(at + IdentifierKey.Length)..];
            var end = rest.IndexOf((byte)'"');
            if (end > 0 && end <= MaxEchoedIdentifier)
            {
                identifier = rest[..end];
            }
        }

        var written = answer.AsSpan();
        RegisteredPrefix.CopyTo(written);
        identifier.CopyTo(written[RegisteredPrefix.Length..]);
        RegisteredSuffix.CopyTo(written[(RegisteredPrefix.Length + identifier.Length)..]);
        return RegisteredPrefix.Length + identifier.Length + RegisteredSuffix.Length;
    }

    private static async Task WriteJsonAsync(HttpResponse response, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, cancellationToken);
    }

    // Reads the body to its end without copying it, so keep-alive connections stay usable.
    private static async ValueTask DrainAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }
}
