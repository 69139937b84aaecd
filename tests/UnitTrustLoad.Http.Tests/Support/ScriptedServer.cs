using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UnitTrustLoad.Http.Tests.Support;

/// <summary>
/// A raw TCP listener on 127.0.0.1 that answers each request with bytes the test scripts: split into pieces with pauses,
/// chunked, closing, or broken, as no well-behaved server would. It records every request it read and every
/// connection it accepted (and which connection carried each request). Told to, it closes the keep-alive
/// connections waiting for their next request, as a server's idle timeout does. Bounded: each read waits at most 10 s, and
/// disposal stops everything.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, string, ScriptedAnswer> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _requests;
    private int _accepted;
    private int _closedIdle;
    private int _open;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<CancellationTokenSource, bool> _idleWaits = new();

    public ScriptedServer(Func<int, string, ScriptedAnswer> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Accepted => Volatile.Read(ref _accepted);

    public List<string> Requests { get; } = [];

    /// <summary>For each request in <see cref="Requests"/>, the number (from 1) of the connection it came on.</summary>
    public List<int> ConnectionOfRequest { get; } = [];

    /// <summary>Idle keep-alive connections this server closed (<see cref="CloseIdleAsync"/>).</summary>
    public int ClosedIdle => Volatile.Read(ref _closedIdle);

    /// <summary>
    /// Closes every keep-alive connection waiting for its next request, as a server's idle timeout does, at a moment
    /// the test chooses (in-process timers can fire late and together, which would make a test's own timers cross);
    /// returns once they are closed (at most 5 s). A connection that has written its answer but not yet come back to
    /// wait for the next request is waited for (at most 2 s), so "every idle connection" does not depend on how fast
    /// this server's own loop runs on a loaded host.
    /// </summary>
    public async Task CloseIdleAsync()
    {
        for (var i = 0; i < 200 && _idleWaits.Count < Volatile.Read(ref _open); i++)
        {
            await Task.Delay(10);
        }

        var expected = ClosedIdle;
        foreach (var wait in _idleWaits.Keys)
        {
            expected++;
            await wait.CancelAsync();
        }

        for (var i = 0; i < 500 && ClosedIdle < expected; i++)
        {
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var number = Interlocked.Increment(ref _accepted);
            lock (_connections)
            {
                _connections.Add(ServeAsync(socket, number));
            }
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using var _ = socket;
        Interlocked.Increment(ref _open);
        try
        {
            await ServeRequestsAsync(socket, connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private async Task ServeRequestsAsync(Socket socket, int connection)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // One request: head, then Content-Length bytes of body.
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    var idle = filled == 0;
                    readTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                    int read;
                    try
                    {
                        if (idle)
                        {
                            _idleWaits[readTimeout] = true;
                        }

                        read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, readTimeout.Token);
                    }
                    catch (OperationCanceledException) when (idle && !_stop.IsCancellationRequested)
                    {
                        // Told to close idle connections: the server closes this keep-alive connection.
                        socket.Shutdown(SocketShutdown.Both);
                        Interlocked.Increment(ref _closedIdle);
                        return;
                    }
                    finally
                    {
                        _idleWaits.TryRemove(readTimeout, out var _);
                    }

                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var length = ContentLength(head);
                while (filled < headEnd + 4 + length)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var total = headEnd + 4 + length;
                var request = Encoding.UTF8.GetString(buffer, 0, total);
                buffer.AsSpan(total, filled - total).CopyTo(buffer);
                filled -= total;
                int number;
                lock (Requests)
                {
                    Requests.Add(request);
                    ConnectionOfRequest.Add(connection);
                    number = ++_requests;
                }

                var answer = _script(number, request);
                foreach (var piece in answer.Pieces)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(piece), SocketFlags.None, _stop.Token);
                    if (answer.PauseBetweenPieces > TimeSpan.Zero)
                    {
                        await Task.Delay(answer.PauseBetweenPieces, _stop.Token);
                    }
                }

                if (answer.Hang > TimeSpan.Zero)
                {
                    await Task.Delay(answer.Hang, _stop.Token);
                }

                if (answer.CloseAfter)
                {
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the test ended.
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
