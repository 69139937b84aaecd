namespace UnitTrustLoad.Reporting;

/// <summary>A report file that could not be written; the other reports were still written.</summary>
/// <param name="FileName">The file's name within the run folder, for example "report.html".</param>
/// <param name="Message">What went wrong, in words a person can act on.</param>
public sealed record ReportFailure(string FileName, string Message);
