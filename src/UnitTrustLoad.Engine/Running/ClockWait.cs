namespace UnitTrustLoad.Engine.Running;

/// <summary>Waiting on the run's clock: precise and thread-bound on the real clock, timer-driven on any other (tests).</summary>
internal static class ClockWait
{
    /// <summary>
    /// Waits until <paramref name="clock"/> shows <paramref name="due"/> elapsed since <paramref name="start"/>.
    /// On the system clock it sleeps on the calling (dedicated) thread (<see cref="WaitUntil"/>), which keeps a busy thread pool
    /// from delaying the wake-up; otherwise it awaits a timer of <paramref name="clock"/> so a fake clock drives it.
    /// </summary>
    public static ValueTask WaitUntilAsync(TimeProvider clock, long start, TimeSpan due, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(clock, TimeProvider.System))
        {
            WaitUntil(clock, start, due, cancellationToken);
            return ValueTask.CompletedTask;
        }

        var remaining = due - clock.GetElapsedTime(start);
        return remaining <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(DelayAsync(clock, remaining, cancellationToken));
    }

    /// <summary>
    /// The system clock's wait, on the calling (dedicated) thread: sleeps in 50 ms slices (still seeing a stop within
    /// 50 ms), the last 3 ms in 1 ms slices.
    /// </summary>
    public static void WaitUntil(TimeProvider clock, long start, TimeSpan due, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var left = due - clock.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            Thread.Sleep(left > TimeSpan.FromMilliseconds(3) ? (int)Math.Min(50, left.TotalMilliseconds - 2) : 1);
        }
    }

    /// <summary>A delay on <paramref name="clock"/> that ends quietly when cancelled.</summary>
    public static async Task DelayAsync(TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A stop ends the wait early; the caller checks the token.
        }
    }
}
