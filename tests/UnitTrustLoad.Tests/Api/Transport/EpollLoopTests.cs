using System.Net;
using System.Net.Sockets;
using UnitTrustLoad.Api.Transport.Epoll;

namespace UnitTrustLoad.Tests.Api.Transport;

/// <summary>Our epoll loop on its own, against a plain TCP listener on 127.0.0.1 (Linux, where CI runs).</summary>
public sealed class EpollLoopTests
{
    [Fact]
    public async Task Sockets_register_echo_and_leave_their_slot_and_the_loop_stops_when_disposed()
    {
        EpollLoop.IsSupported.ShouldBeTrue("these tests run where the epoll loop runs (Linux, 64-bit)");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        var loop = new EpollLoop();

        // More sockets than the loop's first slot table (64), then closed: slots are reused, never mixed up.
        for (var round = 0; round < 2; round++)
        {
            var clients = new List<EpollSocket>();
            var servers = new List<Socket>();
            for (var i = 0; i < 80; i++)
            {
                clients.Add(await EpollSocket.ConnectAsync(loop, endPoint, CancellationToken.None));
                servers.Add(await listener.AcceptSocketAsync());
            }

            loop.Registered.ShouldBe(80);
            await Task.WhenAll(clients.Select((client, i) => EchoAsync(client, servers[i], $"hello {round}/{i}")));

            // The echoes completed on the loop thread and this test would go on there: leave it before stopping it.
            await Task.Yield();
            foreach (var client in clients)
            {
                client.Dispose();
            }

            servers.ForEach(s => s.Dispose());
            loop.Registered.ShouldBe(0);
        }

        loop.IsRunning.ShouldBeTrue();
        loop.Dispose();
        SpinWait.SpinUntil(() => !loop.IsRunning, TimeSpan.FromSeconds(5)).ShouldBeTrue("the loop thread ends once disposed");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Connects_over_ipv4_and_ipv6_loopback(string address)
    {
        // The socket address is handed to connect() as .NET lays it out: sockaddr_in and sockaddr_in6 alike.
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        using var loop = new EpollLoop();

        using var client = await EpollSocket.ConnectAsync(loop, (IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync();

        ((IPEndPoint)server.RemoteEndPoint!).AddressFamily.ShouldBe(IPAddress.Parse(address).AddressFamily);
        await EchoAsync(client, server, $"over {address}");
    }

    [Fact]
    public async Task A_pending_receive_ends_with_operation_aborted_when_the_socket_is_closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var loop = new EpollLoop();
        var client = await EpollSocket.ConnectAsync(loop, (IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync();

        var pending = client.ReceiveAsync(new byte[16], CancellationToken.None).AsTask();
        await Task.Delay(100);
        pending.IsCompleted.ShouldBeFalse();
        client.Dispose();

        var error = await Should.ThrowAsync<SocketException>(pending.WaitAsync(TimeSpan.FromSeconds(5)));
        error.SocketErrorCode.ShouldBe(SocketError.OperationAborted);
    }

    [Fact]
    public async Task Nobody_listening_fails_the_connect_with_the_reason()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();
        using var loop = new EpollLoop();

        var error = await Should.ThrowAsync<SocketException>(async () => await EpollSocket.ConnectAsync(loop, endPoint, CancellationToken.None));

        error.Message.ShouldContain("refused", Case.Insensitive);
        loop.Registered.ShouldBe(0);
    }

    private static async Task EchoAsync(EpollSocket client, Socket server, string text)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        (await client.SendAsync(bytes, CancellationToken.None)).ShouldBe(bytes.Length);
        var buffer = new byte[64];
        var got = await server.ReceiveAsync(buffer, SocketFlags.None);
        await server.SendAsync(buffer.AsMemory(0, got), SocketFlags.None);
        var back = new byte[64];
        var read = await client.ReceiveAsync(back, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        System.Text.Encoding.ASCII.GetString(back, 0, read).ShouldBe(text);
    }
}
