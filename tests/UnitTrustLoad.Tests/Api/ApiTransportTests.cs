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
    public async Task A_keep_alive_connection_the_server_closed_silently_is_replaced_and_the_request_sent_again()
    {
        // The first answer says nothing about closing, then the server hangs up: the next request finds a dead connection.
        await using var server = new ScriptedServer((_, _) => ScriptedAnswer.Registered(closeAfter: true));
        using var transport = Create(server.BaseUrl, out var register);

        (await SendAsync(transport, register)).IsOk.ShouldBeTrue();
        await Task.Delay(100);
        var second = await SendAsync(transport, register);

        second.IsOk.ShouldBeTrue(second.Error);
        second.Value!.InvestorId.ShouldBe(42);
        server.Accepted.ShouldBe(2);
        server.Requests.Count.ShouldBe(2, "the server received each request once");
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

    private static ApiTransport Create(Uri baseUrl, out ApiOperation register, TimeSpan? timeout = null)
    {
        register = new ApiOperation("register", new Uri(baseUrl, "/api/Investors/Register?api-version=2.0"), 201);
        var client = new Http11Client(baseUrl, new Http11ClientOptions(16, timeout ?? TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), UseEpoll: false), TimeProvider.System);
        return new ApiTransport(client, FailureLog.Discard);
    }

    private static ValueTask<ApiResult<RegisterInvestorResponse>> SendAsync(ApiTransport transport, ApiOperation register)
        => transport.SendAsync(register, Body, ApiJsonContext.Default.RegisterInvestorRequest, ApiJsonContext.Default.RegisterInvestorResponse, Token, CancellationToken.None);
}
