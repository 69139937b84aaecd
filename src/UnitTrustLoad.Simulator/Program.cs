using UnitTrustLoad.Simulator.Hosting;

try
{
    var (app, settings) = SimulatorApplication.CreateStandalone(args);
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, settings));
    await app.RunAsync();
    return 0;
}
catch (SimulatorConfigurationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
