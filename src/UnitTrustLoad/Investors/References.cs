using System.Globalization;

namespace UnitTrustLoad.Investors;

/// <summary>
/// Purchase, sale and payment references: the run's id plus a sequence number, so unique by construction (the original
/// script's sale reference had only 900 values a day, so retries collided with the idempotency check).
/// </summary>
internal sealed class References(string runId)
{
    private long _purchase;
    private long _sale;

    public string RunId { get; } = runId;

    public string NextPurchase() => "P" + RunId + Interlocked.Increment(ref _purchase).ToString("D9", CultureInfo.InvariantCulture);

    public string NextSale() => "S" + RunId + Interlocked.Increment(ref _sale).ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>The payment reference for a purchase reference (an M-PESA-like code, unique with it).</summary>
    public static string PaymentFor(string purchaseReference) => "MP" + purchaseReference;

    /// <summary>A run id that differs between runs: base-36 of the start time in tenths of a second plus a random tail.</summary>
    public static string NewRunId(TimeProvider time)
    {
        var tenths = time.GetUtcNow().ToUnixTimeMilliseconds() / 100;
        Span<char> chars = stackalloc char[10];
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var value = (tenths % 2_176_782_336L * 36) + Random.Shared.Next(36); // 6 time digits + 1 random, base 36
        var length = 0;
        for (var i = 0; i < 7; i++)
        {
            chars[length++] = digits[(int)(value % 36)];
            value /= 36;
        }

        chars[..length].Reverse();
        return new string(chars[..length]);
    }
}
