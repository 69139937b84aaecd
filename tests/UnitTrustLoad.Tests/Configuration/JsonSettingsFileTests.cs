using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

public sealed class JsonSettingsFileTests
{
    [Theory]
    [InlineData("{ \"Load\": { \"Vus\": 3, } }", null)]
    [InlineData("// a comment\n{ \"Load\": { \"Vus\": 3 } }", null)]
    [InlineData("{ \"Load\": { \"Vus\": tree } }", "line 1, column 20: the JSON is malformed at 'tree'")]
    [InlineData("{ \"Load\": { \"Vus\": 3 }", "line 1, column 23: the JSON is malformed at the end of the file")]
    [InlineData("", "line 1, column 1: the JSON is malformed at the end of the file")]
    [InlineData("{ \"Data\": { \"Fund\": \"Ünï\" x } }", "line 1, column 27: the JSON is malformed at 'x'")]
    [InlineData("[ 1 ]", "line 1, column 1: the settings must be one JSON object")]
    [InlineData("{ \"Load\": { \"Vus\": 3, \"vus\": 4 } }", "line 1, column 23: the key '\"vus\"' appears twice")]
    public void Settings_files_are_read_as_the_provider_reads_them_and_mistakes_are_placed(string json, string? expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"utl-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var problem = JsonSettingsFile.Problem(file);

            if (expected is null)
            {
                problem.ShouldBeNull();
            }
            else
            {
                problem.ShouldNotBeNull().ShouldStartWith($"{file}: {expected}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
