namespace UnitTrustLoad.Engine.Model;

/// <summary>Why a capacity search ended.</summary>
public enum CapacityEnd
{
    /// <summary>The passing and failing rates came within the resolution.</summary>
    Resolution,

    /// <summary>Every rate up to MaxRate passed.</summary>
    MaxRate,

    /// <summary>The next step would have crossed MaxDuration.</summary>
    MaxDuration,

    /// <summary>A step was generator-limited: the generator, not the target, set the pace.</summary>
    Generator,

    /// <summary>The run was stopped (Ctrl+C, an abort threshold): a partial result.</summary>
    Stopped,
}
