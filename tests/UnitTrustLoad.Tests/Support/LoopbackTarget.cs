using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UnitTrustLoad.Tests.Support;

/// <summary>
/// A Kestrel target of the test's own on 127.0.0.1 and a free port, answering what the test maps and counting the
/// registrations it carried out, so a test compares the suite's counts with the target's exactly.
/// </summary>
internal sealed class LoopbackTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _registrations;

    private LoopbackTarget(WebApplication app) => _app = app;

    /// <summary>The base URL, without a trailing slash (http://127.0.0.1:41234).</summary>
    public string Url { get; private set; } = "";

    /// <summary>Registrations the target carried out (through <see cref="Register"/>).</summary>
    public long Registrations => Interlocked.Read(ref _registrations);

    /// <summary>Counts one registration; returns its investor id.</summary>
    public long Register() => Interlocked.Increment(ref _registrations);

    /// <summary>Starts a target answering what <paramref name="map"/> maps; over TLS with a fresh self-signed certificate when <paramref name="https"/>.</summary>
    public static async Task<LoopbackTarget> StartAsync(Action<WebApplication, LoopbackTarget> map, Action<KestrelServerOptions>? kestrel = null, bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            kestrel?.Invoke(options);
            options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (https)
                {
                    listen.UseHttps(SelfSigned());
                }
            });
        });
        var app = builder.Build();
        var target = new LoopbackTarget(app);
        map(app, target);
        await app.StartAsync();
        target.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return target;
    }

    /// <summary>The smallest target a benchmark stands up: a token answer, and a counted 201 for each registration.</summary>
    public static Task<LoopbackTarget> StartRegisterOnlyAsync(Action<KestrelServerOptions>? kestrel = null) => StartAsync(
        (app, target) =>
        {
            app.MapPost("/core/connect/token", () => Results.Text(
                """{"access_token":"abc","token_type":"Bearer","expires_in":3600,"scope":"innovaSuiteApi"}""", "application/json"));
            app.MapPost("/api/Investors/Register", () => Results.Text(
                $$"""{"ClientIdentifier":"x","InvestorId":{{target.Register()}},"Status":"Registered"}""", "application/json", statusCode: 201));
        },
        kestrel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
