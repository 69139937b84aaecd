namespace UnitTrustLoad.Tests.EndToEnd;

/// <summary>App runs share the machine's two cores; running them one at a time keeps their timings meaningful.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppRunsSerially
{
    public const string Name = "app runs";
}
