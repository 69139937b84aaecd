using System.Buffers;
using System.Diagnostics;
using System.Text;
using UnitTrustLoad.Http.Http11;
using UnitTrustLoad.Http.Tests.Support;

namespace UnitTrustLoad.Http.Tests.Http11;

/// <summary>
/// Our HTTP/1.1 client against a raw TCP listener that frames its answers in every way HTTP/1.1 allows, and some it
/// does not; run once on .NET's socket engine and once on our epoll loop (Linux).
/// </summary>
public abstract class Http11ClientTests
{
    private const string Body = """{"IDNumber":23456789,"FirstName":"Amina","ClientIdentifier":"+254712345678-23456789"}""";
    private static readonly HeaderLine Token = HeaderLine.Of("Authorization", "Bearer test-token");

    [Fact]
    public async Task Writes_the_request_line_host_token_length_and_json_body_the_contract_asks_for()
    {
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);

        var response = await RegisterAsync(transport, register);

        response.ShouldBeAnswered(201);
        response.Body.ShouldContain("\"InvestorId\":42");
        response.BytesSent.ShouldBe(Encoding.UTF8.GetByteCount(server.Requests.Single()));
        var request = server.Requests.Single();
        var headEnd = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = request[(headEnd + 4)..];
        request.ShouldStartWith("POST /api/Investors/Register?api-version=2.0 HTTP/1.1\r\n");
        request.ShouldContain($"\r\nHost: {server.BaseUrl.Authority}\r\n");
        request.ShouldContain("\r\nAuthorization: Bearer test-token\r\n");
        request.ShouldContain("\r\nContent-Type: application/json; charset=utf-8\r\n");
        request.ShouldContain($"\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n");
        body.ShouldBe(Body);
    }

    [Fact]
    public async Task Keeps_one_connection_alive_across_requests()
    {
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);

        for (var i = 0; i < 5; i++)
        {
            (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        }

        server.Accepted.ShouldBe(1);
        server.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Reads_a_chunked_body_split_across_packets_with_extensions_and_trailers()
    {
        var body = ScriptedAnswer.RegisteredBody;
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer(
            [
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                $"{10:x};name=value\r\n{body[..10]}\r\n",
                $"{body.Length - 10:X}\r\n{body[10..20]}",
                $"{body[20..]}\r\n0\r\n",
                "Trailer-Field: x\r\n\r\n",
            ],
            PauseBetweenPieces: TimeSpan.FromMilliseconds(20)));
        using var transport = Create(server.BaseUrl, out var register);

        var first = await RegisterAsync(transport, register);
        var second = await RegisterAsync(transport, register);

        first.ShouldBeAnswered(201);
        first.Body.ShouldContain("\"InvestorId\":42");
        first.Body.ShouldBe(ScriptedAnswer.RegisteredBody);
        second.ShouldBeAnswered(201);
        server.Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task Reads_a_head_and_body_that_arrive_a_few_bytes_at_a_time()
    {
        var whole = ScriptedAnswer.Registered().Pieces[0];
        var pieces = new List<string>();
        for (var i = 0; i < whole.Length; i += 7)
        {
            pieces.Add(whole.Substring(i, Math.Min(7, whole.Length - i)));
        }

        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer([.. pieces], PauseBetweenPieces: TimeSpan.FromMilliseconds(1)));
        using var transport = Create(server.BaseUrl, out var register);

        var response = await RegisterAsync(transport, register);

        response.ShouldBeAnswered(201);
        response.Body.ShouldContain("\"InvestorId\":42");
    }

    [Fact]
    public async Task Connection_close_answers_count_and_the_next_request_opens_a_new_connection()
    {
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered("Connection: close\r\n", closeAfter: true));
        using var transport = Create(server.BaseUrl, out var register);

        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);

        server.Accepted.ShouldBe(2);
    }

    [Fact]
    public async Task A_keep_alive_connection_the_server_closed_while_idle_is_discarded_before_any_byte_is_written()
    {
        // The first answer says nothing about closing, then the server hangs up: the next request finds a dead
        // connection, which the client sees before writing to it, so the request goes once, on a new connection.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered(closeAfter: true));
        using var transport = Create(server.BaseUrl, out var register);

        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        await Task.Delay(100);
        var second = await RegisterAsync(transport, register);

        second.ShouldBeAnswered(201);
        second.ConnectionReused.ShouldBeFalse();
        server.Accepted.ShouldBe(2);
        server.Requests.Count.ShouldBe(2, "no byte went to the closed connection");
    }

    [Fact]
    public async Task Keep_alive_connections_the_server_closed_while_users_thought_are_replaced_before_any_byte_and_the_server_counts_each_request_once()
    {
        // Three users, four rounds; between rounds the server closes every idle keep-alive connection (its idle
        // timeout, at a moment the test controls) and the users think 20 ms more before the next request.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);

        var all = new List<Answer>();
        for (var round = 0; round < 4; round++)
        {
            all.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RegisterAsync(transport, register))));
            await server.CloseIdleAsync();
            await Task.Delay(20);
        }

        all.ShouldAllBe(a => a.Outcome == WireOutcome.Answered && a.Status == 201);
        // The server closes a connection only once it is back waiting for the next request (CloseIdleAsync waits for
        // that), so each of the 3 users' connections is closed after each of the first three rounds at least.
        server.Requests.Count.ShouldBe(all.Count, "the server's count equals the answers, each request sent once");
        server.ClosedIdle.ShouldBeGreaterThanOrEqualTo(9);
    }

    [Fact]
    public async Task The_servers_keep_alive_timeout_retires_an_idle_connection_before_the_server_would_close_it()
    {
        // "Keep-Alive: timeout=1": reused at most 0.5 s after the answer (the margin); this server never closes.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered("Keep-Alive: timeout=1, max=100\r\n"));
        using var transport = Create(server.BaseUrl, out var register);

        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        await Task.Delay(700);
        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);

        server.Accepted.ShouldBe(2);
        server.ConnectionOfRequest.ShouldBe([1, 1, 2]);
    }

    [Fact]
    public async Task A_connection_past_its_pooled_lifetime_is_not_reused_and_the_host_is_resolved_again()
    {
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        var resolutions = 0;
        var baseUrl = new Uri($"http://wire-test.invalid:{server.BaseUrl.Port}");
        using var transport = Create(baseUrl, out var register, options: o => o with
        {
            PooledConnectionLifetime = TimeSpan.FromMilliseconds(300),
            ResolveHost = (_, _) =>
            {
                Interlocked.Increment(ref resolutions);
                return Task.FromResult(new[] { System.Net.IPAddress.Loopback });
            },
        });

        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        await Task.Delay(450);
        (await RegisterAsync(transport, register)).ShouldBeAnswered(201);

        server.ConnectionOfRequest.ShouldBe([1, 1, 2]);
        resolutions.ShouldBe(2);
    }

    [Fact]
    public async Task Every_address_of_the_host_is_tried_in_turn_until_one_connects()
    {
        // 127.0.0.2 is loopback too, but nobody listens there: refused, then 127.0.0.1 answers.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        var baseUrl = new Uri($"http://wire-test.invalid:{server.BaseUrl.Port}");
        using var transport = Create(baseUrl, out var register, options: o => o with
        {
            ResolveHost = (_, _) => Task.FromResult(new[] { System.Net.IPAddress.Parse("127.0.0.2"), System.Net.IPAddress.Loopback }),
        });

        var answer = await RegisterAsync(transport, register);

        answer.ShouldBeAnswered(201);
        server.Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task Idle_connections_are_reused_last_in_first_out_so_the_others_age_out()
    {
        // Two requests at once open two connections; the sequential ones after all take the one given back last.
        await using var server = new ScriptedServer((n, _) => n <= 2
            ? new ScriptedAnswer(ScriptedAnswer.Registered().Pieces, Hang: TimeSpan.FromMilliseconds(n == 1 ? 100 : 300))
            : ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);

        var burst = await Task.WhenAll(RegisterAsync(transport, register), RegisterAsync(transport, register));
        for (var i = 0; i < 4; i++)
        {
            (await RegisterAsync(transport, register)).ShouldBeAnswered(201);
        }

        burst.ShouldAllBe(a => a.Outcome == WireOutcome.Answered);
        server.Accepted.ShouldBe(2);
        server.ConnectionOfRequest.Skip(2).Distinct().Count().ShouldBe(1, string.Join(",", server.ConnectionOfRequest));
    }

    [Fact]
    public async Task A_body_without_length_runs_to_the_close()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer(
            ["HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n", ScriptedAnswer.RegisteredBody], CloseAfter: true));
        using var transport = Create(server.BaseUrl, out var register);

        var response = await RegisterAsync(transport, register);

        response.ShouldBeAnswered(201);
        response.Body.ShouldContain("\"InvestorId\":42");
    }

    [Fact]
    public async Task An_interim_100_continue_before_the_answer_is_skipped()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer(
            ["HTTP/1.1 100 Continue\r\n\r\n", ScriptedAnswer.Registered().Pieces[0]]));
        using var transport = Create(server.BaseUrl, out var register);

        var response = await RegisterAsync(transport, register);

        response.ShouldBeAnswered(201);
        response.Status.ShouldBe(201);
    }

    [Theory]
    [InlineData("HTTP/1.1 2O1 Created\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/2 201\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n\r\n")]
    [InlineData("HTTP/1.1 201 Created\r\nbroken header line\r\n\r\n")]
    [InlineData("HTTP/1.1 201 Created\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n12345")]
    [InlineData("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")]
    public async Task A_malformed_answer_is_a_failed_request_not_a_crash(string answer)
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer([answer]));
        using var transport = Create(server.BaseUrl, out var register);

        var response = await RegisterAsync(transport, register);

        response.Outcome.ShouldBe(WireOutcome.Malformed);
    }

    [Fact]
    public async Task An_unexpected_status_is_a_failure_under_its_code_with_the_connection_kept()
    {
        const string problem = """{"type":"validation","errors":{"PIN":["bad"]}}""";
        await using var server = new ScriptedServer((n, _) => n == 1
            ? new ScriptedAnswer([$"HTTP/1.1 400 Bad Request\r\nContent-Length: {problem.Length}\r\n\r\n{problem}"])
            : ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register);

        var refused = await RegisterAsync(transport, register);
        var accepted = await RegisterAsync(transport, register);

        refused.ShouldBeAnswered(400);
        refused.Body.ShouldBe(problem);
        accepted.ShouldBeAnswered(201);
        server.Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task A_closed_connection_mid_answer_is_a_connection_error()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer(
            ["HTTP/1.1 201 Created\r\nContent-Length: 500\r\n\r\n{\"Client"], CloseAfter: true));
        using var transport = Create(server.BaseUrl, out var register);

        var response = await RegisterAsync(transport, register);

        response.Outcome.ShouldBe(WireOutcome.ConnectionError);
        response.RequestWritten.ShouldBeTrue("the request went out before the answer broke off");
    }

    [Fact]
    public async Task A_large_answer_in_many_pieces_is_read_whole()
    {
        // 300 KB: many times the receive buffer, so reads fill it (the socket stays readable) and it grows.
        var status = new string('x', 300_000);
        var body = $$"""{"ClientIdentifier":"c","InvestorId":7,"Status":"{{status}}"}""";
        var answer = $"HTTP/1.1 201 Created\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        var pieces = Enumerable.Range(0, (answer.Length + 49_999) / 50_000).Select(i => answer.Substring(i * 50_000, Math.Min(50_000, answer.Length - (i * 50_000)))).ToArray();
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer(pieces, PauseBetweenPieces: TimeSpan.FromMilliseconds(5)));
        using var transport = Create(server.BaseUrl, out var register);

        var first = await RegisterAsync(transport, register);
        var second = await RegisterAsync(transport, register);

        first.ShouldBeAnswered(201);
        first.Body.Length.ShouldBe(body.Length);
        second.Body.ShouldContain("\"InvestorId\":7");
        server.Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_the_run_ends_a_request_waiting_for_its_answer()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer([], Hang: TimeSpan.FromSeconds(8)));
        using var transport = Create(server.BaseUrl, out var register);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(async () => await transport.PostAsync(register, Token, new RawBody(Body), stop.Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        transport.OpenConnections.ShouldBe(0, "a connection left mid-answer is closed, never reused");
    }

    [Fact]
    public async Task No_answer_within_the_request_timeout_is_a_timeout_failure()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer([], Hang: TimeSpan.FromSeconds(5)));
        using var transport = Create(server.BaseUrl, out var register, TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var response = await RegisterAsync(transport, register);

        response.Outcome.ShouldBe(WireOutcome.Timeout);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task After_a_timeout_the_next_request_gets_a_fresh_connection_and_its_answer()
    {
        await using var server = new ScriptedServer((n, _) => n == 1
            ? new ScriptedAnswer([], Hang: TimeSpan.FromSeconds(3))
            : ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register, TimeSpan.FromMilliseconds(300));

        var late = await RegisterAsync(transport, register);
        var next = await RegisterAsync(transport, register);

        late.Outcome.ShouldBe(WireOutcome.Timeout);
        next.ShouldBeAnswered(201);
        server.Accepted.ShouldBe(2);
    }

    [Fact]
    public async Task Quick_answers_under_a_short_timeout_are_never_cut_by_the_watchdog()
    {
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered());
        using var transport = Create(server.BaseUrl, out var register, TimeSpan.FromSeconds(1));

        var failures = 0;
        for (var i = 0; i < 300; i++)
        {
            failures += (await RegisterAsync(transport, register)).Outcome == WireOutcome.Answered ? 0 : 1;
        }

        failures.ShouldBe(0);
        server.Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task Nobody_listening_is_a_connection_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = Create(new Uri($"http://127.0.0.1:{port}"), out var register);

        var response = await RegisterAsync(transport, register);

        response.Outcome.ShouldBe(WireOutcome.ConnectFailed);
        response.RequestWritten.ShouldBeFalse("nothing can be written without a connection");
    }

    [Fact]
    public async Task Concurrent_requests_open_no_more_connections_than_the_limit()
    {
        await using var server = new ScriptedServer((_, _) => new ScriptedAnswer(ScriptedAnswer.Registered().Pieces, PauseBetweenPieces: TimeSpan.FromMilliseconds(20)));
        using var transport = Create(server.BaseUrl, out var register, maxConnections: 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RegisterAsync(transport, register)));

        responses.ShouldAllBe(r => r.Outcome == WireOutcome.Answered && r.Status == 201);
        server.Accepted.ShouldBeLessThanOrEqualTo(3);
    }

    /// <summary>True to drive the sockets with our epoll loop, false for .NET's socket engine.</summary>
    protected abstract bool OnEpoll { get; }

    private Http11Client Create(Uri baseUrl, out HttpRequestTemplate register, TimeSpan? timeout = null, int maxConnections = 16, Func<Http11ClientOptions, Http11ClientOptions>? options = null)
    {
        register = HttpRequestTemplate.Post(new Uri(baseUrl, "/api/Investors/Register?api-version=2.0"));
        var settings = new Http11ClientOptions(maxConnections, timeout ?? TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), OnEpoll);
        var transport = new Http11Client(baseUrl, options is null ? settings : options(settings), TimeProvider.System);
        transport.UsesEpoll.ShouldBe(OnEpoll);
        return transport;
    }

    private static async Task<Answer> RegisterAsync(Http11Client transport, HttpRequestTemplate register)
    {
        using var answer = await transport.PostAsync(register, Token, new RawBody(Body), CancellationToken.None);
        return new Answer(answer.Outcome, answer.Status, Encoding.UTF8.GetString(answer.Body), answer.BytesSent, answer.RequestWritten, answer.ConnectionReused, answer.Error);
    }

    /// <summary>A body of fixed bytes.</summary>
    private readonly struct RawBody(string text) : IRequestBody
    {
        public void WriteTo(IBufferWriter<byte> destination) => destination.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>What an answer said, copied out before it was disposed.</summary>
    private sealed record Answer(WireOutcome Outcome, int Status, string Body, long BytesSent, bool RequestWritten, bool ConnectionReused, string? Error)
    {
        public void ShouldBeAnswered(int status)
        {
            Outcome.ShouldBe(WireOutcome.Answered, Error);
            Status.ShouldBe(status);
        }
    }
}

public sealed class Http11ClientOnDotNetSocketsTests : Http11ClientTests
{
    protected override bool OnEpoll => false;
}

public sealed class Http11ClientOnEpollTests : Http11ClientTests
{
    protected override bool OnEpoll => true;
}
