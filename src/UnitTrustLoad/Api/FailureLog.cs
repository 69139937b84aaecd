using System.Collections.Concurrent;
using System.Globalization;

namespace UnitTrustLoad.Api;

/// <summary>
/// failures.log: a sample of failed requests per operation and status (method, path, status, body excerpt). Request
/// headers are never written, so the token cannot leak; bodies are cut short.
/// </summary>
internal sealed class FailureLog : IAsyncDisposable
{
    public const string FileName = "failures.log";
    private const int ExcerptLength = 300;

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly int _samplesPerStatus;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private StreamWriter? _writer;
    private readonly string[] _secrets;

    /// <param name="samplesPerStatus">Failed requests written per operation and status.</param>
    /// <param name="time">The run's clock.</param>
    /// <param name="secrets">
    /// Values that must never reach the file (the client secret, Target:Headers read from the environment): a server
    /// that echoes a request header in its error body would otherwise write it here.
    /// </param>
    public FailureLog(int samplesPerStatus, TimeProvider time, IEnumerable<string>? secrets = null)
    {
        _samplesPerStatus = samplesPerStatus;
        _time = time;
        _secrets = (secrets ?? []).Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A log that only counts (before the run folder exists, or in unit tests).</summary>
    public static FailureLog Discard { get; } = new(0, TimeProvider.System);

    public void Open(string folder)
    {
        var stream = new FileStream(Path.Combine(folder, FileName), FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(stream) { AutoFlush = false };
        _writer.WriteLine("# Sampled failed requests: time (UTC), operation, method, path, status, body excerpt. Authorization headers are never logged.");
    }

    /// <summary>True when this failure should be written: the caller then reads the body, and only then.</summary>
    public bool Reserve(string operation, string status)
    {
        if (_writer is null || _samplesPerStatus == 0)
        {
            return false;
        }

        var seen = _counts.AddOrUpdate(operation + " " + status, 1, static (_, n) => n + 1);
        return seen <= _samplesPerStatus;
    }

    public void Record(string operation, string method, string path, string status, string? body)
    {
        if (Reserve(operation, status))
        {
            Write(operation, method, path, status, body);
        }
    }

    /// <summary>Writes a failure already reserved with <see cref="Reserve"/>.</summary>
    public void Write(string operation, string method, string path, string status, string? body)
    {
        var excerpt = Excerpt(body);
        foreach (var secret in _secrets)
        {
            excerpt = excerpt.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():O} {operation} {method} {path} {status} {excerpt}");
        lock (_gate)
        {
            _writer?.WriteLine(line);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _writer?.Flush();
        }
    }

    public async ValueTask DisposeAsync()
    {
        StreamWriter? writer;
        lock (_gate)
        {
            writer = _writer;
            _writer = null;
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
        }
    }

    private static string Excerpt(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return "(no body)";
        }

        var text = body.Length > ExcerptLength ? body[..ExcerptLength] + "..." : body;
        return text.ReplaceLineEndings(" ");
    }
}
