using System.Text;

namespace UnitTrustLoad.Reporting;

/// <summary>The folder a run's reports go to: <c>reports/&lt;yyyyMMdd-HHmmss&gt;_&lt;test-name&gt;/</c>.</summary>
public static class RunFolder
{
    private const int MaxNameLength = 80;

    /// <summary>
    /// Creates <c>&lt;root&gt;/&lt;yyyyMMdd-HHmmss&gt;_&lt;test-name&gt;/</c> (time in <paramref name="timeZone"/>, name made safe
    /// for every file system) and returns its full path. A second run in the same second gets a "-2", "-3", ... suffix.
    /// </summary>
    public static string Create(string root, string testName, DateTimeOffset startedAt, TimeZoneInfo timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(startedAt, timeZone);
        var baseName = $"{local.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)}_{SafeName(testName)}";
        var fullRoot = Path.GetFullPath(root);
        var path = Path.Combine(fullRoot, baseName);
        for (var n = 2; Directory.Exists(path) || File.Exists(path); n++)
        {
            path = Path.Combine(fullRoot, $"{baseName}-{n}");
        }

        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Null when <paramref name="root"/> can be created and written to; otherwise a message naming the folder and the fix.
    /// Called before the load starts, so an unwritable folder never costs a run.
    /// </summary>
    public static string? CheckWritable(string root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            return "No report folder is configured. Fix: set the report folder (for example \"reports\").";
        }

        string full;
        try
        {
            full = Path.GetFullPath(root);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"The report folder '{root}' is not a valid path: {e.Message} Fix: choose another report folder.";
        }

        if (File.Exists(full))
        {
            return $"The report folder '{full}' is a file, not a folder. Fix: remove the file or choose another report folder.";
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(0);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"The report folder '{full}' cannot be written to: {e.Message} Fix: make it writable or choose another report folder.";
        }
    }

    /// <summary>The test name with every character that some file system rejects replaced by '-'.</summary>
    internal static string SafeName(string? testName)
    {
        var builder = new StringBuilder(Math.Min(testName?.Length ?? 0, MaxNameLength));
        var lastWasDash = false;
        foreach (var c in testName ?? string.Empty)
        {
            if (builder.Length >= MaxNameLength)
            {
                break;
            }

            var keep = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
            if (keep)
            {
                builder.Append(c);
                lastWasDash = c == '-';
            }
            else if (!lastWasDash && builder.Length > 0)
            {
                builder.Append('-');
                lastWasDash = true;
            }
        }

        var name = builder.ToString().Trim('-', '.', ' ');
        return name.Length == 0 ? "test" : name;
    }
}
