using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Tests.Model;

public sealed class FixedPointTests
{
    [Theory]
    [InlineData("5000", "12.3456", 4_050_025)]   // 405.00259... -> 405.0025
    [InlineData("100", "3", 333_333)]            // 33.33333... -> 33.3333
    [InlineData("1000", "1", 10_000_000)]
    public void Units_allotted_are_rounded_down_to_4_places(string value, string price, long expected)
        => FixedPoint.UnitsAllotted(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("2500", "12.3456", 2_025_013)]   // 202.50129... -> 202.5013
    [InlineData("100", "3", 333_334)]            // 33.33333... -> 33.3334
    [InlineData("10", "1", 100_000)]
    public void Units_redeemed_are_rounded_up_to_4_places(string value, string price, long expected)
        => FixedPoint.UnitsRedeemed(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Market_value_is_rounded_down_to_cents_with_2_places()
    {
        var value = FixedPoint.MarketValue(4_050_025, 12.3456m); // 4999.9908...

        value.ShouldBe(4999.99m);
        value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("4999.99");
    }

    [Fact]
    public void Units_always_print_with_4_places()
        => FixedPoint.Units(10_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1000.0000");

    [Fact]
    public void Selling_the_whole_market_value_never_needs_more_units_than_the_holding_has()
    {
        var random = new Random(20261125);
        decimal[] prices = [1m, 12.3456m, 0.9999m, 3m, 7.0001m, 123.4567m];
        for (var i = 0; i < 20_000; i++)
        {
            var units = random.NextInt64(1, 1_000_000_000);
            var price = prices[i % prices.Length];
            var marketValue = FixedPoint.MarketValue(units, price);
            if (marketValue < 0.01m)
            {
                continue;
            }

            FixedPoint.UnitsRedeemed(marketValue, price).ShouldBeLessThanOrEqualTo(units, $"units {units}, price {price}");
        }
    }
}
