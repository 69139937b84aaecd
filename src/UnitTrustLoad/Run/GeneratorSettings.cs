namespace UnitTrustLoad.Run;

/// <summary>
/// Runtime settings the generator applies to itself, measured in docs/benchmarks.md ("Generator settings"). Only what
/// must be set before the first socket and the thread pool's first worker lives here; the rest is in the project file
/// (TieredCompilationQuickJit off).
/// </summary>
internal static class GeneratorSettings
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public const string SpinLimitVariable = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";

    public const string SpinLimitSetting = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>
    /// Against a remote target, socket completions run on the epoll thread instead of hopping to the thread pool: a
    /// quarter less CPU per request. Not with the embedded simulator: its SQLite work would then run on that one
    /// thread too (the journey lost 12 %). The runtime reads the variable once, at its first socket, so the run calls
    /// this before it opens any. A value the user set (0 to turn it off) is kept.
    /// </summary>
    public static void ApplyBeforeAnySocket(bool embeddedSimulator)
    {
        if (embeddedSimulator)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }

        // With completions inline, pool threads only see the odd timer: when woken they spun on the pool's semaphore
        // (one sched_yield system call per spin) before sleeping, 1.7 calls per request on one core. Not spinning cut
        // that to 0.005 and the CPU per request by about 4 %. Read once, when the pool's first worker starts, which is
        // after this (nothing before the run queues work); a value the user set is kept.
        if (Environment.GetEnvironmentVariable(InlineCompletions) == "1"
            && Environment.GetEnvironmentVariable(SpinLimitVariable) is null
            && AppContext.GetData(SpinLimitSetting) is null)
        {
            AppContext.SetData(SpinLimitSetting, 0);
        }
    }
}
