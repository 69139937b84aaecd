using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using UnitTrustLoad.Http.Sockets.Epoll;

namespace UnitTrustLoad.Http.Tests.Sockets;

/// <summary>Our epoll loop on its own, against a plain TCP listener on 127.0.0.1 (Linux, where CI runs).</summary>
public sealed class EpollLoopTests
{
    [Theory]
    [InlineData(Architecture.X64, 12, 4)]
    [InlineData(Architecture.Arm64, 16, 8)]
    [InlineData(Architecture.LoongArch64, 16, 8)]
    [InlineData(Architecture.RiscV64, 16, 8)]
    public void The_epoll_event_is_laid_out_as_each_architectures_kernel_lays_it_out(Architecture architecture, int size, int dataOffset)
    {
        // The kernel packs struct epoll_event (__attribute__((packed))) only on x86-64; a 12-byte layout elsewhere
        // made epoll_wait write 16-byte events into a 12-byte-per-event buffer and run past its end.
        Libc.EpollEventLayoutFor(architecture).ShouldBe((size, dataOffset));
        Libc.EpollEventSize.ShouldBeLessThanOrEqualTo(Libc.MaxEpollEventSize);
    }

    [Fact]
    public async Task A_full_batch_of_ready_sockets_is_read_with_this_architectures_stride()
    {
        // More sockets ready at once than one epoll_wait returns (256): every one gets its own data back, none
        // another's, so the events were read at the kernel's stride for this machine.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(512);
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        using var loop = new EpollLoop();
        var pairs = new List<(EpollSocket Client, Socket Server)>();
        try
        {
            for (var i = 0; i < 300; i++)
            {
                var client = await EpollSocket.ConnectAsync(loop, endPoint, CancellationToken.None);
                pairs.Add((client, await listener.AcceptSocketAsync()));
            }

            var receives = new List<Task<int>>();
            var buffers = new List<byte[]>();
            foreach (var (client, _) in pairs)
            {
                var buffer = new byte[4];
                buffers.Add(buffer);
                receives.Add(client.ReceiveAsync(buffer, CancellationToken.None).AsTask());
            }

            for (var i = 0; i < pairs.Count; i++)
            {
                pairs[i].Server.Send(BitConverter.GetBytes(i));
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await Task.WhenAll(receives).WaitAsync(timeout.Token);
            for (var i = 0; i < pairs.Count; i++)
            {
                BitConverter.ToInt32(buffers[i]).ShouldBe(i);
            }
        }
        finally
        {
            foreach (var (client, server) in pairs)
            {
                client.Dispose();
                server.Dispose();
            }
        }
    }

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

    [Fact]
    public async Task Sends_asked_for_on_the_loop_thread_wait_for_the_end_of_the_batch_and_then_all_go_out()
    {
        // The way wrk batches its writes: the target gets the batch's requests together instead of one wake-up each.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var loop = new EpollLoop();
        var (clients, servers) = await ConnectAsync(loop, listener, 12);

        var replies = clients.Select((client, i) => ReplyOnTheLoopAsync(loop, client, System.Text.Encoding.ASCII.GetBytes($"reply {i:D2}"))).ToList();
        await Task.Delay(50);
        replies.ShouldAllBe(reply => !reply.IsCompleted, "each reply waits for its socket's first input");
        foreach (var server in servers)
        {
            await server.SendAsync("go"u8.ToArray(), SocketFlags.None);
        }

        foreach (var (reply, i) in replies.Select((reply, i) => (reply, i)))
        {
            var (deferred, onLoop, sent) = await reply.WaitAsync(TimeSpan.FromSeconds(5));
            onLoop.ShouldBeTrue("the answer's continuation runs on the loop thread");
            deferred.ShouldBeTrue("a send asked for during the batch is held, not done at once");
            sent.ShouldBe(8);
            var buffer = new byte[16];
            var got = await servers[i].ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(5));
            System.Text.Encoding.ASCII.GetString(buffer, 0, got).ShouldBe($"reply {i:D2}");
        }

        await Task.Yield();
        Dispose(clients, servers);
    }

