using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>
/// Target:AcceptEncoding (issue 18): both clients ask for compression and decode the answers, so a target that
/// compresses still passes the answer checks; the target counts what it compressed.
/// </summary>
[Collection(AppRunsSerially.Name)]
public sealed class CompressedAnswersTests
{
    [Theory]
    [InlineData(TransportSettings.Lean, "gzip", "gzip")]
    [InlineData(TransportSettings.Lean, "br", "br")]
    [InlineData(TransportSettings.HttpClient, "gzip", "gzip")]
    [InlineData(TransportSettings.HttpClient, "gzip,br", "br")]
    public async Task A_target_that_compresses_its_answers_is_read_through_the_coding(string transport, string asked, string expected)
    {
        var server = new CompressingTarget();
        await using var target = await server.StartAsync();
        using var run = await AppRun.StartAsync(
            [.. Args(target), "--Target:Transport=" + transport, "--Target:AcceptEncoding=" + asked]);

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        register.OkCount.ShouldBeGreaterThan(10);
        register.FailCount.ShouldBe(0);
        target.Registrations.ShouldBe(register.OkCount);
        server.Compressed(expected).ShouldBe(register.OkCount, $"every registration was answered in {expected} and checked after decoding");
        server.Plain.ShouldBe(0);
    }

    [Fact]
    public async Task Without_the_setting_no_compression_is_asked_for()
    {
        var server = new CompressingTarget();
        await using var target = await server.StartAsync();
        using var run = await AppRun.StartAsync(Args(target));

        run.ExitCode.ShouldBe(ExitCodes.Passed, run.Describe());
        var register = run.Summary.Scenarios.Single(s => s.Name == ScenarioNames.Register);
        server.Plain.ShouldBe(register.OkCount);
        server.Compressed("gzip").ShouldBe(0);
        server.Compressed("br").ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_coding_is_a_configuration_error_naming_the_ones_that_work()
    {
        using var run = await AppRun.StartAsync(["--Target:AcceptEncoding=gzip,zstd"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration, run.Describe());
        run.Stderr.ShouldContain("Target:AcceptEncoding: 'zstd' is not a coding the suite decodes; use gzip, br or both");
    }

    private static string[] Args(LoopbackTarget target) =>
        ["--target", target.Url, "--scenario", "register", "--vus", "4", "--duration", "00:00:02",
         "--Auth:ClientId=compress", "--Auth:ClientSecret=" + Guid.NewGuid().ToString("N")];

    /// <summary>Answers registrations compressed as the request's Accept-Encoding allows (br first), half with a length and half chunked.</summary>
    private sealed class CompressingTarget
    {
        private long _gzip;
        private long _brotli;
        private long _plain;

        public long Plain => Interlocked.Read(ref _plain);

        public long Compressed(string coding) => Interlocked.Read(ref coding == "br" ? ref _brotli : ref _gzip);

        public Task<LoopbackTarget> StartAsync() => LoopbackTarget.StartAsync((app, target) =>
        {
            app.MapPost("/core/connect/token", () => Results.Text(
                """{"access_token":"abc","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json"));
            app.MapPost("/api/Investors/Register", async (HttpContext context) =>
            {
                var id = target.Register();
                var json = Encoding.UTF8.GetBytes($$"""{"ClientIdentifier":"x","InvestorId":{{id}},"Status":"Registered","Padding":"{{new string('p', 200)}}"}""");
                var accepts = context.Request.Headers.AcceptEncoding.ToString();
                var coding = accepts.Contains("br", StringComparison.Ordinal) ? "br" : accepts.Contains("gzip", StringComparison.Ordinal) ? "gzip" : null;
                var body = coding is null ? json : Compress(json, coding);
                Interlocked.Increment(ref coding == "br" ? ref _brotli : ref coding == "gzip" ? ref _gzip : ref _plain);
                context.Response.StatusCode = 201;
                context.Response.ContentType = "application/json";
                if (coding is not null)
                {
                    context.Response.Headers.ContentEncoding = coding;
                }

                if (id % 2 == 0)
                {
                    context.Response.ContentLength = body.Length;
                }

                await context.Response.Body.WriteAsync(body);
            });
        });

        private static byte[] Compress(byte[] json, string coding)
        {
            using var output = new MemoryStream();
            using (Stream compressor = coding == "br" ? new BrotliStream(output, CompressionLevel.Fastest) : new GZipStream(output, CompressionLevel.Fastest))
            {
                compressor.Write(json);
            }

            return output.ToArray();
        }
    }
}
