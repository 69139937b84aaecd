using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

public sealed class DurationRangeTests
{
    [Theory]
    [InlineData("00:00:01", 1000, 1000)]
    [InlineData("00:00:01..00:00:03", 1000, 3000)]
    [InlineData(" 00:00:00.250 .. 00:00:00.500 ", 250, 500)]
    [InlineData("00:00:00", 0, 0)]
    public void Reads_a_duration_or_a_range(string text, int minMs, int maxMs)
    {
        DurationRange.TryParse(text, out var range, out var error).ShouldBeTrue(error);

        range.ShouldBe(new DurationRange(TimeSpan.FromMilliseconds(minMs), TimeSpan.FromMilliseconds(maxMs)));
        range.IsZero.ShouldBe(maxMs == 0);
    }

    [Theory]
    [InlineData("soon", "is not a duration")]
    [InlineData("00:00:03..00:00:01", "from the shorter to the longer")]
    [InlineData("00:00:01..", "is not a duration")]
    [InlineData("-00:00:01", "neither below zero")]
    public void Refuses_what_is_not_a_range_and_says_why(string text, string reason)
    {
        DurationRange.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(reason);
    }

    [Fact]
    public void A_range_is_drawn_from_end_to_end()
    {
        var range = new DurationRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        range.At(0).ShouldBe(TimeSpan.FromSeconds(1));
        range.At(0.5).ShouldBe(TimeSpan.FromSeconds(2));
        range.ToString().ShouldBe("00:00:01..00:00:03");
    }
}
