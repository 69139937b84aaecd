using System.Runtime.CompilerServices;
using UnitTrustLoad.Api;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// A user whose iteration ended on a connection error (the target refused or dropped the connection) waits before its
/// next one: 10 ms doubling to 1 s, with ±50 % jitter so users do not retry in step, reset by the first iteration that
/// gets through. Without it a closed-model user spins through refused connects (168,570 errors in a short outage), and
/// the throughput chart peaks during the outage. The wait is think time to the engine (not latency); its sum is
/// counted under <see cref="Counter"/> so the reports show how long users spent without a connection.
/// </summary>
internal sealed class RefusalBackoff
{
    public const string Counter = "connection_backoff_ms";

    private const string Key = "utl.refusal-backoff";
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    private volatile bool _seen;

    public Func<IScenarioContext, ValueTask<Response>> Around(Func<IScenarioContext, ValueTask<Response>> run) => context =>
    {
        var pending = run(context);
        if (!_seen && pending.IsCompletedSuccessfully && !IsRefusal(pending.Result))
        {
            return pending;
        }

        return AfterAsync(pending, context);
    };

    private static bool IsRefusal(in Response response) =>
        response.IsError && string.Equals(response.StatusCode, CallStatus.ConnectionError, StringComparison.Ordinal);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Response> AfterAsync(ValueTask<Response> pending, IScenarioContext context)
    {
        var response = await pending.ConfigureAwait(false);
        if (!IsRefusal(response))
        {
            if (_seen && context.Data.TryGetValue(Key, out var seen))
            {
                ((Streak)seen).Refusals = 0;
            }

            return response;
        }

        _seen = true;
        if (!context.Data.TryGetValue(Key, out var found))
        {
            found = new Streak();
            context.Data[Key] = found;
        }

        var streak = (Streak)found;
        streak.Refusals++;
        var wait = TimeSpan.FromTicks(Math.Min(Max.Ticks, First.Ticks << Math.Min(streak.Refusals - 1, 16)));
        wait *= 0.5 + Random.Shared.NextDouble();
        context.AddCounter(Counter, (long)wait.TotalMilliseconds);
        await context.PauseAsync(wait).ConfigureAwait(false);
        return response;
    }

    private sealed class Streak
    {
        public int Refusals { get; set; }
    }
}
