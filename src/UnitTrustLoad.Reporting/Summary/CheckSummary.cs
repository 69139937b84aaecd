namespace UnitTrustLoad.Reporting;

/// <summary>
/// One correctness check the caller ran beside the load (how many things it compared and how many disagreed), shown
/// in every report next to the thresholds. The reporting library knows no check by name: the caller hands each one in
/// <see cref="ReportContext.Checks"/> with its own words.
/// </summary>
/// <param name="Name">Short name, used as the heading and the HTML anchor (for example "stock").</param>
/// <param name="Checked">How many things were compared.</param>
/// <param name="Failed">How many of them disagreed.</param>
/// <param name="Verdict">One line in the caller's words, for example "120 shelves counted, 0 short".</param>
public sealed record CheckSummary(string Name, long Checked, long Failed, string Verdict)
{
    /// <summary>True when at least one thing was compared and none disagreed; a check that compared nothing judged nothing, and does not hold.</summary>
    public bool Held => Checked > 0 && Failed == 0;

    /// <summary>The mark reports show: ✓ held, ✗ failed or judged nothing.</summary>
    internal string Mark => Held ? "✓" : "✗";

    /// <summary>The heading: the name with its first letter in capitals.</summary>
    internal string Title => Name.Length == 0 ? Name : char.ToUpperInvariant(Name[0]) + Name[1..];
}
