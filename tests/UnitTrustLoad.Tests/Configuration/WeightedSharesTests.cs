using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

public sealed class WeightedSharesTests
{
    [Fact]
    public void Shares_follow_the_weights_and_add_up_to_the_total()
    {
        var load = Load(("register", 4), ("join-fund", 1), ("balance", 2));

        int[] shares = [WeightedShares.Share(50, load, "register"), WeightedShares.Share(50, load, "join-fund"), WeightedShares.Share(50, load, "balance")];

        // 50 × 4/7 = 28.57, 50 × 1/7 = 7.14, 50 × 2/7 = 14.29: whole parts 28+7+14 = 49, the leftover to the largest remainder.
        shares.ShouldBe([29, 7, 14]);
        shares.Sum().ShouldBe(50);
    }

    [Fact]
    public void A_single_running_scenario_takes_the_whole_total_and_disabled_ones_count_for_nothing()
    {
        var load = Load(("journey", 3));
        load.Scenarios["balance"] = new ScenarioOptions { Enabled = false, Weight = 100 };

        WeightedShares.Share(10, load, "journey").ShouldBe(10);
    }

    [Fact]
    public void Every_running_scenario_gets_at_least_one()
    {
        var load = Load(("register", 1000), ("join-fund", 1));

        WeightedShares.Share(3, load, "join-fund").ShouldBe(1);
    }

    [Fact]
    public void The_shortcut_copy_carries_the_share_and_leaves_the_options_alone()
    {
        var load = Load(("register", 4), ("join-fund", 1));
        load.Rate = 50;

        load.ForScenario("register").Rate.ShouldBe(40);
        load.ForScenario("join-fund").Rate.ShouldBe(10);
        load.Rate.ShouldBe(50);
    }

    private static LoadOptions Load(params (string Name, int Weight)[] scenarios)
    {
        var load = new LoadOptions();
        foreach (var (name, weight) in scenarios)
        {
            load.Scenarios[name] = new ScenarioOptions { Enabled = true, Weight = weight };
        }

        return load;
    }
}
