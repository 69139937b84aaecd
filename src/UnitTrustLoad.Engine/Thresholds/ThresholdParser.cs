using System.Globalization;

namespace UnitTrustLoad.Engine.Thresholds;

/// <summary>Parses k6-style threshold expressions, reporting the position of the first mistake and the valid forms.</summary>
internal static class ThresholdParser
{
    /// <summary>Shown with every syntax error.</summary>
    public const string ValidForms =
        "valid forms: p(N) OP X (N in (0, 100], latency in ms), mean|min|max|stddev OP X (ms), fail_rate OP X (0..1), rps OP X, "
        + "count|count(ok)|count(fail)|dropped OP X, <counter_name> OP X; OP is one of < <= > >= == !=; "
        + "X is a number, baseline, baseline * F or baseline + N (e.g. \"p(95) < baseline * 1.10\")";

    /// <summary>Parses <paramref name="text"/>, or returns null with <paramref name="error"/> naming the problem and its 1-based position.</summary>
    public static ThresholdExpression? TryParse(string text, out string? error)
    {
        error = null;
        var reader = new Reader(text ?? string.Empty);
        reader.SkipSpaces();
        int metricStart = reader.Position;
        string word = reader.ReadWord();
        if (word.Length == 0)
        {
            error = Fail(reader.Position, "expected a metric name");
            return null;
        }

        ThresholdMetric metric;
        string metricName;
        double percentile = 0;
        switch (word)
        {
            case "p":
                if (!reader.Take('('))
                {
                    error = Fail(reader.Position, "expected '(' after p");
                    return null;
                }

                reader.SkipSpaces();
                int numberAt = reader.Position;
                if (!reader.TryReadNumber(out percentile) || percentile <= 0 || percentile > 100)
                {
                    error = Fail(numberAt, "expected a percentile N with 0 < N <= 100");
                    return null;
                }

                reader.SkipSpaces();
                if (!reader.Take(')'))
                {
                    error = Fail(reader.Position, "expected ')' after the percentile");
                    return null;
                }

                metric = ThresholdMetric.Percentile;
                metricName = $"p({percentile.ToString(CultureInfo.InvariantCulture)})";
                break;
            case "count":
                metric = ThresholdMetric.Count;
                metricName = "count";
                if (reader.Take('('))
                {
                    int argAt = reader.Position;
                    string arg = reader.ReadWord();
                    if (arg is not ("ok" or "fail") || !reader.Take(')'))
                    {
                        error = Fail(argAt, "expected count(ok) or count(fail)");
                        return null;
                    }

                    metric = arg == "ok" ? ThresholdMetric.CountOk : ThresholdMetric.CountFail;
                    metricName = $"count({arg})";
                }

                break;
            default:
                (metric, metricName) = word switch
                {
                    "mean" or "avg" => (ThresholdMetric.Mean, "mean"),
                    "min" => (ThresholdMetric.Min, "min"),
                    "max" => (ThresholdMetric.Max, "max"),
                    "stddev" => (ThresholdMetric.StdDev, "stddev"),
                    "fail_rate" => (ThresholdMetric.FailRate, "fail_rate"),
                    "rps" => (ThresholdMetric.Rps, "rps"),
                    "dropped" => (ThresholdMetric.Dropped, "dropped"),
                    _ => (ThresholdMetric.Counter, word),
                };
                if (metric == ThresholdMetric.Counter && !char.IsLetter(word[0]) && word[0] != '_')
                {
                    error = Fail(metricStart, $"'{word}' is not a metric or counter name");
                    return null;
                }

                // A typo of a metric would otherwise be a counter nobody counts, judged as 0: "p95 < 2000" passing.
                if (metric == ThresholdMetric.Counter && MeantMetric(word) is { } meant)
                {
                    error = Fail(metricStart, $"unknown metric '{word}'; did you mean {meant}?");
                    return null;
                }

                break;
        }

        reader.SkipSpaces();
        int opAt = reader.Position;
        string op = reader.ReadOperator();
        if (op.Length == 0)
        {
            error = Fail(opAt, "expected a comparison operator (< <= > >= == !=)");
            return null;
        }

        reader.SkipSpaces();
        int valueAt = reader.Position;
        double limit;
        var relation = BaselineRelation.None;
        if (reader.Peek() is >= 'a' and <= 'z')
        {
            string rhs = reader.ReadWord();
            if (rhs != "baseline")
            {
                error = Fail(valueAt, "expected a number or baseline");
                return null;
            }

            reader.SkipSpaces();
            relation = BaselineRelation.Times;
            limit = 1;
            if (reader.Peek() is '*' or '+' or '-')
            {
                char sign = reader.Next();
                relation = sign == '*' ? BaselineRelation.Times : BaselineRelation.Plus;
                reader.SkipSpaces();
                int factorAt = reader.Position;
                if (!reader.TryReadNumber(out limit))
                {
                    error = Fail(factorAt, $"expected a number after 'baseline {sign}'");
                    return null;
                }

                if (sign == '-')
                {
                    limit = -limit;
                }
            }
        }
        else if (!reader.TryReadNumber(out limit))
        {
            error = Fail(valueAt, "expected a number or baseline");
            return null;
        }

        reader.SkipSpaces();
        if (!reader.AtEnd)
        {
            error = Fail(reader.Position, "unexpected text after the expression");
            return null;
        }

        return new ThresholdExpression(text!, metric, metricName, percentile, op, limit, relation);
    }

    /// <summary>The metric a counter-like word was probably meant to be (k6's and common spellings), or null.</summary>
    internal static string? MeantMetric(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length > 1 && lower[0] == 'p' && double.TryParse(lower.AsSpan(1).TrimStart('_'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 && p <= 100)
        {
            return string.Create(CultureInfo.InvariantCulture, $"p({p})");
        }

        return lower switch
        {
            "median" or "med" => "p(50)",
            "average" or "avg_ms" or "mean_ms" => "mean",
            "latency" or "duration" or "response_time" or "http_req_duration" or "iteration_duration" => "p(95) (or mean, min, max: latency is named by its statistic)",
            "failrate" or "fail-rate" or "failure_rate" or "error_rate" or "errors" or "failures" or "http_req_failed" => "fail_rate",
            "rate" or "throughput" or "reqs" or "http_reqs" or "requests_per_second" => "rps",
            "iterations" or "requests" => "count",
            "dropped_iterations" => "dropped",
            _ => null,
        };
    }

    private static string Fail(int position, string what) => $"{what} at position {position + 1}; {ValidForms}";

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Peek() => AtEnd ? '\0' : text[Position];

        public char Next() => text[Position++];

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public bool Take(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            Position++;
            return true;
        }

        public string ReadWord()
        {
            int start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '.'))
            {
                Position++;
            }

            return text[start..Position];
        }

        public string ReadOperator()
        {
            foreach (var op in (ReadOnlySpan<string>)["<=", ">=", "==", "!=", "<", ">"])
            {
                if (string.CompareOrdinal(text, Position, op, 0, op.Length) == 0)
                {
                    Position += op.Length;
                    return op;
                }
            }

            return string.Empty;
        }

        public bool TryReadNumber(out double value)
        {
            int start = Position;
            while (!AtEnd && (char.IsDigit(text[Position]) || text[Position] is '.' or 'e' or 'E' || (Position > start && text[Position] is '+' or '-' && text[Position - 1] is 'e' or 'E')))
            {
                Position++;
            }

            if (Position == start || !double.TryParse(text.AsSpan(start, Position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                Position = start;
                value = 0;
                return false;
            }

            return true;
        }
    }
}
