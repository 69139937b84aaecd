using UnitTrustLoad.Console;

namespace UnitTrustLoad.Tests.Console;

public sealed class ProgressModelTests
{
    [Fact]
    public void Rows_are_copies_that_a_later_interval_does_not_change_under_the_views_feet()
    {
        var model = new ProgressModel();
        model.Start(ProgressViews.Info);
        model.Add(ProgressViews.Interval(0, 20, 0));

        var drawn = model.Rows();
        model.Add(ProgressViews.Interval(1, 30, 2));

        // The live view draws on its own thread: what it holds must not move while it reads it.
        var journey = drawn.Single(r => r.Name == "journey");
        journey.Ok.ShouldBe(20);
        journey.CodesText().ShouldBe("201:20");
        model.Rows().Single(r => r.Name == "journey").CodesText().ShouldBe("201:50 500:2");
    }

    [Fact]
    public void Scenarios_have_a_row_from_the_start_marked_as_not_yet_reported()
    {
        var model = new ProgressModel();
        model.Start(ProgressViews.Info);

        var row = model.Rows().ShouldHaveSingleItem();
        row.Name.ShouldBe("journey");
        row.Reported.ShouldBeFalse();
        model.IntervalLabel.ShouldBe("last 5 s");
    }
}
