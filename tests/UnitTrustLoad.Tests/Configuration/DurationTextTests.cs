using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h30m15s", 5_415_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m500ms", 120_500)]
    [InlineData("0s", 0)]
    [InlineData("00:05:00", 300_000)]
    [InlineData("1:30:00", 5_400_000)]
    [InlineData("00:00:00.100", 100)]
    [InlineData("1.02:00:00", 93_600_000)]
    [InlineData(" 10s ", 10_000)]
    public void Reads_k6_units_and_clock_times(string text, long milliseconds)
    {
        DurationText.TryParse(text, out var value, out var error).ShouldBeTrue(error);

        value.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("30", "has no unit")]
    [InlineData("1.5", "has no unit")]
    [InlineData("1:30", "ambiguous")]
    [InlineData("", "a duration is needed")]
    [InlineData("5 minutes", "is not a duration")]
    [InlineData("1h1h", "names 'h' twice")]
    [InlineData("-5s", "negative")]
    [InlineData("00:60:00", "up to 59")]
    [InlineData("1:5:00", "is not a duration")]
    [InlineData("10d", "units are h, m, s and ms")]
    public void Refuses_bare_numbers_two_part_clocks_and_nonsense_listing_the_forms_that_work(string text, string reason)
    {
        DurationText.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(reason);
        error.ShouldContain("30s, 5m, 1h30m");
        error.ShouldContain("hh:mm:ss");
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(30_000, "30s")]
    [InlineData(5_415_000, "1h30m15s")]
    [InlineData(93_600_000, "26h")]
    public void Formats_what_it_reads(long milliseconds, string expected)
    {
        var text = DurationText.Format(TimeSpan.FromMilliseconds(milliseconds));

        text.ShouldBe(expected);
        DurationText.TryParse(text, out var back).ShouldBeTrue();
        back.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }
}
