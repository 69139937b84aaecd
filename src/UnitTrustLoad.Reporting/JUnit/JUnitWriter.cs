using System.Globalization;
using System.Text;
using System.Xml;
using UnitTrustLoad.Engine.Model;
using UnitTrustLoad.Reporting.Writing;

namespace UnitTrustLoad.Reporting.JUnit;

/// <summary>
/// Writes junit.xml in the common JUnit shape read by GitHub, GitLab and Jenkins: a "thresholds" suite with one test
/// case per threshold (failed with the measured value), and a "scenarios" suite with one test case per scenario that
/// fails when one of its thresholds failed or the run was interrupted (counts are in system-out).
/// </summary>
internal sealed class JUnitWriter : IReportWriter
{
    public string FileName => "junit.xml";

    public async Task WriteAsync(ReportContext context, string folder, Stream stream, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(false),
            Indent = true,
            NewLineChars = "\n",
            CheckCharacters = false,
        };
        var result = context.Result;
        var timestamp = context.LocalStartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var thresholdFailures = 0;
        foreach (var t in result.Thresholds)
        {
            thresholdFailures += t.Passed ? 0 : 1;
        }

        // With a baseline whose regressions fail the run, they are a failing test case of their own.
        var regressions = context.Regressions;
        var regressionCase = context.FailOnRegression && context.Baseline is not null ? 1 : 0;
        var regressionFailure = regressionCase == 1 && regressions.Count > 0 ? 1 : 0;
        var scenarioFailures = 0;
        foreach (var scenario in result.Scenarios)
        {
            scenarioFailures += ScenarioFailure(result, scenario) is null ? 0 : 1;
        }

        await using var xml = XmlWriter.Create(stream, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", Clean(result.TestName));
        Counts(xml, result.Thresholds.Count + regressionCase + result.Scenarios.Count, thresholdFailures + regressionFailure + scenarioFailures, result.Duration);
        xml.WriteAttributeString("timestamp", timestamp);

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "thresholds");
        Counts(xml, result.Thresholds.Count + regressionCase, thresholdFailures + regressionFailure, TimeSpan.Zero);
        xml.WriteAttributeString("timestamp", timestamp);
        if (context.Settings.Count > 0)
        {
            // The caller's settings lines, as every other report opens with them (JUnit's place for them).
            xml.WriteStartElement("properties");
            foreach (var setting in context.Settings)
            {
                xml.WriteStartElement("property");
                xml.WriteAttributeString("name", Clean(setting.Key));
                xml.WriteAttributeString("value", Clean(setting.Value));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var t in result.Thresholds)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", Clean($"{result.TestName}.thresholds"));
            xml.WriteAttributeString("name", Clean($"{t.Scope}: {t.Expression}"));
            xml.WriteAttributeString("time", "0");
            var actual = $"actual {Figures.Value(t.Actual)}";
            if (!t.Passed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean($"{t.Expression} failed for {t.Scope}: {actual}{(t.Message is { Length: > 0 } m ? $" ({m})" : string.Empty)}"));
                xml.WriteAttributeString("type", "threshold");
                xml.WriteString(Clean($"threshold: {t.Expression}\nscope: {t.Scope}\n{actual}\n{t.Message}{(t.AbortedRun ? "\nthis threshold aborted the run" : string.Empty)}"));
                xml.WriteEndElement();
            }

