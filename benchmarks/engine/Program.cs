using UnitTrustLoad.Engine.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/engine -- overhead|accuracy|memory [minutes]
string which = args.Length > 0 ? args[0] : "help";
switch (which)
{
    case "overhead":
        await OverheadBenchmark.RunAsync();
        return 0;
    case "accuracy":
        await AccuracyBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
        return 0;
    case "memory":
        await MemoryBenchmark.RunAsync(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
        return 0;
    default:
        Console.Error.WriteLine("usage: overhead | accuracy [seconds, default 30] | memory [minutes, default 10]");
        return 2;
}
