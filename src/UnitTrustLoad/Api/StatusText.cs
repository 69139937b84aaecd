using System.Globalization;

namespace UnitTrustLoad.Api;

/// <summary>Status codes as the strings statistics count them under, built once so answers do not allocate them.</summary>
internal static class StatusText
{
    public const string Timeout = "timeout";
    public const string ConnectionError = "connection_error";
    public const string NoToken = "no_token";
    public const string InvalidBody = "invalid_body";

    /// <summary>The bytes that came back are not an HTTP/1.1 response (lean transport).</summary>
    public const string InvalidResponse = "invalid_response";

    private static readonly string[] Codes = Build();

    public static string Of(int status) => status is >= 0 and < 600 ? Codes[status] : status.ToString(CultureInfo.InvariantCulture);

    private static string[] Build()
    {
        var codes = new string[600];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return codes;
    }
}
