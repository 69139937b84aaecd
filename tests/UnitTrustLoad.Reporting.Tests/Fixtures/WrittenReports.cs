namespace UnitTrustLoad.Reporting.Tests.Fixtures;

/// <summary>Writes a context's reports into a temp folder and reads them back.</summary>
internal static class WrittenReports
{
    public static async Task<string> ReadAsync(ReportContext context, string fileName, Action<string>? prepareFolder = null)
    {
        using var folder = new TempFolder();
        prepareFolder?.Invoke(folder.Path);
        var failures = await ReportWriterSet.Default.WriteAllAsync(context, folder.Path);
        failures.ShouldBeEmpty();
        return await File.ReadAllTextAsync(folder.File(fileName));
    }
}
