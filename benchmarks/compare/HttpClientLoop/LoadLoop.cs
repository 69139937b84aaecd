using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using HdrHistogram;

namespace HttpClientLoop;

/// <summary>N closed-loop workers posting the same body as fast as answers come back, for a fixed time.</summary>
internal sealed class LoadLoop(LoopOptions options)
{
    private long _requests;
    private long _errors;

    public async Task<LoopResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (options.Mode == "tuned")
        {
            // No W3C trace headers and no Activity per request: a load generator is not a traced app.
            handler.ActivityHeadersPropagator = null;
        }

        using var client = new HttpClient(handler, disposeHandler: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);

        var histograms = new LongHistogram[options.Connections];
        var workers = new Task[options.Connections];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < workers.Length; i++)
        {
            var histogram = histograms[i] = new LongHistogram(TimeStamp.Minutes(1), 3);
            workers[i] = options.Mode == "tuned"
                ? Task.Run(() => TunedWorkerAsync(invoker, histogram, deadline))
                : Task.Run(() => PlainWorkerAsync(client, histogram, deadline));
        }

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var all = new LongHistogram(TimeStamp.Minutes(1), 3);
        foreach (var histogram in histograms)
        {
            all.Add(histogram);
        }

        var requests = Interlocked.Read(ref _requests);
        return new LoopResult(
            requests,
            Interlocked.Read(ref _errors),
            elapsed,
            TicksToMs(all.GetValueAtPercentile(50)),
            TicksToMs(all.GetValueAtPercentile(99)),
            requests == 0 ? 0 : allocated / (double)requests);
    }

    // What most people write: PostAsync with a new content and read the whole answer.
    private async Task PlainWorkerAsync(HttpClient client, LongHistogram histogram, long deadline)
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(options.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(options.Url, content);
                _ = await response.Content.ReadAsByteArrayAsync();
                Count(response.IsSuccessStatusCode, histogram, start);
            }
            catch (HttpRequestException)
            {
                Count(false, histogram, start);
            }
        }
    }

    // No per-request timeout token (HttpMessageInvoker), the answer drained into one reused buffer.
    private async Task TunedWorkerAsync(HttpMessageInvoker invoker, LongHistogram histogram, long deadline)
    {
        var buffer = new byte[16 * 1024];
        var contentType = new MediaTypeHeaderValue("application/json");
        var authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
                request.Headers.Authorization = authorization;
                request.Content = new ByteArrayContent(options.Body);
                request.Content.Headers.ContentType = contentType;
                using var response = await invoker.SendAsync(request, CancellationToken.None);
                var stream = await response.Content.ReadAsStreamAsync();
                while (await stream.ReadAsync(buffer) > 0)
                {
                }

                Count(response.IsSuccessStatusCode, histogram, start);
            }
            catch (HttpRequestException)
            {
                Count(false, histogram, start);
            }
        }
    }

    private void Count(bool ok, LongHistogram histogram, long start)
    {
        histogram.RecordValue(Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref _requests);
        if (!ok)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    private static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
