using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UnitTrustLoad.Simulator.Tests.Hosting;

/// <summary>The standalone simulator as a user starts it, in its own process.</summary>
public sealed class StandaloneProcessTests
{
    [Fact]
    public async Task A_busy_port_is_one_clear_line_and_exit_2_not_a_stack_trace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "UnitTrustLoad.Simulator.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Simulator__DatabasePath"] = Path.Combine(Path.GetTempPath(), $"utl-busy-{Guid.NewGuid():N}.db");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var errors = await stderr;
        var output = await stdout;
        process.ExitCode.ShouldBe(2, $"{output}{errors}");
        errors.ShouldContain("The simulator cannot listen");
        errors.ShouldContain("--urls");
        $"{output}{errors}".ShouldNotContain("   at ");
    }
}
