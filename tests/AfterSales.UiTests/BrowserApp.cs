using AfterSales.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The app on a real loopback port (Kestrel) plus Debian's Chromium driven by Playwright. Playwright's own
/// browser download does not work here, so the system browser is used (DEVELOPERS.md).
/// </summary>
public sealed class BrowserApp : AfterSalesApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long a step may take before the journey fails. CI runs this assembly beside the two API suites on two
    /// cores, so a first render or a first create (JIT, EF query compilation) can take well over 15 s there.
    /// </summary>
    public const int StepTimeoutMs = 45_000;

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string? BrowserUnavailable { get; private set; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public override async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            BrowserUnavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI must run every test: {BrowserUnavailable}");
            }

            return;
        }

        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context signed in as a demo user through the real sign-in form.</summary>
    public async Task<IPage> SignInAsync(string userName, ViewportSize? viewport = null)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForSelectorAsync("[data-circuit=ready]");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Signed-in page did not become ready at {page.Url}: {await page.ContentAsync()}", ex);
        }

        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }
}

/// <summary>Base of browser journeys: skips with the reason where Chromium or the database is missing (fails in CI).</summary>
public abstract class BrowserTest : IClassFixture<BrowserApp>
{
    protected BrowserTest(BrowserApp app)
    {
        Assert.SkipWhen(app.UnavailableReason is not null, app.UnavailableReason ?? string.Empty);
        Assert.SkipWhen(app.BrowserUnavailable is not null, app.BrowserUnavailable ?? string.Empty);
        Assertions.SetDefaultExpectTimeout(BrowserApp.StepTimeoutMs);
        App = app;
    }

    protected BrowserApp App { get; }
}
