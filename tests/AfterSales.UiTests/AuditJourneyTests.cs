using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>审计日志 in the browser: the platform sees who created the demo's master records and what they hold (R-X-4).</summary>
public sealed class AuditJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_platform_reads_the_audit_log_and_narrows_it_to_organisations()
    {
        var page = await App.SignInAsync("platform");
        await page.ClickAsync("nav >> text=审计日志");
        await page.WaitForSelectorAsync("[data-testid=audit-table]");

        await page.ClickAsync("[data-testid=audit-type]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "组织" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-table] tbody tr")).ToHaveCountAsync(7);

        var text = await page.InnerTextAsync("[data-testid=audit-table]");
        Assert.Contains("苏州恒达制造有限公司", text, StringComparison.Ordinal);
        Assert.Contains("新建", text, StringComparison.Ordinal);
        Assert.Contains("系统", text, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "audit-organizations");
    }
}
