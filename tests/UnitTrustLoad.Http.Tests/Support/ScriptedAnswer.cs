namespace UnitTrustLoad.Http.Tests.Support;

/// <summary>What <see cref="ScriptedServer"/> sends back for one request: pieces (each its own send), pauses, close.</summary>
public sealed record ScriptedAnswer(string[] Pieces, bool CloseAfter = false, TimeSpan PauseBetweenPieces = default, TimeSpan Hang = default)
{
    public const string RegisteredBody = """{"ClientIdentifier":"+254712345678-23456789","InvestorId":42,"Status":"Registered"}""";

    public static ScriptedAnswer Registered(string extraHeaders = "", bool closeAfter = false)
        => new([$"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n{extraHeaders}Content-Length: {RegisteredBody.Length}\r\n\r\n{RegisteredBody}"], closeAfter);
}
