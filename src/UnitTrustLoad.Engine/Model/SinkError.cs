namespace UnitTrustLoad.Engine.Model;

/// <summary>A reporting sink that failed during the run.</summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Phase">"start", "interval" or "final".</param>
/// <param name="Message">What went wrong.</param>
public sealed record SinkError(string Sink, string Phase, string Message);
