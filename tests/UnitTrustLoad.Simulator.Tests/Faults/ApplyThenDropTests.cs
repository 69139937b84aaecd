using System.Net;
using System.Net.Sockets;
using System.Text;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Tests.Support;

namespace UnitTrustLoad.Simulator.Tests.Faults;

public sealed class ApplyThenDropFixture : SimulatorFixture
{
    protected override SimulatorOptions CreateOptions() => new()
    {
        Faults = { ["Purchase"] = new FaultOptions { ApplyThenDropRate = 1.0 } },
    };
}

/// <summary>The "unknown outcome" fault: the operation is carried out and committed, and not one byte of an answer comes back.</summary>
public sealed class ApplyThenDropTests(ApplyThenDropFixture fixture) : IClassFixture<ApplyThenDropFixture>
{
    private readonly SimulatorClient _client = fixture.Client;

    [Fact]
    public async Task ApplyThenDropRate_1_carries_the_purchase_out_and_drops_the_connection_without_a_byte_of_answer()
    {
        var investor = await _client.InvestorInAsync("MMF");
        var body = TestData.Purchase(investor, "MMF", 1000m).ToJsonString();

        var answer = await SendRawAsync(SimulatorClient.Purchase, body);
        var (status, balance) = await _client.CallAsync(SimulatorClient.FetchBalance, TestData.Balance(investor));

        answer.ShouldBeEmpty("the connection is dropped before any byte of the answer");
        status.ShouldBe(HttpStatusCode.OK);
        TestData.Amount(balance!["Funds"]![0]!["Units"]).ShouldBe(1000.0000m, "the purchase was carried out");
    }

    [Fact]
    public void ApplyThenDropRate_is_validated_like_the_other_rates_and_counts_in_their_sum()
    {
        var options = new SimulatorOptions
        {
            Faults =
            {
                ["Sell"] = new FaultOptions { ApplyThenDropRate = 1.5 },
                ["Purchase"] = new FaultOptions { DropRate = 0.6, ApplyThenDropRate = 0.6 },
            },
        };

        var problems = options.Validate();

        problems.ShouldContain(p => p.Contains("Simulator:Faults:Sell:ApplyThenDropRate is 1.5", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("Simulator:Faults:Purchase: ErrorRate + TimeoutRate + DropRate + ApplyThenDropRate is above 1", StringComparison.Ordinal));
    }

    // One request on a raw socket, so nothing retries it: every byte the server sent back, until it closed.
    private async Task<byte[]> SendRawAsync(string path, string body)
    {
        var url = new Uri(fixture.Simulator.BaseUrl, $"{path}?api-version={SimulatorClient.VersionOf(path)}");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(url.Host, url.Port);
        var bytes = Encoding.UTF8.GetByteCount(body);
        var request = $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAuthorization: Bearer {_client.Token}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {bytes}\r\n\r\n{body}";
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), SocketFlags.None);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // A reset ends the stream as well as a close does.
        }

        return received.ToArray();
    }
}
