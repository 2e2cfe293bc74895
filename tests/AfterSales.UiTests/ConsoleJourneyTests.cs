using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>The consoles: the supplier's queue with live countdowns, the platform's breach list, and user management.</summary>
public sealed class ConsoleJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_new_request_tops_the_supplier_queue_and_its_missed_receipt_reaches_the_platform_breaches()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = await new RequestFlow(App).CreateAsync();

        var supplier = await App.SignInAsync("supplier.agent");
        await supplier.GotoAsync("/console/queue");
        await supplier.WaitForSelectorAsync("[data-testid=queue-number]");

        Assert.Equal(request.Number, (await supplier.Locator("[data-testid=queue-number]").First.InnerTextAsync()).Trim());
        var chip = supplier.Locator("[data-testid=queue-table] tbody tr").First.Locator("[data-testid=deadline-chip]");
        Assert.Equal("running", await chip.GetAttributeAsync("data-state"));
        Assert.Equal("Receive", await chip.GetAttributeAsync("data-kind"));
        Assert.Contains("剩余", await chip.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("(1)", await supplier.InnerTextAsync("[data-testid=stage-intake]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(supplier, "console-queue");

        // Past the 2-hour receive deadline of the B2B-platform preset; the monitor records the breach once (R-SLA-4).
        App.Clock.Advance(TimeSpan.FromHours(3));
        await App.Monitor.RunOnceAsync(ct);

        var platform = await App.SignInAsync("platform");
        await platform.GotoAsync("/platform/breaches");
        await platform.WaitForSelectorAsync("[data-testid=breach-number]");

        var row = platform.Locator("[data-testid=breach-table] tbody tr").Filter(new() { Has = platform.Locator($"[data-testid=breach-number]:text-is('{request.Number}')") });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("Receive", await row.Locator("[data-testid=breach-kind-label]").GetAttributeAsync("data-kind"));
        Assert.Contains("受理", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("华东精密机械有限公司", await row.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(platform, "platform-breaches");

        await platform.ClickAsync("nav >> text=全部售后单");
        await platform.WaitForSelectorAsync("[data-testid=request-number]");
        var listed = platform.Locator("[data-testid=requests-table] tbody tr").Filter(new() { Has = platform.Locator($"[data-testid=request-number]:text-is('{request.Number}')") });
        Assert.Equal(1, await listed.Locator("[data-testid=request-breached]").CountAsync());
        Assert.Equal("breached", await listed.Locator("[data-testid=deadline-chip]").GetAttributeAsync("data-state"));
        await BrowserApp.ScreenshotAsync(platform, "platform-requests");
    }

    [Fact]
    public async Task The_admin_creates_a_user_in_the_browser_who_can_then_sign_in()
    {
        var admin = await App.SignInAsync("admin");
        await admin.GotoAsync("/platform/organizations");
        await admin.ClickAsync("[data-testid=org-link]:text-is('华东精密机械有限公司')");
        await admin.WaitForSelectorAsync("[data-testid=users-table]");

        await admin.ClickAsync("[data-testid=create-user]");
        await Field(admin, "new-user-name").FillAsync("hdjm.engineer2");
        await Field(admin, "new-user-display-name").FillAsync("刘洋");
        await admin.Locator(".mud-dialog").GetByText("售后工程师").ClickAsync();
        await Field(admin, "new-user-password").FillAsync("Huadong#2026");
        await BrowserApp.ScreenshotAsync(admin, "platform-create-user");
        await admin.ClickAsync("[data-testid=create-user-submit]");

        await admin.WaitForSelectorAsync("[data-testid=user-name]:text-is('hdjm.engineer2')");
        await BrowserApp.ScreenshotAsync(admin, "platform-organization");

        var context = await App.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "hdjm.engineer2");
        await page.FillAsync("#password", "Huadong#2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");

        Assert.Equal("刘洋 · 售后工程师", (await page.InnerTextAsync("[data-testid=current-user]")).Trim());
        Assert.Contains("/console/queue", page.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "new-user-signed-in");
    }

    [Fact]
    public async Task The_admin_registers_a_supplier_on_a_policy_preset()
    {
        var admin = await App.SignInAsync("admin");
        await admin.GotoAsync("/platform/organizations");
        await admin.ClickAsync("[data-testid=create-org]");
        var dialog = admin.Locator(".mud-dialog");
        await dialog.GetByText("供应商", new() { Exact = true }).ClickAsync();
        await Field(admin, "new-org-code").FillAsync("sup-jsgy");
        await Field(admin, "new-org-name").FillAsync("江苏工业装备有限公司");
        await Field(admin, "new-org-city").FillAsync("南京");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "中山天伟电机" }).ClickAsync();
        await admin.ClickAsync("[data-testid=create-org-submit]");

        await admin.WaitForSelectorAsync("[data-testid=org-name]:text-is('江苏工业装备有限公司')");
        Assert.Contains("工厂产品售后服务方案", await admin.InnerTextAsync("[data-testid=org-policy]"), StringComparison.Ordinal);
        Assert.Contains("SUP-JSGY", await admin.InnerTextAsync("[data-testid=org-card]"), StringComparison.Ordinal);
        Assert.Equal(1, await admin.Locator("[data-testid=users-empty]").CountAsync());
        await BrowserApp.ScreenshotAsync(admin, "platform-new-supplier");
    }

    /// <summary>A MudBlazor text field's input, wherever the component puts the test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
