using System.Runtime.InteropServices;
using UnitTrustLoad;

// Ctrl+C and SIGTERM stop the test gracefully (reports still written, exit 130); a second Ctrl+C ends the process.
using var stop = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await UnitTrustLoadApp.RunAsync(args, System.Console.Out, System.Console.Error, stop.Token);
