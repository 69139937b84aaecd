using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UnitTrustLoad.Tests.Support;

/// <summary>
/// Debian's tinyproxy, a real forward proxy, on 127.0.0.1 and a free port with a config file of the test's own; its log
/// names every request it carried ("Request (file descriptor N): POST http://... HTTP/1.1"). Stopped on dispose.
/// </summary>
internal sealed class Tinyproxy : IDisposable
{
    public const string ExecutablePath = "/usr/bin/tinyproxy";

    private readonly Process _process;
    private readonly string _folder;

    private Tinyproxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Url = $"http://127.0.0.1:{port}";
    }

    /// <summary>The proxy's URL, http://127.0.0.1:PORT.</summary>
    public string Url { get; }

    private string LogPath => Path.Combine(_folder, "tinyproxy.log");

    public static async Task<Tinyproxy> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "utl-tests", "tinyproxy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var config = Path.Combine(folder, "tinyproxy.conf");
        await File.WriteAllTextAsync(config, $"""
            Port {port}
            Listen 127.0.0.1
            Timeout 60
            LogFile "{Path.Combine(folder, "tinyproxy.log")}"
            LogLevel Info
            MaxClients 200
            Allow 127.0.0.1
            """);
        var start = new ProcessStartInfo(ExecutablePath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("tinyproxy did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var proxy = new Tinyproxy(process, folder, port);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The requests the proxy's log shows for URLs starting with <paramref name="prefix"/>.</summary>
    public int RequestsFor(string prefix)
    {
        if (!File.Exists(LogPath))
        {
            return 0;
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf("): ", StringComparison.Ordinal);
            if (line.Contains("Request (file descriptor", StringComparison.Ordinal) && at > 0)
            {
                var request = line[(at + 3)..].Split(' ');
                if (request.Length >= 2 && request[1].StartsWith(prefix, StringComparison.Ordinal))
                {
                    count++;
                }
            }
        }

        return count;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fact that needs Debian's tinyproxy; skipped, with the reason, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TinyproxyFactAttribute : FactAttribute
{
    public TinyproxyFactAttribute()
    {
        if (!File.Exists(Tinyproxy.ExecutablePath))
        {
            Skip = $"No proxy at {Tinyproxy.ExecutablePath}: install Debian's tinyproxy (apt-get install tinyproxy; .ci/run does) to run the proxy tests.";
        }
    }
}
