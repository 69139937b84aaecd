using Microsoft.AspNetCore.Http.Features;
using UnitTrustLoad.Simulator.Apis;

namespace UnitTrustLoad.Simulator.Faults;

/// <summary>
/// Adds latency, then at most one of: a dropped connection, a 408 after a delay, a 500, or the operation carried out
/// and its connection dropped unanswered, each with its configured share (one random draw, so the shares are exact and
/// never overlap). The first three strike before the operation runs, so such a request changes nothing; the last
/// (ApplyThenDropRate) commits it and answers nothing, the "unknown outcome" a client cannot tell from a lost request.
/// Installed only when a fault is configured: no cost otherwise.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultPlan plan, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (plan.For(context.Request.Path) is not { } fault)
        {
            await next(context);
            return;
        }

        var latency = fault.LatencyMs + (fault.LatencyJitterMs > 0 ? plan.NextJitterMs(fault.LatencyJitterMs) : 0);
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time, context.RequestAborted);
        }

        var draw = plan.NextDraw();
        if (draw < fault.DropRate)
        {
            context.Abort();
            return;
        }

        if (draw < fault.DropRate + fault.TimeoutRate)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.TimeoutDelayMs), time, context.RequestAborted);
            await WriteProblemAsync(context, StatusCodes.Status408RequestTimeout, "Request timeout (injected fault).", "injected-timeout");
            return;
        }

        if (draw < fault.DropRate + fault.TimeoutRate + fault.ErrorRate)
        {
            await WriteProblemAsync(context, StatusCodes.Status500InternalServerError, "Internal server error (injected fault).", "injected-error");
            return;
        }

        if (draw < fault.DropRate + fault.TimeoutRate + fault.ErrorRate + fault.ApplyThenDropRate)
        {
            await ApplyThenDropAsync(context);
            return;
        }

        await next(context);
    }

    // The operation runs to its end (its transaction committed), writing its answer into nothing; then the connection
    // is aborted, so not one byte of the answer leaves.
    private async Task ApplyThenDropAsync(HttpContext context)
    {
        var wire = context.Features.Get<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(wire);
            context.Abort();
        }
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string title, string type)
        => TypedResults.Problem(statusCode: status, title: title, type: Problems.TypeBase + type).ExecuteAsync(context);
}
