using UnitTrustLoad.Engine.Running;
using UnitTrustLoad.Engine.Simulations;

namespace UnitTrustLoad.Engine.Tests.Simulations;

public sealed class SimulationKindsTests
{
    private static readonly SimulationSettings Valid = new()
    {
        Copies = 3,
        Rate = 5,
        MinRate = 1,
        MaxRate = 5,
        Interval = TimeSpan.FromSeconds(1),
        During = TimeSpan.FromSeconds(10),
        Iterations = 100,
    };

    public static TheoryData<string> KindNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Simulation.KindNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_public_load_simulation_has_exactly_one_kind()
    {
        var types = typeof(LoadSimulation).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(LoadSimulation)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Simulation.KindNames.Order(StringComparer.Ordinal).ShouldBe(types);
        Simulation.KindNames.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(Simulation.Kinds.Count);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Each_kind_builds_its_own_simulation_from_valid_settings_and_it_validates_and_resolves(string name)
    {
        var simulation = Simulation.Build(name.ToUpperInvariant(), Valid);

        simulation.GetType().Name.ShouldBe(name);
        simulation.Validate().ShouldBeEmpty();
        simulation.Describe().ShouldStartWith(name);
        LoadPlan.Resolve([simulation], seed: 1).ShouldHaveSingleItem().Source.ShouldBe(simulation);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Each_field_a_kind_takes_is_read_and_validated_by_that_kind(string name)
    {
        var kind = Simulation.FindKind(name).ShouldNotBeNull();
        kind.Fields.ShouldNotBeEmpty();

        foreach (var field in kind.Fields)
        {
            var problems = Simulation.Build(name, Break(Valid, field)).Validate();

            problems.ShouldContain(p => p.Field == field, $"{name} with a bad {field}: {string.Join("; ", problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Fields_a_kind_does_not_take_are_ignored(string name)
    {
        var kind = Simulation.FindKind(name).ShouldNotBeNull();
        var settings = Valid;
        foreach (var field in AllFields.Except(kind.Fields))
        {
            settings = Break(settings, field);
        }

        Simulation.Build(name, settings).Validate().ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_kind_builds_a_simulation_whose_validation_names_the_kind_field_and_the_known_kinds()
    {
        var problem = Simulation.Build("Hover", Valid).Validate().ShouldHaveSingleItem();

        problem.Kind.ShouldBe(DefinitionProblemKind.UnknownSimulationKind);
        problem.Field.ShouldBe(SimulationField.Kind);
        problem.Message.ShouldBe("'Hover' is not a load simulation");
        problem.Fix.ShouldContain("KeepConstant, RampingConstant, IterationsForConstant, Inject, RampingInject, InjectRandom, IterationsForInject, Pause");
    }

    [Fact]
    public void Ramps_may_go_down_to_zero_but_not_below()
    {
        new RampingConstant(0, TimeSpan.FromSeconds(1)).Validate().ShouldBeEmpty();
        new RampingInject(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).Validate().ShouldBeEmpty();
        new RampingConstant(-1, TimeSpan.FromSeconds(1)).Validate().ShouldHaveSingleItem().Kind.ShouldBe(DefinitionProblemKind.Negative);
    }

    [Fact]
    public void InjectRandom_with_its_bounds_swapped_says_to_swap_them()
    {
        var problem = new InjectRandom(20, 10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).Validate().ShouldHaveSingleItem();

        problem.Kind.ShouldBe(DefinitionProblemKind.OutOfOrder);
        problem.Message.ShouldBe("MinRate 20 is above MaxRate 10");
        problem.Fix.ShouldContain("swap them");
    }

    private static readonly string[] AllFields =
    [
        SimulationField.Copies, SimulationField.Rate, SimulationField.MinRate, SimulationField.MaxRate,
        SimulationField.Interval, SimulationField.During, SimulationField.Iterations,
    ];

    private static SimulationSettings Break(SimulationSettings settings, string field) => field switch
    {
        SimulationField.Copies => settings with { Copies = -1 },
        SimulationField.Rate => settings with { Rate = -1 },
        SimulationField.MinRate => settings with { MinRate = -1 },
        SimulationField.MaxRate => settings with { MaxRate = 0 },
        SimulationField.Interval => settings with { Interval = TimeSpan.Zero },
        SimulationField.During => settings with { During = TimeSpan.FromSeconds(-1) },
        SimulationField.Iterations => settings with { Iterations = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a simulation field"),
    };
}
