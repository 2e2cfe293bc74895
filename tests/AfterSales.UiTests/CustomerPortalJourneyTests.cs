using System.Text.RegularExpressions;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The customer portal in Chromium: 我的售后单, the new-request form with its order and asset pickers and an
/// uploaded certificate (R-IN-3, R-IN-4, R-IN-5), and the warranty check before and at submit (R-WTY-1).
/// </summary>
public sealed partial class CustomerPortalJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_customer_files_a_warranty_request_with_the_certificate_and_finds_it_pending_receipt()
    {
        var page = await App.SignInAsync("customer");

        await Expect(page, "[data-testid=empty-state]");
        Assert.Contains("您还没有售后单", await page.InnerTextAsync("[data-testid=empty-state]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "portal-empty-list");

        await page.ClickAsync("[data-testid=empty-new-request]");
        await page.WaitForURLAsync("**/requests/new");
        await PickAsync(page, "order-select", "PO-2026-0001");
        await PickAsync(page, "asset-select", "EQ-0001");
        Assert.Equal("InWarranty", await page.GetAttributeAsync("[data-testid=asset-warranty-chip]", "data-status"));
        await PickAsync(page, "type-select", "质保维修");
        await Expect(page, "[data-testid=certificate-hint]");

        await page.FillAsync("[data-testid=symptom]", "开机报错 E03，主轴无法启动");
        await page.FillAsync("[data-testid=occurred-at]", "2026-11-20T08:00");
        await page.FillAsync("[data-testid=impact]", "导致生产线停工");
        await page.FillAsync("[data-testid=self-checks]", "已重启");
        await page.ClickAsync("[data-testid=resolution] label:has-text('上门')");
        await page.ClickAsync("[data-testid=urgency] label:has-text('紧急')");
        await page.FillAsync("[data-testid=contact-phone]", "138 0000 0000");
        Assert.Equal("张伟", await page.InputValueAsync("[data-testid=contact-name]"));

        var certificate = Path.Combine(Path.GetTempPath(), $"合格证-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(certificate, SampleFiles.Pdf, TestContext.Current.CancellationToken);
        try
        {
            await page.SetInputFilesAsync("[data-testid=attachment-input]", certificate);
            await Expect(page, "[data-testid=attachment-row][data-state=Ready][data-kind=Certificate]");
        }
        finally
        {
            File.Delete(certificate);
        }

        Assert.Equal("100", await page.GetAttributeAsync("[data-testid=attachment-progress]", "data-percent"));
        Assert.Equal(0, await page.Locator("[data-testid=certificate-hint]").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "portal-new-request-filled");

        // A double click files one request: the button is guarded and the form's idempotency key is sent with it.
        await page.DblClickAsync("[data-testid=submit]");

        // Wait for the outcome the user sees, not for a page load: Blazor moves to the detail page in place
        // (history.pushState), and a refused submit stays on the form with its error — name it if so.
        var outcome = await Expect(page, ".mud-snackbar:has-text('已提交'), [data-testid=form-error]");
        Assert.True(await outcome.GetAttributeAsync("data-testid") != "form-error", await outcome.InnerTextAsync());
        await page.WaitForURLAsync(RequestDetailUrl(), new() { WaitUntil = WaitUntilState.Commit });
        var snackbar = await Expect(page, ".mud-snackbar:has-text('已提交')");
        var announced = RequestNumber().Match(await snackbar.InnerTextAsync());
        Assert.True(announced.Success, "The snackbar names the new request's number.");
        Assert.Contains("待受理", await snackbar.InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/requests");
        var row = await Expect(page, $"[data-testid=request-row][data-number='{announced.Value}']");
        Assert.Equal("pendingReceipt", await row.GetAttributeAsync("data-status"));
        var text = await row.InnerTextAsync();
        Assert.Contains("待受理", text, StringComparison.Ordinal);
        Assert.Contains("质保维修", text, StringComparison.Ordinal);
        Assert.Contains("PO-2026-0001", text, StringComparison.Ordinal);
        Assert.Contains("EQ-0001", text, StringComparison.Ordinal);
        Assert.Equal("Receive", await row.Locator("[data-testid=deadline-chip]").GetAttributeAsync("data-kind"));
        Assert.Equal(1, await page.Locator("[data-testid=request-row]").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "portal-list-with-request");

        // Filters: a search that matches nothing, then a status that does not match, each cleared again.
        await page.FillAsync("[data-testid=filter-search]", "EQ-9999");
        Assert.Contains("没有符合筛选条件", await (await AfterTypingAsync(page, "[data-testid=empty-state]")).InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("[data-testid=clear-filters]");
        await Expect(page, $"[data-testid=request-row][data-number='{announced.Value}']");

        await ToggleStatusFilterAsync(page, "待补充材料");
        await Expect(page, "[data-testid=empty-state]");
        Assert.Contains("待补充材料", await page.InputValueAsync("[data-testid=filter-status]"), StringComparison.Ordinal);
        await ToggleStatusFilterAsync(page, "待受理");
        await Expect(page, $"[data-testid=request-row][data-number='{announced.Value}']");
    }

    [Fact]
    public async Task A_file_the_server_would_refuse_is_named_on_the_form_and_nothing_is_filed()
    {
        var page = await App.SignInAsync("customer");
        await page.GotoAsync("/requests/new?order=PO-2026-0001&asset=EQ-0002&type=warrantyRepair");
        await Expect(page, "[data-testid=asset-warranty-chip][data-status=InWarranty]");
        await page.FillAsync("[data-testid=symptom]", "指示灯不亮");
        await page.FillAsync("[data-testid=contact-phone]", "0512-6555-0101");

        // Over the size limit: refused in the browser before a byte is sent (R-IN-4).
        var large = Path.Combine(Path.GetTempPath(), $"现场-{Guid.NewGuid():N}.jpg");
        var disguised = Path.Combine(Path.GetTempPath(), $"合格证-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(large, [.. SampleFiles.Jpeg, .. new byte[21 * 1024 * 1024]], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(disguised, SampleFiles.Executable, TestContext.Current.CancellationToken);
        try
        {
            await page.SetInputFilesAsync("[data-testid=attachment-input]", large);
            var refused = await Expect(page, "[data-testid=attachment-row][data-state=Failed]");
            Assert.Contains("20.0 MB", await refused.InnerTextAsync(), StringComparison.Ordinal);
            await refused.Locator("[data-testid=attachment-remove]").ClickAsync();
            await page.Locator("[data-testid=attachment-row]").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });

            // Named .pdf but not a PDF: the server sniffs the bytes and refuses (415); the form says which file.
            await page.SetInputFilesAsync("[data-testid=attachment-input]", disguised);
            await Expect(page, "[data-testid=attachment-row][data-state=Ready][data-kind=Certificate]");
        }
        finally
        {
            File.Delete(large);
            File.Delete(disguised);
        }

        await page.ClickAsync("[data-testid=submit]");

        var error = await (await Expect(page, "[data-testid=form-error]")).InnerTextAsync();
        Assert.Contains("只接受", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(disguised), await page.InnerTextAsync("[data-testid=attachments-error]"), StringComparison.Ordinal);
        Assert.EndsWith("/requests/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_list_pages_with_load_more()
    {
        // customer2's requests: invisible to customer, so the other journeys in this class still start from an empty list.
        var flow = new RequestFlow(App);
        for (var i = 0; i < 21; i++)
        {
            await flow.CreateAsync("customer2", RequestFlow.NewRequestBody("PO-2026-0003", "EQ-0201"), withCertificate: false);
        }

        var page = await App.SignInAsync("customer2");
        await Expect(page, "[data-testid=load-more]");
        Assert.Equal(20, await page.Locator("[data-testid=request-row]").CountAsync());

        await page.ClickAsync("[data-testid=load-more]");

        await page.Locator("[data-testid=load-more]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // The 21 above and the demo's archived paid repair of customer2 (issue 4 invoices).
        Assert.Equal(22, await page.Locator("[data-testid=request-row]").CountAsync());
        Assert.Equal(22, (await page.Locator("[data-testid=request-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)")).Distinct().Count());
    }

    [Fact]
    public async Task The_portal_pages_speak_English_after_the_language_switch()
    {
        var page = await App.SignInAsync("customer");

        await page.ClickAsync("[data-testid=switch-language]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        Assert.Equal("My requests", await (await Expect(page, "[data-testid=page-title]")).InnerTextAsync());
        Assert.Contains("Open only", await page.InnerTextAsync(".mud-main-content"), StringComparison.Ordinal);

        await page.GotoAsync("/requests/new");
        await Expect(page, "[data-testid=submit]");
        var form = await page.InnerTextAsync(".mud-main-content");
        Assert.Contains("Order and asset", form, StringComparison.Ordinal);
        Assert.Contains("Before you submit", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_warns_about_an_expired_asset_and_shows_the_warranty_refusal()
    {
        var page = await App.SignInAsync("customer");
        await page.GotoAsync("/requests/new");
        await page.WaitForSelectorAsync("[data-circuit=ready]");

        await PickAsync(page, "order-select", "PO-2025-0007");
        await PickAsync(page, "asset-select", "EQ-0101");
        await PickAsync(page, "type-select", "质保维修");

        var warning = await Expect(page, "[data-testid=warranty-warning]");
        Assert.Contains("R-WTY-1", await warning.InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("[data-testid=symptom]", "主轴异响");
        await page.FillAsync("[data-testid=contact-phone]", "13800000000");
        await page.ClickAsync("[data-testid=submit]");

        var error = await Expect(page, "[data-testid=form-error]");
        var message = await error.InnerTextAsync();
        Assert.Contains("R-WTY-1", message, StringComparison.Ordinal);
        Assert.Contains("质保维修申请不能受理", message, StringComparison.Ordinal);
        Assert.EndsWith("/requests/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "portal-warranty-refused");

        // The warning offers the way out; nothing is submitted here, so the class's other journeys still start from an empty list.
        await page.ClickAsync("[data-testid=switch-to-paid]");
        await page.Locator("[data-testid=warranty-warning]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Contains("付费维修", await page.InputValueAsync("[data-testid=type-select]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_fields_are_named_before_anything_is_sent()
    {
        var page = await App.SignInAsync("customer");
        await page.GotoAsync("/requests/new");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        await page.WaitForSelectorAsync("[data-testid=submit]");

        await page.ClickAsync("[data-testid=submit]");

        Assert.Contains("请先更正", await (await Expect(page, "[data-testid=form-error]")).InnerTextAsync(), StringComparison.Ordinal);
        var form = await page.InnerTextAsync(".mud-main-content");
        Assert.Contains("请选择已验收的采购订单", form, StringComparison.Ordinal);
        Assert.Contains("请选择售后类型", form, StringComparison.Ordinal);
        Assert.Contains("请描述故障现象", form, StringComparison.Ordinal);
        Assert.Contains("请填写联系电话", form, StringComparison.Ordinal);
        Assert.EndsWith("/requests/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unaccepted_orders_are_listed_but_cannot_be_picked()
    {
        var page = await App.SignInAsync("customer");
        await page.GotoAsync("/requests/new");
        await page.WaitForSelectorAsync("[data-circuit=ready]");

        await page.ClickAsync("[data-testid=order-select]");
        var unaccepted = page.Locator(".mud-popover-open .mud-list-item:has-text('PO-2026-0008')");
        await unaccepted.WaitForAsync();

        Assert.Contains("R-ORD-2", await unaccepted.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("mud-list-item-disabled", await unaccepted.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_asset_list_shows_warranty_and_opens_a_prefilled_form_for_an_asset_in_warranty()
    {
        var page = await App.SignInAsync("customer");
        await page.ClickAsync("[data-testid=nav] a[href='/assets']");
        var inWarranty = await Expect(page, "[data-testid=asset-row][data-serial='EQ-0002']");
        var expired = await Expect(page, "[data-testid=asset-row][data-serial='EQ-0101']");

        Assert.Equal("inWarranty", await inWarranty.GetAttributeAsync("data-warranty"));
        Assert.Equal("expired", await expired.GetAttributeAsync("data-warranty"));
        Assert.Equal(0, await expired.Locator("[data-testid=report-fault]").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "portal-assets");

        await inWarranty.Locator("[data-testid=report-fault]").ClickAsync();

        await page.WaitForURLAsync("**/requests/new?**");
        await Expect(page, "[data-testid=asset-warranty-chip][data-status=InWarranty]");
        Assert.Contains("PO-2026-0001", await page.InputValueAsync("[data-testid=order-select]"), StringComparison.Ordinal);
        Assert.Contains("EQ-0002", await page.InputValueAsync("[data-testid=asset-select]"), StringComparison.Ordinal);
        Assert.Contains("质保维修", await page.InputValueAsync("[data-testid=type-select]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_agent_sees_all_requests_and_is_told_it_cannot_file_one()
    {
        var page = await SignInToAsync("supplier.agent", "/requests");

        Assert.Equal("全部售后单", await (await Expect(page, "[data-testid=page-title]")).InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=new-request]").CountAsync());

        await page.GotoAsync("/requests/new");
        Assert.Contains("您的角色不能提交售后申请", await (await Expect(page, "[data-testid=cannot-create]")).InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Signs in through the sign-in form straight to <paramref name="returnUrl"/> (not the party's landing page).</summary>
    private async Task<IPage> SignInToAsync(string userName, string returnUrl)
    {
        var context = await App.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(BrowserApp.StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        return page;
    }

    /// <summary>
    /// Ticks one status in the multi-select filter. The list is waited for open before the pick and closed after it
    /// (tooltips are popovers too, so only the list's items are watched): a click during the closing animation lands
    /// on items that are about to be detached.
    /// </summary>
    private static async Task ToggleStatusFilterAsync(IPage page, string status)
    {
        var openList = page.Locator(".mud-popover-open .mud-list-item").First;
        await openList.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ClickAsync("[data-testid=filter-status]");
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = status });
        await item.WaitForAsync();
        await item.ClickAsync();
        // A multi-select stays open after a pick; pressing its field again closes it (Escape goes astray when the
        // pick re-renders the list and moves the focus).
        await page.Locator("[data-testid=filter-status]").ClickAsync(new() { Force = true });
        await openList.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Opens a MudSelect by its test id and picks the option showing <paramref name="text"/>.</summary>
    private static async Task PickAsync(IPage page, string testId, string text)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{text}')");
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    /// <summary>
    /// Waits for what typing into a search box leads to. MudBlazor debounces typing on the app's TimeProvider, which
    /// in these tests is the fake clock, so the clock is moved on in small steps until the page reacts.
    /// </summary>
    private async Task<ILocator> AfterTypingAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var step = 0; step < 40 && !await target.IsVisibleAsync(); step++)
        {
            App.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await target.WaitForAsync();
        return target;
    }

    /// <summary>Waits for the first element matching <paramref name="selector"/> to be visible.</summary>
    private static async Task<ILocator> Expect(IPage page, string selector)
    {
        var locator = page.Locator(selector).First;
        await locator.WaitForAsync();
        return locator;
    }

    private static Regex RequestDetailUrl() => DetailUrl();

    [GeneratedRegex(@"/requests/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex(@"SR-\d{4}-\d{6}")]
    private static partial Regex RequestNumber();
}
