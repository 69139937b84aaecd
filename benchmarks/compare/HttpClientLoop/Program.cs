using System.Runtime;
using HttpClientLoop;

var options = LoopOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

if (options.MinThreads > 0)
{
    ThreadPool.GetMinThreads(out _, out var io);
    ThreadPool.SetMinThreads(options.MinThreads, io);
}

// Say which runtime settings were in force, so a figure is never read without its conditions.
Console.Error.WriteLine(
    $"HttpClientLoop mode={options.Mode} connections={options.Connections} cpus={Environment.ProcessorCount} " +
    $"serverGC={GCSettings.IsServerGC} gcLatency={GCSettings.LatencyMode} " +
    $"inline={Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") ?? "-"}");

var result = await new LoadLoop(options).RunAsync();
Console.WriteLine(result.ToJsonLine());
return result.Requests > 0 ? 0 : 1;
