using System.Xml.Linq;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.Repository;

/// <summary>An organisation can adopt the suite: MIT in the repository and in every project's package metadata.</summary>
public sealed class LicenseTests
{
    [Fact]
    public void The_repository_root_holds_the_MIT_license()
    {
        var text = File.ReadAllText(RepositoryRoot.File("LICENSE"));

        text.ShouldStartWith("MIT License");
        text.ShouldContain("Copyright (c) 2026 UnitTrustLoad contributors");
        text.ShouldContain("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND");
    }

    [Fact]
    public void Every_project_inherits_the_MIT_license_expression()
    {
        var props = XDocument.Load(RepositoryRoot.File("Directory.Build.props"));

        props.Descendants("PackageLicenseExpression").Select(e => e.Value).ShouldBe(["MIT"]);
        props.Descendants("Copyright").Single().Value.ShouldContain("UnitTrustLoad contributors");
        foreach (var project in Directory.GetFiles(RepositoryRoot.File("src"), "*.csproj", SearchOption.AllDirectories))
        {
            XDocument.Load(project).Descendants("PackageLicenseExpression").ShouldBeEmpty($"{project} must not override the license");
        }
    }
}
