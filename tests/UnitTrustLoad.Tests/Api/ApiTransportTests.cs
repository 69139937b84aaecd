using UnitTrustLoad.Api;
using UnitTrustLoad.Api.Contracts;
using UnitTrustLoad.Http.Http11;
using UnitTrustLoad.Http.Tests.Support;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Tests.Api;

/// <summary>The API layer over our HTTP/1.1 client against a scripted server: how answers become results.</summary>
public sealed class ApiTransportTests
{
    private static readonly AccessToken Token = new("Bearer test-token", long.MaxValue, long.MaxValue, TimeSpan.FromHours(1));
    private static readonly RegisterInvestorRequest Body = new InvestorFaker(7, TimeProvider.System).Next().Registration;

    [Fact]
    public async Task A_keep_alive_connection_the_server_closed_while_idle_is_replaced_before_any_byte_is_written()
    {
        // The first answer says nothing about closing, then the server hangs up: the next request finds a dead
        // connection, which is discarded before the request is written, so the request is sent once, not resent.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered(closeAfter: true));
        using var transport = Create(server.BaseUrl, out var register);
        var observer = new CountingObserver();

        (await SendAsync(transport, register, observer)).IsOk.ShouldBeTrue();
        await Task.Delay(100);
        var second = await SendAsync(transport, register, observer);

        second.IsOk.ShouldBeTrue(second.Error);
        second.Value!.InvestorId.ShouldBe(42);
        server.Accepted.ShouldBe(2);
        server.Requests.Count.ShouldBe(2, "the server received each request once");
        observer.Resends.ShouldBe(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connections_the_server_closed_while_users_thought_cost_no_failure_and_the_server_counts_each_ok_once(bool onEpoll)
    {
        // Three users, four rounds; between rounds the server closes every idle keep-alive connection.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register, onEpoll: onEpoll);
        var observer = new CountingObserver();

        var all = new List<ApiResult<RegisterInvestorResponse>>();
        for (var round = 0; round < 4; round++)
        {
            all.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SendAsync(transport, register, observer).AsTask())));
            await server.CloseIdleAsync();
            await Task.Delay(20);
        }

        all.Where(r => !r.IsOk).Select(r => $"{r.Status}: {r.Error}").ShouldBeEmpty();
        server.Requests.Count.ShouldBe(all.Count);
        observer.Resends.ShouldBe(0, "a closed connection is seen before writing, so nothing needs sending again");
    }

    [Fact]
    public async Task A_request_written_to_a_connection_that_then_closes_unanswered_is_a_failure_and_never_sent_again()
    {
        // The server reads the second request and hangs up without a byte of answer: it may have carried it out.
        await using var server = new ScriptedServer((n, _) => n == 2 ? new ScriptedAnswer([], CloseAfter: true) : ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);
        var observer = new CountingObserver();

        var first = await SendAsync(transport, register, observer);
        var second = await SendAsync(transport, register, observer);

        first.IsOk.ShouldBeTrue(first.Error);
        second.IsOk.ShouldBeFalse();
        second.Status.ShouldBe(CallStatus.ConnectionError);
        second.BytesSent.ShouldBeGreaterThan(0);
        server.Requests.Count.ShouldBe(2, "a request the server may have read is never sent a second time");
        observer.Resends.ShouldBe(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Under_apply_then_drop_the_servers_count_of_requests_equals_ok_plus_failed_exactly(bool onEpoll)
    {
        // A counting server of the test's own: every 4th request is read (carried out) and its connection dropped
        // unanswered. Bounded: 4 users x 40 requests.
        var dropped = 0;
        await using var server = new ScriptedServer((n, _) =>
        {
            if (n % 4 == 0)
            {
                Interlocked.Increment(ref dropped);
                return new ScriptedAnswer([], CloseAfter: true);
            }

            return ScriptedAnswer.Registered();
        });
        using var transport = Create(server.BaseUrl, out var register, onEpoll: onEpoll);
        var observer = new CountingObserver();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var (ok, failed) = (0, 0);
            for (var i = 0; i < 40; i++)
            {
                var result = await SendAsync(transport, register, observer);
                (ok, failed) = result.IsOk ? (ok + 1, failed) : (ok, failed + 1);
            }

            return (ok, failed);
        })));

        var ok = results.Sum(r => r.ok);
        var failed = results.Sum(r => r.failed);
        server.Requests.Count.ShouldBe(ok + failed);
        failed.ShouldBe(Volatile.Read(ref dropped), "each dropped request is one failure, none hidden by a resend");
        observer.Resends.ShouldBe(0);
    }

    [Fact]
    public async Task An_answer_is_read_by_its_operations_reader_and_a_refusal_keeps_its_status_and_bytes()
    {
        const string problem = """{"type":"validation","errors":{"PIN":["bad"]}}""";
        await using var server = new ScriptedServer((n, _) => n == 1
            ? new ScriptedAnswer([$"HTTP/1.1 400 Bad Request\r\nContent-Length: {problem.Length}\r\n\r\n{problem}"])
            : ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);

        var refused = await SendAsync(transport, register);
        var accepted = await SendAsync(transport, register);

        refused.IsOk.ShouldBeFalse();
        refused.Status.ShouldBe("400");
        refused.BytesReceived.ShouldBe(problem.Length);
        accepted.Status.ShouldBe("201");
        accepted.Value!.Status.ShouldBe("Registered");
        accepted.BytesSent.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(server.Requests[^1]));
    }

    [Fact]
    public async Task A_timeout_and_a_refused_connection_are_failures_under_their_kind()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer([], Hang: TimeSpan.FromSeconds(5)));
        using var slow = Create(server.BaseUrl, out var register, TimeSpan.FromMilliseconds(300));
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var nobody = Create(new Uri($"http://127.0.0.1:{port}"), out var nowhere);

        (await SendAsync(slow, register)).Status.ShouldBe(CallStatus.Timeout);
        var refused = await SendAsync(nobody, nowhere);
        refused.Status.ShouldBe(CallStatus.ConnectionError);
        refused.BytesSent.ShouldBe(0);
    }

    private static ApiTransport Create(Uri baseUrl, out ApiOperation register, TimeSpan? timeout = null, bool onEpoll = false)
    {
        register = new ApiOperation("register", new Uri(baseUrl, "/api/Investors/Register?api-version=2.0"), 201);
        var client = new Http11Client(baseUrl, new Http11ClientOptions(16, timeout ?? TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), UseEpoll: onEpoll && Http11Client.SupportsEpoll), TimeProvider.System);
        return new ApiTransport(client, FailureLog.Discard);
    }

    private static ValueTask<ApiResult<RegisterInvestorResponse>> SendAsync(ApiTransport transport, ApiOperation register, ICallObserver? observer = null)
        => transport.SendAsync(register, Body, ApiJsonContext.Default.RegisterInvestorRequest, ApiJsonContext.Default.RegisterInvestorResponse, Token, observer, CancellationToken.None);

    /// <summary>Counts the resends the API layer reports.</summary>
    private sealed class CountingObserver : ICallObserver
    {
        private int _resends;

        public int Resends => Volatile.Read(ref _resends);

        public ValueTask<ApiResult<AccessToken>> ObserveTokenRequestAsync(Func<ValueTask<ApiResult<AccessToken>>> fetch) => fetch();

        public void AuthRetried()
        {
        }

        public void Resent(string counter) => Interlocked.Increment(ref _resends);
    }
}
