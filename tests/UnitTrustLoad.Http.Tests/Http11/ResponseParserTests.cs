using System.Text;
using UnitTrustLoad.Http.Http11;

namespace UnitTrustLoad.Http.Tests.Http11;

public sealed class ResponseParserTests
{
    [Theory]
    [InlineData("HTTP/1.1 201 Created\r\nContent-Length: 12\r\n\r\n", 201, 12L, false, false)]
    [InlineData("HTTP/1.1 200\r\ncontent-length:7\r\nconnection: Close\r\n\r\n", 200, 7L, false, true)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 3\r\n\r\n", 200, -1L, true, false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n", 200, 2L, false, true)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n", 200, 2L, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n", 200, -1L, false, true)]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\n", 204, -1L, false, false)]
    public void Reads_status_framing_and_connection_from_the_head(string text, int status, long length, bool chunked, bool close)
    {
        var result = ResponseParser.TryParseHead(Encoding.ASCII.GetBytes(text + "body"), out var head);

        result.ShouldBe(ParseStatus.Complete);
        head.Status.ShouldBe(status);
        head.HeadLength.ShouldBe(text.Length);
        head.ContentLength.ShouldBe(length);
        head.Chunked.ShouldBe(chunked);
        head.Close.ShouldBe(close);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTT")]
    [InlineData("HTTP/1.1 201 Created\r\nContent-Len")]
    public void A_head_still_arriving_is_incomplete(string text)
        => ResponseParser.TryParseHead(Encoding.ASCII.GetBytes(text), out _).ShouldBe(ParseStatus.Incomplete);

    [Theory]
    [InlineData("<html>\r\n\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2011 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 099 Odd\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n: no name\r\n\r\n")]
    [InlineData("GARBAGE WITHOUT END")]
    public void A_broken_head_is_malformed(string text)
        => ResponseParser.TryParseHead(Encoding.ASCII.GetBytes(text), out _).ShouldBe(ParseStatus.Malformed);

    [Fact]
    public void A_chunked_body_is_joined_in_place_once_complete()
    {
        var data = Encoding.ASCII.GetBytes("4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT");

        var result = ResponseParser.TryDecodeChunked(data, out var length, out var consumed);

        result.ShouldBe(ParseStatus.Complete);
        Encoding.ASCII.GetString(data, 0, length).ShouldBe("Wikipedia in\r\n\r\nchunks.");
        consumed.ShouldBe(data.Length - 4);
    }

    [Theory]
    [InlineData("4\r\nWi")]
    [InlineData("4\r\nWiki\r\n")]
    [InlineData("4\r\nWiki\r\n0\r\n")]
    [InlineData("4\r\nWiki\r\n0\r\nTrailer: 1\r\n")]
    public void A_chunked_body_still_arriving_is_incomplete_and_left_untouched(string text)
    {
        var data = Encoding.ASCII.GetBytes(text);
        var copy = data.ToArray();

        ResponseParser.TryDecodeChunked(data, out _, out _).ShouldBe(ParseStatus.Incomplete);
        data.ShouldBe(copy);
    }

    [Theory]
    [InlineData("g\r\nabc\r\n0\r\n\r\n")]
    [InlineData("\r\nabc\r\n0\r\n\r\n")]
    [InlineData("3\r\nabcd\r\n0\r\n\r\n")]
    [InlineData("ffffffffffffffffff\r\n")]
    public void A_broken_chunked_body_is_malformed(string text)
        => ResponseParser.TryDecodeChunked(Encoding.ASCII.GetBytes(text), out _, out _).ShouldBe(ParseStatus.Malformed);
}
