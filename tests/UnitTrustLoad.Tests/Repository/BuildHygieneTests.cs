using System.Xml.Linq;
using UnitTrustLoad.Tests.Support;

namespace UnitTrustLoad.Tests.Repository;

/// <summary>A build with no warnings: warnings are errors, and none is waived.</summary>
public sealed class BuildHygieneTests
{
    [Fact]
    public void No_build_warning_is_waived()
    {
        var props = XDocument.Load(RepositoryRoot.File("Directory.Build.props"));

        props.Descendants("TreatWarningsAsErrors").Single().Value.ShouldBe("true");
        props.Descendants("WarningsNotAsErrors").ShouldBeEmpty("NU1603 and the like are fixed by a pin, not waived");
    }
}
