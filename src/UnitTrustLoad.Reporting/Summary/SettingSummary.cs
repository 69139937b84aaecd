namespace UnitTrustLoad.Reporting;

/// <summary>One test setting as shown in reports.</summary>
public sealed record SettingSummary(string Name, string Value);
