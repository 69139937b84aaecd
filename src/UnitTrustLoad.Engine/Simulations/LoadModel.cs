namespace UnitTrustLoad.Engine.Simulations;

/// <summary>Which way a stage generates load.</summary>
internal enum LoadModel
{
    /// <summary>No load (a pause).</summary>
    None,

    /// <summary>Virtual users loop: the next iteration starts when the previous one ends.</summary>
    Closed,

    /// <summary>Iterations start at planned times whatever the target's speed.</summary>
    Open,
}
