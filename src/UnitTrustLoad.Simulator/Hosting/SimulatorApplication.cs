using System.Net;
using UnitTrustLoad.Simulator.Extensions;

namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>Builds the simulator as a web application, standalone (options from configuration) or embedded.</summary>
internal static class SimulatorApplication
{
    /// <summary>Standalone: options from the "Simulator" configuration section (command line, environment, appsettings).</summary>
    /// <exception cref="SimulatorConfigurationException">When the configuration is invalid.</exception>
    public static (WebApplication App, SimulatorSettings Settings) CreateStandalone(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // The host logs a failed start with its stack trace before it throws; Program says it in one line instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        var settings = SimulatorSettings.From(Bind(builder.Configuration));
        builder.AddSimulatorServices(settings);
        return (builder.Build().UseSimulator(), settings);
    }

    /// <summary>Embedded: the given options, loopback and a free port, warnings-only logging.</summary>
    public static WebApplication CreateEmbedded(SimulatorSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });

        // The host process's appsettings and environment are not ours: the options object is the
        // whole configuration, and their logging levels must not make the simulator chatty.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddSimulatorServices(settings);
        return builder.Build().UseSimulator();
    }

    private static SimulatorOptions Bind(ConfigurationManager configuration)
    {
        var section = configuration.GetSection(SimulatorOptions.SectionName);
        var problems = SimulatorConfigurationCheck.FindProblems(section);
        if (problems.Count > 0)
        {
            throw new SimulatorConfigurationException(problems);
        }

        try
        {
            return section.Get<SimulatorOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new SimulatorOptions();
        }
        catch (InvalidOperationException ex)
        {
            // A case the check above missed: pass the binder's words on without a stack trace.
            throw new SimulatorConfigurationException([ex.Message + (ex.InnerException is null ? "" : " " + ex.InnerException.Message)]);
        }
    }
}
