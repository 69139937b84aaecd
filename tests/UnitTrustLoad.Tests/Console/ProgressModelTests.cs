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
    public void The_last_interval_reported_again_with_its_tail_replaces_itself_in_the_totals()
    {
        var model = new ProgressModel();
        model.Start(ProgressViews.Info);
        model.Add(ProgressViews.Interval(0, 20, 0));
        model.Add(ProgressViews.Interval(1, 30, 0));

        // The engine folded a short tail into interval 1 and reported it again: 30 calls became 33.
        var enlarged = ProgressViews.Interval(1, 33, 1);
        model.Add(enlarged with { Duration = TimeSpan.FromSeconds(5.1) });

        var journey = model.Rows().Single(r => r.Name == "journey");
        journey.Ok.ShouldBe(53);
        journey.Fail.ShouldBe(1);
        journey.CodesText().ShouldBe("201:53 500:1");
        model.Elapsed.ShouldBe(TimeSpan.FromSeconds(10.1));
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
