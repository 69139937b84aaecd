namespace UnitTrustLoad.Simulator.Model;

/// <summary>
/// Units are stored as whole ten-thousandths and money as whole cents so balances stay exact;
/// these conversions are the only place the rounding rules live.
/// </summary>
internal static class FixedPoint
{
    private const decimal UnitsScale = 10_000m;

    /// <summary>Units allotted for a purchase: value / price rounded down to 4 places.</summary>
    public static long UnitsAllotted(decimal value, decimal price)
        => (long)(decimal.Round(value / price, 4, MidpointRounding.ToZero) * UnitsScale);

    /// <summary>Units redeemed for a sale: value / price rounded up to 4 places, so the investor is never paid for units kept.</summary>
    public static long UnitsRedeemed(decimal value, decimal price)
        => (long)(decimal.Round(value / price, 4, MidpointRounding.ToPositiveInfinity) * UnitsScale);

    /// <summary>Market value rounded down to cents: a holding never shows more money than its units are worth.</summary>
    public static decimal MarketValue(long units, decimal price)
        => decimal.Round(Units(units) * price, 2, MidpointRounding.ToZero) + 0.00m;

    /// <summary>Units as a decimal with exactly 4 places (adding 0.0000m fixes the scale).</summary>
    public static decimal Units(long tenThousandths) => (tenThousandths / UnitsScale) + 0.0000m;

    /// <summary>Money with exactly 2 places.</summary>
    public static decimal Money(decimal value) => value + 0.00m;

    /// <summary>A unit price with exactly 4 places.</summary>
    public static decimal Price(decimal value) => value + 0.0000m;

    public static bool HasAtMostPlaces(decimal value, int places) => decimal.Round(value, places) == value;
}
