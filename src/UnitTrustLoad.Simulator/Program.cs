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
catch (IOException ex) when (AddressInUse(ex))
{
    // Kestrel's "address already in use": a clear line, not a stack trace and an abort.
    await Console.Error.WriteLineAsync($"The simulator cannot listen: {ex.Message}. Fix: stop what holds that port, or pass --urls http://127.0.0.1:<another port>.");
    return 2;
}

static bool AddressInUse(Exception exception)
{
    for (Exception? e = exception; e is not null; e = e.InnerException)
    {
        if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
        {
            return true;
        }
    }

    return false;
}
