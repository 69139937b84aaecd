using UnitTrustLoad.Configuration;

namespace UnitTrustLoad.Tests.Configuration;

/// <summary>Environment variables are process-wide, so these run in the serial collection, never beside another load.</summary>
[Collection(EndToEnd.AppRunsSerially.Name)]
public sealed class EnvironmentVariablesTests
{
    [Fact]
    public void Prefixed_environment_variables_override_files_and_the_command_line_overrides_them()
    {
        var secret = "env-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Auth__ClientSecret", secret);
        Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Data__Fund", "EQF");
        try
        {
            var config = SuiteConfiguration.Load(CommandLine.Parse(["--Data:Fund=MMF"]), SuiteConfiguration.FindConfigDirectory());

            config.Problems.ShouldBeEmpty();
            config.Options!.Auth.ClientSecret.ShouldBe(secret);
            config.Options.Data.Fund.ShouldBe("MMF");
        }
        finally
        {
            Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Auth__ClientSecret", null);
            Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Data__Fund", null);
        }
    }

    [Fact]
    public void An_unknown_prefixed_environment_variable_is_reported_like_any_unknown_setting()
    {
        Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Auth__ClientSecrte", "x");
        try
        {
            var config = SuiteConfiguration.Load(CommandLine.Parse([]), SuiteConfiguration.FindConfigDirectory());

            config.Problems.ShouldContain(p => p.StartsWith("Auth:ClientSecrte: unknown setting", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Auth__ClientSecrte", null);
        }
    }

    [Fact]
    public void Durations_in_environment_variables_take_the_k6_forms_too()
    {
        Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Load__ReportingInterval", "2s");
        try
        {
            var config = SuiteConfiguration.Load(CommandLine.Parse([]), SuiteConfiguration.FindConfigDirectory());

            config.Problems.ShouldBeEmpty();
            config.Options!.Load.ReportingInterval.ShouldBe(TimeSpan.FromSeconds(2));
        }
        finally
        {
            Environment.SetEnvironmentVariable("UNITTRUSTLOAD_Load__ReportingInterval", null);
        }
    }
}