    [Fact]
    public async Task A_held_send_larger_than_the_socket_buffer_goes_out_whole_once_the_peer_reads()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var loop = new EpollLoop();
        var (clients, servers) = await ConnectAsync(loop, listener, 1);
        var data = new byte[8 * 1024 * 1024];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7 + (i >> 12));
        }

        // The kernel takes part of it; the rest is asked for again from the loop and waits for the EPOLLOUT edge.
        var sending = SendAllOnTheLoopAsync(clients[0], data);
        await Task.Delay(50);
        await servers[0].SendAsync("go"u8.ToArray(), SocketFlags.None);
        await Task.Delay(200);
        sending.IsCompleted.ShouldBeFalse("8 MiB do not fit in loopback's socket buffers while nobody reads");

        var received = new byte[data.Length];
        var total = 0;
        while (total < received.Length)
        {
            var got = await servers[0].ReceiveAsync(received.AsMemory(total), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            got.ShouldBeGreaterThan(0);
            total += got;
        }

        var sends = await sending.WaitAsync(TimeSpan.FromSeconds(5));
        sends.ShouldBeGreaterThan(1);
        received.AsSpan().SequenceEqual(data).ShouldBeTrue("every byte arrives, in order");
        await Task.Yield();
        Dispose(clients, servers);
    }

    [Fact]
    public async Task A_held_send_ends_with_operation_aborted_when_its_socket_is_closed_before_the_batch_ends()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var loop = new EpollLoop();
        var (clients, servers) = await ConnectAsync(loop, listener, 1);

        var closing = SendThenCloseOnTheLoopAsync(clients[0]);
        await Task.Delay(50);
        await servers[0].SendAsync("go"u8.ToArray(), SocketFlags.None);

        var error = await Should.ThrowAsync<SocketException>(closing.WaitAsync(TimeSpan.FromSeconds(5)));
        error.SocketErrorCode.ShouldBe(SocketError.OperationAborted);
        var buffer = new byte[16];
        (await servers[0].ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe(0, "nothing was sent, and the peer sees the close");
        loop.Registered.ShouldBe(0);
        servers[0].Dispose();
    }

    private static async Task<(bool Deferred, bool OnLoop, int Sent)> ReplyOnTheLoopAsync(EpollLoop loop, EpollSocket client, byte[] reply)
    {
        await client.ReceiveAsync(new byte[16], CancellationToken.None).ConfigureAwait(false);
        var send = client.SendAsync(reply, CancellationToken.None);
        var deferred = loop.DefersSends && !send.IsCompleted;
        var onLoop = Thread.CurrentThread.Name == "UnitTrustLoad epoll";
        return (deferred, onLoop, await send.ConfigureAwait(false));
    }

    private static async Task<int> SendAllOnTheLoopAsync(EpollSocket client, byte[] data)
    {
        await client.ReceiveAsync(new byte[16], CancellationToken.None).ConfigureAwait(false);
        var (sent, sends) = (0, 0);
        while (sent < data.Length)
        {
            sent += await client.SendAsync(data.AsMemory(sent), CancellationToken.None).ConfigureAwait(false);
            sends++;
        }

        return sends;
    }

    private static async Task SendThenCloseOnTheLoopAsync(EpollSocket client)
    {
        await client.ReceiveAsync(new byte[16], CancellationToken.None).ConfigureAwait(false);
        var send = client.SendAsync("never sent"u8.ToArray(), CancellationToken.None);
        client.Dispose();
        await send.ConfigureAwait(false);
    }

    private static async Task<(List<EpollSocket> Clients, List<Socket> Servers)> ConnectAsync(EpollLoop loop, TcpListener listener, int count)
    {
        var clients = new List<EpollSocket>();
        var servers = new List<Socket>();
        for (var i = 0; i < count; i++)
        {
            clients.Add(await EpollSocket.ConnectAsync(loop, (IPEndPoint)listener.LocalEndpoint, CancellationToken.None));
            servers.Add(await listener.AcceptSocketAsync());
        }

        return (clients, servers);
    }

    private static void Dispose(List<EpollSocket> clients, List<Socket> servers)
    {
        clients.ForEach(c => c.Dispose());
        servers.ForEach(s => s.Dispose());
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
