using System.Net.Sockets;

namespace UnitTrustLoad.Http.Sockets;

/// <summary>
/// The byte stream under an <see cref="Http11.Http11Connection"/>: .NET's own socket engine, or on Linux our epoll loop
/// (<see cref="Epoll.EpollSocket"/>). Failures surface as <see cref="SocketException"/>, <see cref="IOException"/>,
/// <see cref="ObjectDisposedException"/> or <see cref="OperationCanceledException"/>, as the connection expects.
/// </summary>
internal abstract class ClientSocket : IDisposable
{
    /// <summary>Sends some of <paramref name="data"/>; returns how much (the caller loops until all is sent).</summary>
    public abstract ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Receives into <paramref name="buffer"/>; 0 means the peer closed its side.</summary>
    public abstract ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>
    /// True when an idle connection must not carry another request: the peer closed or reset it, or sent bytes no
    /// request asked for. Without <paramref name="probe"/> only what is already known is looked at (no syscall); with
    /// it, one non-blocking look at the socket (poll, or recv with MSG_PEEK), nothing read.
    /// </summary>
    public abstract bool PeerGone(bool probe);

    /// <summary>
    /// One non-blocking look, nothing read: true when the peer's close (end of stream or a reset) is all there is to
    /// read now, with no byte of data before it.
    /// </summary>
    public abstract bool ClosedByPeer();

    /// <summary>Closes the socket; a pending send or receive ends with an error.</summary>
    public abstract void Dispose();
}

/// <summary>A connected <see cref="Socket"/> driven by .NET's socket engine.</summary>
internal sealed class DotNetSocket(Socket socket) : ClientSocket
{
    public override ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        => socket.SendAsync(data, SocketFlags.None, cancellationToken);

    public override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        => socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public override bool PeerGone(bool probe)
    {
        if (!probe)
        {
            return false;
        }

        try
        {
            // Readable while idle: closed, reset, or bytes nobody asked for; none of these may carry a request.
            return socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public override bool ClosedByPeer()
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public override void Dispose() => socket.Dispose();
}
