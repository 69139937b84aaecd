using System.Globalization;
using System.Text;
using UnitTrustLoad.Api.Contracts;

namespace UnitTrustLoad.Investors;

/// <summary>
/// Existing investors for the purchase, balance and sale scenarios (<c>Data:InvestorsFile</c>), for a shared API where
/// registering thousands is not allowed: a previous run's investors.csv, or the team's own list with a
/// <c>ClientIdentifier</c> column. Read whole before any traffic; every problem is reported with its line number.
/// Rows of a previous run whose registration or fund join had failed are left out (and counted).
/// </summary>
internal sealed class InvestorsFile
{
    private const string IdentifierColumn = "ClientIdentifier";

    private InvestorsFile(string path, IReadOnlyList<Investor> investors, int skipped)
    {
        Path = path;
        Investors = investors;
        Skipped = skipped;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>One investor per usable row, in file order.</summary>
    public IReadOnlyList<Investor> Investors { get; }

    /// <summary>Rows left out because a previous run could not register or join them.</summary>
    public int Skipped { get; }

    /// <summary>"312 investors from /x/investors.csv (4 rows left out: ...)" for the settings.</summary>
    public string Describe() => Skipped == 0
        ? $"{Investors.Count} investors from {Path}"
        : $"{Investors.Count} investors from {Path} ({Skipped} rows left out: their registration or fund join had failed)";

    /// <summary>Reads the file; throws <see cref="InvestorsFileException"/> with every problem when it cannot be used.</summary>
    public static InvestorsFile Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvestorsFileException([$"Data:InvestorsFile: '{full}' cannot be read ({e.Message}). Fix: pass the path of a CSV with a {IdentifierColumn} column, such as a previous run's investors.csv."]);
        }

        var problems = new List<string>();
        var rows = CsvRows.Read(text, problems, full);
        if (problems.Count > 0)
        {
            throw new InvestorsFileException(problems);
        }

        if (rows.Count == 0)
        {
            throw new InvestorsFileException([$"Data:InvestorsFile: '{full}' is empty. Fix: a header line with a {IdentifierColumn} column, then one investor per line."]);
        }

        var header = rows[0].Fields;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        if (!columns.TryGetValue(IdentifierColumn, out var identifierAt))
        {
            throw new InvestorsFileException([$"Data:InvestorsFile: '{full}' line {rows[0].Line}: no {IdentifierColumn} column in the header ({string.Join(", ", header)}). Fix: name the column of client identifiers {IdentifierColumn}."]);
        }

        var investors = new List<Investor>(rows.Count - 1);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        for (var r = 1; r < rows.Count; r++)
        {
            var (line, fields) = rows[r];
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                problems.Add($"Data:InvestorsFile: '{full}' line {line}: {fields.Count} fields where the header has {header.Count}. Fix: quote fields that hold commas.");
                continue;
            }

            string Field(string name) => columns.TryGetValue(name, out var at) ? fields[at].Trim() : string.Empty;
            var identifier = fields[identifierAt].Trim();
            if (identifier.Length == 0)
            {
                problems.Add($"Data:InvestorsFile: '{full}' line {line}: the {IdentifierColumn} is empty.");
                continue;
            }

            if (seen.TryGetValue(identifier, out var first))
            {
                problems.Add($"Data:InvestorsFile: '{full}' line {line}: {identifier} appears again (first on line {first}); each investor is used by one user at a time, so each may appear once.");
                continue;
            }

            seen[identifier] = line;
            var idText = Field("IDNumber");
            var idNumber = 0;
            if (idText.Length > 0 && !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out idNumber))
            {
                problems.Add($"Data:InvestorsFile: '{full}' line {line}: IDNumber '{idText}' is not a whole number.");
                continue;
            }

            // A previous run's row: only investors it registered (201) and joined (200) can trade.
            if (Failed(Field("Register"), "201") || Failed(Field("JoinFund"), "200"))
            {
                skipped++;
                continue;
            }

            var registration = new RegisterInvestorRequest(
                idNumber, Field("FirstName"), Field("Surname"), Field("DateOfBirth"), Field("PhoneNumber"), Field("EmailAddress"),
                Field("PIN"), identifier, null, null, new BankAccount(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty));
            investors.Add(new Investor(investors.Count, registration));
        }

        if (problems.Count > 0)
        {
            throw new InvestorsFileException(Capped(problems));
        }

        if (investors.Count == 0)
        {
            throw new InvestorsFileException([$"Data:InvestorsFile: '{full}' holds no usable investor ({skipped} rows left out: their registration or fund join had failed)."]);
        }

        return new InvestorsFile(full, investors, skipped);
    }

    private const int MaxProblems = 20;

    private static List<string> Capped(List<string> problems)
    {
        if (problems.Count <= MaxProblems)
        {
            return problems;
        }

        var more = problems.Count - MaxProblems;
        var capped = problems.GetRange(0, MaxProblems);
        capped.Add($"... and {more} more problems in the same file.");
        return capped;
    }

    private static bool Failed(string status, string ok) => status.Length > 0 && status != ok;

    /// <summary>RFC 4180 records with the line each starts on (quoted fields may hold commas, quotes and line breaks).</summary>
    private static class CsvRows
    {
        public static List<(int Line, List<string> Fields)> Read(string text, List<string> problems, string path)
        {
            var rows = new List<(int, List<string>)>();
            var field = new StringBuilder();
            var fields = new List<string>();
            var line = 1;
            var rowStart = 1;
            var quoted = false;
            var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }

                    continue;
                }

                switch (c)
                {
                    case '"' when field.Length == 0:
                        quoted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        fields.Add(field.ToString());
                        field.Clear();
                        rows.Add((rowStart, fields));
                        fields = [];
                        line++;
                        rowStart = line;
                        break;
                    default:
                        field.Append(c);
                        break;
                }
            }

            if (quoted)
            {
                problems.Add($"Data:InvestorsFile: '{path}' line {rowStart}: a quoted field is never closed. Fix: end it with a double quote.");
                return rows;
            }

            if (field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                rows.Add((rowStart, fields));
            }

            return rows;
        }
    }
}

/// <summary>The investors file cannot be used; each problem names its line and the fix.</summary>
internal sealed class InvestorsFileException(IReadOnlyList<string> problems)
    : Exception(problems.Count > 0 ? problems[0] : "The investors file cannot be used.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
