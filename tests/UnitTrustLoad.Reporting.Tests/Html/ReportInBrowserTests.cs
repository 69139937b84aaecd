using System.Collections.Concurrent;
using Microsoft.Playwright;
using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Html;

public sealed class ReportInBrowserTests
{
    private static readonly string[] BrowserArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private const string CountDistributionCanvases = "() => document.querySelectorAll('.chart.distribution canvas').length";

    // Counts canvases inside the chart boxes that have at least one painted pixel.
    private const string CountDrawnCanvases = """
        () => {
          let drawn = 0;
          for (const canvas of document.querySelectorAll('.chart canvas')) {
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { drawn++; break; } }
          }
          return drawn;
        }
        """;

    [ChromiumFact]
    public async Task Report_opened_from_disk_offline_draws_every_chart_without_errors_or_outside_requests()
    {
        var folder = FreshFolder("browser-report");
        var baseline = RunSummary.From(SampleRun.Context(SampleRun.Create(failingThreshold: false, steps: ["register", "join_fund", "purchase"], speed: 1.15)));
        var context = SampleRun.Context(SampleRun.Create(intervals: 180, violations: 2, testName: "journey </script> soak"), baseline);
        (await ReportWriterSet.Default.WriteAllAsync(context, folder)).ShouldBeEmpty();

        var visit = await VisitAsync(Path.Combine(folder, "report.html"), async page =>
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "report.png"), FullPage = true });
            await page.Locator("#scenario-0").ScreenshotAsync(new() { Path = Path.Combine(folder, "report-scenario.png") });
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.PdfAsync(new() { Path = Path.Combine(folder, "report.pdf"), Format = "A4", PrintBackground = true });
        });

        visit.Errors.ShouldBeEmpty();
        visit.OutsideRequests.ShouldBeEmpty();
        // Per scenario four charts over time and one latency distribution per step (two scenarios of five steps).
        visit.Charts.ShouldBe(8 + 10);
        visit.DrawnCanvases.ShouldBe(8 + 10);
        visit.DistributionCanvases.ShouldBe(10);
        visit.Title.ShouldBe("journey </script> soak: load test report");
        File.Exists(Path.Combine(folder, "report.png")).ShouldBeTrue();
    }

    [ChromiumFact]
    public async Task A_capacity_search_report_draws_the_knee_against_the_offered_rate()
    {
        var folder = FreshFolder("browser-report-capacity");
        (await ReportWriterSet.Default.WriteAllAsync(SampleCapacity.Context(SampleCapacity.TargetLimited()), folder)).ShouldBeEmpty();

        var axis = "";
        var visit = await VisitAsync(Path.Combine(folder, "report.html"), async page =>
        {
            await page.Locator("#capacity").ScreenshotAsync(new() { Path = Path.Combine(folder, "report-capacity.png") });
            axis = await page.EvaluateAsync<string>("() => document.querySelector('#capacity-charts .u-legend th, #capacity-charts .u-legend .u-label').textContent");
        });

        visit.Errors.ShouldBeEmpty();
        visit.OutsideRequests.ShouldBeEmpty();
        // The knee's two charts, then the one scenario's four over time and its one step's distribution.
        visit.Charts.ShouldBe(2 + 4 + 1);
        visit.DrawnCanvases.ShouldBe(2 + 4 + 1);
        axis.ShouldContain("offered/s");
    }

    [ChromiumFact]
    public async Task The_browser_check_catches_a_page_that_reaches_outside()
    {
        var folder = FreshFolder("browser-report-leaky");
        (await ReportWriterSet.Default.WriteAllAsync(SampleRun.Context(SampleRun.Create(intervals: 5)), folder)).ShouldBeEmpty();
        var path = Path.Combine(folder, "report.html");

        // A loopback address with nothing listening: even if the guard failed, nothing would leave the machine.
        var html = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, html.Replace("<main>", "<main><img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\">", StringComparison.Ordinal));

        var visit = await VisitAsync(path, null);

        (visit.Errors.Count + visit.OutsideRequests.Count).ShouldBeGreaterThan(0);
        visit.Errors.ShouldContain(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private static string FreshFolder(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return folder;
    }

    private static async Task<Visit> VisitAsync(string reportPath, Func<IPage, Task>? whileOpen)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ExecutablePath, Headless = true, Args = BrowserArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var errors = new ConcurrentQueue<string>();
        var outside = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Enqueue($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"page error: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Enqueue(request.Url);
            }
        };

        // The network is blocked: every request that is not the report file itself is aborted and counted.
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });

        await page.GotoAsync(new Uri(reportPath).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.documentElement.hasAttribute('data-charts')", null, new() { Timeout = 60_000 });
        var charts = await page.EvaluateAsync<int>("() => Number(document.documentElement.getAttribute('data-charts'))");
        var drawn = await page.EvaluateAsync<int>(CountDrawnCanvases);
        var distributions = await page.EvaluateAsync<int>(CountDistributionCanvases);
        var title = await page.TitleAsync();
        if (whileOpen is not null)
        {
            await whileOpen(page);
        }

        return new Visit([.. errors], [.. outside], charts, drawn, distributions, title);
    }

    private sealed record Visit(IReadOnlyList<string> Errors, IReadOnlyList<string> OutsideRequests, int Charts, int DrawnCanvases, int DistributionCanvases, string Title);
}
