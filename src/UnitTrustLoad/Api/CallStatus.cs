using System.Globalization;

namespace UnitTrustLoad.Api;

/// <summary>
/// How a call ended, as the string statistics count it under: the HTTP status code ("201", "409") when the API
/// answered, else the kind of failure ("timeout", "connection_error", ...). Codes are built once so answers do not
/// allocate them.
/// </summary>
internal static class CallStatus
{
    public const string Timeout = "timeout";
    public const string ConnectionError = "connection_error";
    public const string NoToken = "no_token";
    public const string InvalidBody = "invalid_body";

    /// <summary>The bytes that came back are not an HTTP/1.1 response (our HTTP/1.1 client).</summary>
    public const string InvalidResponse = "invalid_response";

    private static readonly string[] Codes = Build();

    /// <summary>True for a refusal (4xx): the API answered and changed nothing; a 5xx, timeout or lost connection may have.</summary>
    public static bool IsRefusal(string status) => status.Length == 3 && status[0] == '4';

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
