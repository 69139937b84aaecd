using System.Xml.Linq;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.JUnit;

public sealed class JUnitWriterTests
{
    [Fact]
    public async Task JUnit_has_one_case_per_threshold_and_per_scenario_and_counts_the_failures()
    {
        var xml = XDocument.Parse(await WrittenReports.ReadAsync(SampleRun.Context(SampleRun.Create(violations: 4)), "junit.xml"));

        var root = xml.Root!;
        root.Name.LocalName.ShouldBe("testsuites");
        root.Attribute("tests")!.Value.ShouldBe("5");
        root.Attribute("failures")!.Value.ShouldBe("3");
        root.Elements("testsuite").Select(s => s.Attribute("name")!.Value).ShouldBe(["thresholds", "scenarios"]);
        root.Descendants("testcase").Count().ShouldBe(5);
        root.Descendants("failure").Count().ShouldBe(3);
        var thresholds = root.Elements("testsuite").First();
        thresholds.Attribute("tests")!.Value.ShouldBe("3");
        thresholds.Attribute("failures")!.Value.ShouldBe("2");
        thresholds.Attribute("timestamp")!.Value.ShouldBe("2026-11-25T06:55:12");
    }

    [Fact]
    public async Task JUnit_carries_the_callers_settings_as_properties_as_every_other_report_does()
    {
        var xml = XDocument.Parse(await WrittenReports.ReadAsync(SampleRun.Context(), "junit.xml"));

        var properties = xml.Root!.Elements("testsuite").First().Element("properties")!.Elements("property")
            .ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        properties["seed"].ShouldBe("42");
        properties["target"].ShouldBe("http://127.0.0.1:5099 (embedded simulator)");
    }

    [Fact]
    public async Task A_failed_threshold_carries_its_measured_value()
    {
        var xml = XDocument.Parse(await WrittenReports.ReadAsync(SampleRun.Context(), "junit.xml"));

        var failed = xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "journey.purchase: fail_rate < 0.01");
        var failure = failed.Element("failure")!;
        failure.Attribute("message")!.Value.ShouldContain("actual 0.0196");
        failure.Attribute("type")!.Value.ShouldBe("threshold");
        failed.Attribute("classname")!.Value.ShouldBe("journey-smoke.thresholds");
    }

    [Fact]
    public async Task A_scenario_fails_when_one_of_its_thresholds_fails_and_keeps_counts_in_system_out()
    {
        var xml = XDocument.Parse(await WrittenReports.ReadAsync(SampleRun.Context(), "junit.xml"));

        var journey = xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "journey");
        journey.Element("failure")!.Attribute("message")!.Value.ShouldContain("journey.purchase: fail_rate < 0.01");
        journey.Element("system-out")!.Value.ShouldContain("iterations 1000 ok=990 fail=10");
        journey.Attribute("time")!.Value.ShouldBe("65");
        var other = xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "balance_only_1");
        other.Element("failure").ShouldBeNull();
    }

    [Fact]
    public async Task An_interrupted_run_fails_every_scenario_case()
    {
        var context = SampleRun.Context(SampleRun.Create(failingThreshold: false, interrupted: true));

        var xml = XDocument.Parse(await WrittenReports.ReadAsync(context, "junit.xml"));

        var failures = xml.Descendants("testsuite").Single(s => s.Attribute("name")!.Value == "scenarios").Descendants("failure").ToList();
        failures.Count.ShouldBe(2);
        failures.ShouldAllBe(f => f.Attribute("type")!.Value == "interrupted");
    }

    [Fact]
    public async Task Names_with_markup_and_control_characters_still_give_valid_xml()
    {
        var context = SampleRun.Context(SampleRun.Create(testName: "a<b>&\"c\u0001", steps: ["x]]>y"]));

        var xml = XDocument.Parse(await WrittenReports.ReadAsync(context, "junit.xml"));

        xml.Root!.Attribute("name")!.Value.ShouldBe("a<b>&\"c?");
    }
}
