using System.Globalization;

namespace HttpClientLoop;

/// <summary>What one baseline run does; parsed from <c>--name value</c> pairs.</summary>
internal sealed class LoopOptions
{
    public const string Usage =
        "usage: HttpClientLoop --url URL --body FILE [--token T] [--connections 50] [--duration 10] " +
        "[--mode plain|tuned] [--min-threads N]";

    public required Uri Url { get; init; }

    public required byte[] Body { get; init; }

    public string Token { get; init; } = "perf-token";

    public int Connections { get; init; } = 50;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>plain: HttpClient.PostAsync as most people write it; tuned: HttpMessageInvoker, pooled read buffer.</summary>
    public string Mode { get; init; } = "plain";

    /// <summary>0 keeps the runtime's default minimum worker threads.</summary>
    public int MinThreads { get; init; }

    /// <summary>Parses the arguments; on a mistake returns null and says what is wrong and how to fix it.</summary>
    public static LoopOptions? Parse(string[] args, TextWriter errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                errors.WriteLine($"error: '{args[i]}' is not a '--name value' pair. {Usage}");
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var problems = new List<string>();
        Uri? url = null;
        if (!values.TryGetValue("url", out var urlText) || !Uri.TryCreate(urlText, UriKind.Absolute, out url)
            || (url.Host != "127.0.0.1" && url.Host != "localhost" && url.Host != "[::1]"))
        {
            problems.Add("--url must be an absolute loopback URL, for example http://127.0.0.1:5180/api/Investors/Register?api-version=2.0");
        }

        byte[] body = [];
        if (!values.TryGetValue("body", out var bodyPath) || !File.Exists(bodyPath))
        {
            problems.Add("--body must name an existing file holding the JSON request body");
        }
        else
        {
            body = File.ReadAllBytes(bodyPath);
        }

        var connections = ReadInt(values, "connections", 50, 1, 10_000, problems);
        var seconds = ReadInt(values, "duration", 10, 1, 600, problems);
        var minThreads = ReadInt(values, "min-threads", 0, 0, 1_000, problems);
        var mode = values.GetValueOrDefault("mode", "plain");
        if (mode is not ("plain" or "tuned"))
        {
            problems.Add($"--mode '{mode}' is unknown: use plain or tuned");
        }

        foreach (var name in values.Keys)
        {
            if (name is not ("url" or "body" or "token" or "connections" or "duration" or "mode" or "min-threads"))
            {
                problems.Add($"--{name} is not an option. {Usage}");
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                errors.WriteLine("error: " + problem);
            }

            return null;
        }

        return new LoopOptions
        {
            Url = url!,
            Body = body,
            Token = values.GetValueOrDefault("token", "perf-token"),
            Connections = connections,
            Duration = TimeSpan.FromSeconds(seconds),
            Mode = mode,
            MinThreads = minThreads,
        };
    }

    private static int ReadInt(Dictionary<string, string> values, string name, int fallback, int min, int max, List<string> problems)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problems.Add($"--{name} '{text}' must be a whole number from {min} to {max}");
            return fallback;
        }

        return value;
    }
}
