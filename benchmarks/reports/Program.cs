using System.Diagnostics;
using System.Globalization;
using UnitTrustLoad.Reporting;
using UnitTrustLoad.Reporting.Benchmarks;

// Measures the report writers over a generated 5-hour soak at 5 s intervals (3,600 intervals).
// Usage: dotnet run -c Release --project benchmarks/reports [-- SCENARIOS STEPS]
var scenarios = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
var steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var result = SoakRun.Create(TimeSpan.FromHours(5), TimeSpan.FromSeconds(5), scenarios, steps);
var context = new ReportContext(result, 0, TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi"), [new("target", "benchmark")]);
var root = Path.Combine(Path.GetTempPath(), "utl-report-bench-" + Environment.ProcessId);
Console.WriteLine($"run: {result.Intervals.Count} intervals x {scenarios} scenarios x ({steps} steps + iterations); {Environment.ProcessorCount} cores; .NET {Environment.Version}");

var htmlOnly = ReportWriterSet.Only("report.html");
var timings = new List<double>();
var cpu = new List<double>();
var process = Process.GetCurrentProcess();
for (var round = 0; round < 6; round++)
{
    var folder = Path.Combine(root, $"html-{round}");
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var failures = await htmlOnly.WriteAllAsync(context, folder);
    clock.Stop();
    process.Refresh();
    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    if (failures.Count > 0)
    {
        Console.Error.WriteLine(failures[0].Message);
        return 1;
    }

    timings.Add(clock.Elapsed.TotalMilliseconds);
}

var htmlSize = new FileInfo(Path.Combine(root, "html-0", "report.html")).Length;
var warm = timings.Skip(1).Order().ToList();
Console.WriteLine($"report.html: {htmlSize / 1024.0 / 1024.0:0.00} MiB ({htmlSize} bytes); first write {timings[0]:0} ms wall / {cpu[0]:0} ms CPU (cold, JIT included); warm median {warm[warm.Count / 2]:0} ms wall, max {warm[^1]:0} ms; warm CPU median {cpu.Skip(1).Order().ElementAt(2):0} ms");
Console.WriteLine($"load average while measuring: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");

var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var all = Stopwatch.StartNew();
var allFailures = await ReportWriterSet.Default.WriteAllAsync(context, Path.Combine(root, "all"));
all.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
Console.WriteLine($"all 7 reports: {all.Elapsed.TotalMilliseconds:0} ms, {allocated / 1024.0 / 1024.0:0.0} MiB allocated, {allFailures.Count} failures");
foreach (var file in new DirectoryInfo(Path.Combine(root, "all")).GetFiles().OrderBy(f => f.Name))
{
    Console.WriteLine($"  {file.Name,-16} {file.Length / 1024.0,10:0.0} KiB");
}

Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB (includes the generated run held in memory)");
Directory.Delete(root, recursive: true);
return 0;
