using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>What a person running the simulator alone needs to point a client at it.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, SimulatorSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var baseUrl = addresses is { Count: > 0 } ? addresses.First().TrimEnd('/') : "(unknown)";
        Console.WriteLine($"Unit Trust API simulator at {baseUrl}; token endpoint {baseUrl}/core/connect/token");
        Console.WriteLine($"  client_id: {settings.ClientId}   scope: {Auth.ApiScope.Name}");
        // The only place a generated secret ever appears: it exists nowhere else the user can read it.
        Console.WriteLine(settings.SecretGenerated
            ? $"  client_secret (generated for this start, shown once): {settings.ClientSecret}"
            : "  client_secret: as configured (Simulator:ClientSecret)");
        Console.WriteLine($"  database: {settings.DatabasePath}{(settings.TemporaryDatabase ? " (temporary, deleted at stop)" : "")}");
    }
}
