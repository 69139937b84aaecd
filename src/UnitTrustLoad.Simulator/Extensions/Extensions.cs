using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using UnitTrustLoad.Simulator.Apis;
using UnitTrustLoad.Simulator.Auth;
using UnitTrustLoad.Simulator.Capacity;
using UnitTrustLoad.Simulator.Faults;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Infrastructure;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Extensions;

internal static class Extensions
{
    /// <summary>Body limit: the largest real request is well under 1 KiB; anything near this is abuse or a bug (413).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    // The key UseAuthentication sets (Microsoft.AspNetCore.Builder.WebApplicationBuilder checks it).
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>Registers everything the simulator needs, from already validated settings.</summary>
    public static WebApplicationBuilder AddSimulatorServices(this WebApplicationBuilder builder, SimulatorSettings settings)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatorDatabase>();
        services.AddSingleton<InvestorStore>();
        services.AddSingleton<HoldingStore>();
        services.AddSingleton<TradeStore>();
        services.AddSingleton<FaultPlan>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = null; // the contract is PascalCase
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default);
        });
        // Nothing the simulator protects outlives a start: in-memory keys, and a key ring in memory too (the framework's
        // key manager still starts one, and would write it to ~/.aspnet with a "No XML encryptor configured" warning).
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.Configure<KeyManagementOptions>(keys =>
        {
            keys.XmlRepository = new InMemoryKeyRing();
            keys.XmlEncryptor = new NullXmlEncryptor();
        });
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddOpenApi();
        services.AddTokenServer(settings);
        return builder;
    }

    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UseSimulator(this WebApplication app)
    {
        // Open the database now so a bad path fails the start, not the first request.
        app.Services.GetRequiredService<SimulatorDatabase>();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (app.Services.GetRequiredService<FaultPlan>().InjectsRequestFaults)
        {
            app.UseMiddleware<FaultInjectionMiddleware>(); // before authentication, which serves the token endpoint
        }

        if (app.Services.GetRequiredService<SimulatorSettings>().Capacity.Count > 0)
        {
            app.UseMiddleware<CapacityMiddleware>(); // after the faults: a faulted request never reached the queue
        }

        // OpenIddict's handler inspects every request that passes UseAuthentication, yet only the token
        // endpoint needs it; the API policy authenticates with JwtBearer itself. Setting the flag stops
        // WebApplication from adding UseAuthentication again in front of everything.
        app.UseWhen(static context => context.Request.Path.StartsWithSegments("/core"), static branch => branch.UseAuthentication());
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseAuthorization();

        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapInvestorsApi();
        app.MapUnitTrustApi();
        return app;
    }
}
