namespace UnitTrustLoad.Configuration;

/// <summary>The values Target:Transport and Target:SocketEngine take.</summary>
internal static class TransportSettings
{
    /// <summary>Target:Transport: our HTTP/1.1 client for http://, HttpClient for https://.</summary>
    public const string Auto = "auto";

    /// <summary>Target:Transport: the suite's own HTTP/1.1 client (http:// only).</summary>
    public const string Lean = "lean";

    /// <summary>Target:Transport: .NET's HttpClient.</summary>
    public const string HttpClient = "httpclient";

    public const string Pattern = "^(?i)(auto|lean|httpclient)$";

    /// <summary>Target:SocketEngine: our Linux epoll loop.</summary>
    public const string Epoll = "epoll";

    /// <summary>Target:SocketEngine: .NET's socket engine.</summary>
    public const string DotNet = "dotnet";

    public const string SocketEnginePattern = "^(?i)(auto|epoll|dotnet)$";
}
