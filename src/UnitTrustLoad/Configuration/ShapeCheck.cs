namespace UnitTrustLoad.Configuration;

/// <summary>
/// What <see cref="ConfigurationShape.Check"/> found for binding: the paths whose values cannot be bound (already
/// reported), and each duration's path with its value in .NET's own "c" form.
/// </summary>
internal sealed record ShapeCheck(HashSet<string> Unusable, Dictionary<string, string> Durations);
