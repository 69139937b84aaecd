using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

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
    private static readonly byte[] TokenJson =
        """{"access_token":"perf-token","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}"""u8.ToArray();

    private static readonly byte[] RegisteredJson =
        """{"ClientIdentifier":"perf-client","InvestorId":1,"Status":"Registered"}"""u8.ToArray();

    public static async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        byte[] answer;
        var path = request.Path.Value;
        if (string.Equals(path, "/api/Investors/Register", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status201Created;
            answer = RegisteredJson;
        }
        else if (string.Equals(path, "/core/connect/token", StringComparison.OrdinalIgnoreCase))
        {
            answer = TokenJson;
        }
        else
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await DrainAsync(request.BodyReader, context.RequestAborted);
        response.ContentType = "application/json";
        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer, context.RequestAborted);
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
