using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

// The cheapest endpoint that still speaks the API's token call and its five calls, so a
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

// Run each connection's request handling on the socket's own completion thread instead of queueing it to the thread
// pool (as TechEmpower entries do): on the one core the target gets, this about doubles what it can answer, so the
// fastest generators are not held back by it. compare.sh also starts it with inline socket completions.
builder.Services.Configure<SocketTransportOptions>(sockets => sockets.UnsafePreferInlineScheduling = true);

var app = builder.Build();
app.Run(RawEndpoints.AnswerAsync);
await app.RunAsync();

/// <summary>Fixed answers for the token call and the five API calls a benchmark makes.</summary>
internal static class RawEndpoints
{
    private const int MaxEchoedIdentifier = 64;

    private static readonly byte[] TokenJson =
        """{"access_token":"perf-token","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}"""u8.ToArray();

    private static readonly byte[] IdentifierKey = "\"ClientIdentifier\":\""u8.ToArray();
    private static readonly byte[] Prefix = "{\"ClientIdentifier\":\""u8.ToArray();
    private static readonly byte[] FixedIdentifier = "perf-client"u8.ToArray();

    // Each call's answer after the echoed ClientIdentifier. Stateless: every purchase allots 1,000 units at 1.0000,
    // every balance shows 1,000 units, every sale redeems 500 (so a client's ledger check would not hold: turn it off).
    private static readonly Answer Registered = new(StatusCodes.Status201Created, "\",\"InvestorId\":1,\"Status\":\"Registered\"}"u8.ToArray());
    private static readonly Answer Joined = new(StatusCodes.Status200OK, "\",\"FundShareClassCode\":\"MMF\",\"Status\":\"Joined\"}"u8.ToArray());
    private static readonly Answer Purchased = new(StatusCodes.Status200OK,
        "\",\"FundShareClassCode\":\"MMF\",\"PurchaseValue\":1000.00,\"UnitPrice\":1.0000,\"UnitsAllotted\":1000.0000,\"Balance\":{\"Units\":1000.0000,\"MarketValue\":1000.00}}"u8.ToArray());
    private static readonly Answer Balance = new(StatusCodes.Status200OK,
        "\",\"Funds\":[{\"FundShareClassCode\":\"MMF\",\"Units\":1000.0000,\"UnitPrice\":1.0000,\"MarketValue\":1000.00,\"Currency\":\"KES\"}],\"TotalMarketValue\":1000.00}"u8.ToArray());
    private static readonly Answer Sold = new(StatusCodes.Status200OK,
        "\",\"FundShareClassCode\":\"MMF\",\"SaleValue\":500.00,\"UnitsRedeemed\":500.0000,\"Balance\":{\"Units\":500.0000,\"MarketValue\":500.00}}"u8.ToArray());

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
        if (string.Equals(path, "/core/connect/token", StringComparison.OrdinalIgnoreCase))
        {
            await DrainAsync(request.BodyReader, context.RequestAborted);
            await WriteJsonAsync(response, TokenJson, context.RequestAborted);
            return;
        }

        var answer = AnswerFor(path);
        if (answer is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await EchoAsync(context, answer);
    }

    private static Answer? AnswerFor(string? path) => path switch
    {
        _ when Is(path, "/api/Investors/Register") => Registered,
        _ when Is(path, "/api/UnitTrust/JoinFund") => Joined,
        _ when Is(path, "/api/UnitTrust/PurchaseUnitTrust") => Purchased,
        _ when Is(path, "/api/UnitTrust/FetchInvestorUnitTrustFunds") => Balance,
        _ when Is(path, "/api/UnitTrust/SellUnitTrust") => Sold,
        _ => null,
    };

    private static bool Is(string? path, string expected) => string.Equals(path, expected, StringComparison.OrdinalIgnoreCase);

    // Echoes the body's ClientIdentifier (a client may check it) found by a byte search, not a JSON parse.
    private static async Task EchoAsync(HttpContext context, Answer answer)
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

        var buffer = ArrayPool<byte>.Shared.Rent(Prefix.Length + MaxEchoedIdentifier + answer.Suffix.Length);
        var length = Compose(result.Buffer, answer.Suffix, buffer);
        reader.AdvanceTo(result.Buffer.End);
        context.Response.StatusCode = answer.Status;
        await WriteJsonAsync(context.Response, buffer.AsMemory(0, length), context.RequestAborted);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static int Compose(ReadOnlySequence<byte> body, byte[] suffix, byte[] answer)
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
        Prefix.CopyTo(written);
        identifier.CopyTo(written[Prefix.Length..]);
        suffix.CopyTo(written[(Prefix.Length + identifier.Length)..]);
        return Prefix.Length + identifier.Length + suffix.Length;
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

    private sealed record Answer(int Status, byte[] Suffix);
}