            xml.WriteElementString("system-out", actual);
            xml.WriteEndElement();
        }

        if (regressionCase == 1)
        {
            WriteRegressionCase(xml, result.TestName, regressions);
        }

        xml.WriteEndElement();

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "scenarios");
        Counts(xml, result.Scenarios.Count, scenarioFailures, result.Duration);
        xml.WriteAttributeString("timestamp", timestamp);
        foreach (var scenario in result.Scenarios)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", Clean($"{result.TestName}.scenarios"));
            xml.WriteAttributeString("name", Clean(scenario.Name));
            xml.WriteAttributeString("time", Seconds(scenario.Duration));
            if (ScenarioFailure(result, scenario) is { } failure)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(failure));
                xml.WriteAttributeString("type", result.Interrupted ? "interrupted" : "threshold");
                xml.WriteString(Clean(failure));
                xml.WriteEndElement();
            }

            xml.WriteElementString("system-out", Clean(ScenarioOutput(scenario)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        var output = new System.Text.StringBuilder($"{Verdict.Describe(context)}\nexit code {context.ExitCode}");
        foreach (var check in context.AllChecks)
        {
            output.Append('\n').Append(check.Name).Append(": ").Append(check.Verdict);
        }

        if (context.Baseline is not null)
        {
            output.Append(CultureInfo.InvariantCulture, $"\nregressions against the baseline (beyond noise: {RegressionRule.Noise}): {(regressions.Count == 0 ? "none" : regressions.Count.ToString(CultureInfo.InvariantCulture))}");
            foreach (var regression in regressions)
            {
                output.Append("\n  ").Append(regression.Description);
            }
        }

        xml.WriteElementString("system-out", Clean(output.ToString()));
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static void WriteRegressionCase(XmlWriter xml, string testName, IReadOnlyList<Regression> regressions)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean($"{testName}.thresholds"));
        xml.WriteAttributeString("name", "baseline: no regression beyond noise");
        xml.WriteAttributeString("time", "0");
        var lines = new List<string>(regressions.Count);
        foreach (var regression in regressions)
        {
            lines.Add(regression.Description);
        }

        if (regressions.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean($"{regressions.Count} regression(s) against the baseline: {string.Join("; ", lines)}"));
            xml.WriteAttributeString("type", "regression");
            xml.WriteString(Clean($"noise: {RegressionRule.Noise}\n{string.Join("\n", lines)}"));
            xml.WriteEndElement();
        }

        xml.WriteElementString("system-out", Clean(regressions.Count == 0 ? "none" : string.Join("\n", lines)));
        xml.WriteEndElement();
    }

    private static string? ScenarioFailure(RunResult result, ScenarioResult scenario)
    {
        var reasons = new List<string>();
        foreach (var t in result.Thresholds)
        {
            var ownScope = string.Equals(t.Scope, scenario.Name, StringComparison.Ordinal)
                || t.Scope.StartsWith(scenario.Name + ".", StringComparison.Ordinal);
            if (ownScope && !t.Passed)
            {
                reasons.Add($"{t.Scope}: {t.Expression} (actual {Figures.Value(t.Actual)})");
            }
        }

        if (result.Interrupted)
        {
            reasons.Add(result.InterruptReason is { Length: > 0 } why ? $"run interrupted: {why}" : "run interrupted");
        }

        return reasons.Count == 0 ? null : "failed: " + string.Join("; ", reasons);
    }

    private static string ScenarioOutput(ScenarioResult scenario)
    {
        var s = scenario.Total;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"warm-up {Figures.WarmUp(scenario.WarmUp)}\n");
        builder.Append(CultureInfo.InvariantCulture, $"iterations {s.Count} ok={s.OkCount} fail={s.FailCount} rps={Figures.Rate(s.Rps)} p95={Figures.Ms(s.Latency.P95Ms)}ms p99={Figures.Ms(s.Latency.P99Ms)}ms dropped={scenario.DroppedIterations}\n");
        foreach (var step in scenario.Steps)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{step.Name}: {step.Count} ok={step.OkCount} fail={step.FailCount} rps={Figures.Rate(step.Rps)} p95={Figures.Ms(step.Latency.P95Ms)}ms p99={Figures.Ms(step.Latency.P99Ms)}ms status={Figures.StatusCodes(step.StatusCodes)}\n");
        }

        return builder.ToString();
    }

    private static void Counts(XmlWriter xml, int tests, int failures, TimeSpan time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    // XML 1.0 cannot carry most control characters even escaped; a name with one must not make the file unreadable.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '?');
        }

        return builder.ToString();
    }
}
