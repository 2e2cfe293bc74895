using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Paid service in the browser (R-QUO-1..3): the supplier quotes item by item from the price list, the customer accepts
/// in the portal (the decision records its web session), and work above CNY 50,000 waits for the signed service
/// agreement the supplier records and the customer confirms.
/// </summary>
public sealed class QuoteJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_quote_from_the_price_list_is_accepted_in_the_portal_and_work_starts_once_the_agreement_is_confirmed()
    {
        var request = await new RequestFlow(App).CreateAsync();
        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "主轴撞击变形" });

        // The supplier quotes from the price list; a price outside the band is flagged before it is sent.
        var agent = await OpenAsync("supplier.agent", request.Number);
        await StartActionAsync(agent, "judge");
        await ChooseAsync(agent, "judge-responsibility", "人为损坏");
        await agent.ClickAsync("[data-testid=outcome-paid]");
        await ChooseAsync(agent, "judge-exclusion", "擅自拆卸、改装，碰撞、跌落");
        await agent.ClickAsync("[data-testid=quote-from-pricelist]");
        await agent.ClickAsync("[data-testid=pricelist-item][data-code=P-SPDL] [data-testid=pricelist-add]");
        await agent.ClickAsync("[data-testid=pricelist-item][data-code=L-ENG] [data-testid=pricelist-add]");
        var labour = agent.Locator("[data-testid=quote-line]").Nth(1);
        await labour.Locator("input[data-testid=line-quantity]").FillAsync("8");
        await labour.Locator("input[data-testid=line-unit-price]").FillAsync("360");
        await Expect(labour).ToContainTextAsync("单价超出价格表区间");
        await labour.Locator("input[data-testid=line-unit-price]").FillAsync("350");
        await Expect(labour).Not.ToContainTextAsync("单价超出价格表区间");
        await Expect(agent.Locator("[data-testid=quote-editor-total]")).ToHaveTextAsync("¥50,800.00");
        Assert.Equal("15", await InputValueAsync(agent, "quote-lead-time"));
        await SubmitAsync(agent, ServiceRequestStatus.QuotePending);
        await Expect(agent.Locator("[data-testid=quote-row-code]")).ToHaveTextAsync([" · P-SPDL", " · L-ENG"]);
        await BrowserApp.ScreenshotAsync(agent, "quote-01-agent-quoted-from-price-list");

        // The customer accepts in the portal; the decision shows it came from the web session.
        var customer = await OpenAsync("customer", request.Number);
        await StartActionAsync(customer, "acceptQuote");
        await customer.Locator("[data-testid=action-dialog]").GetByText("确认后即同意按报价付费").ClickAsync();
        await SubmitAsync(customer, ServiceRequestStatus.Planned);
        await Expect(customer.Locator("[data-testid=quote-decision-session]")).ToContainTextAsync("网页");
        await Expect(customer.Locator("[data-testid=start-blocker][data-rule=R-QUO-3]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(customer, "quote-02-customer-accepted-agreement-needed");

        // Above CNY 50,000 (R-QUO-3): the supplier records the signed agreement, the customer confirms it.
        await agent.ReloadAsync();
        await agent.WaitForSelectorAsync("[data-circuit=ready]");
        await UploadAsync(agent, "协议", new FilePayload { Name = "服务协议.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await ChooseAsync(agent, "sa-copy", "服务协议.pdf");
        await FillAsync(agent, "sa-scope", "更换主轴总成并调试");
        await FillAsync(agent, "sa-acceptance", "连续运行 2 小时无异常");
        await FillAsync(agent, "sa-payment", "验收合格后 30 日内付清");
        await agent.ClickAsync("[data-testid=record-service-agreement]");
        await Expect(agent.Locator("[data-testid=service-agreement]")).ToHaveAttributeAsync("data-confirmed", "false");
        await BrowserApp.ScreenshotAsync(agent, "quote-03-agent-recorded-agreement");

        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-circuit=ready]");
        await customer.ClickAsync("[data-testid=confirm-service-agreement]");
        await Expect(customer.Locator("[data-testid=service-agreement]")).ToHaveAttributeAsync("data-confirmed", "true");
        await Expect(customer.Locator("[data-testid=service-agreement-confirmed]")).ToContainTextAsync("网页");
        await Expect(customer.Locator("[data-testid=start-blockers]")).ToHaveCountAsync(0);

        await agent.ReloadAsync();
        await agent.WaitForSelectorAsync("[data-circuit=ready]");
        await StartActionAsync(agent, "startService");
        await SubmitAsync(agent, ServiceRequestStatus.InService);
        var actions = await agent.Locator("[data-testid=timeline-entry]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.Contains("recordServiceAgreement", actions);
        Assert.Contains("confirmServiceAgreement", actions);
        await BrowserApp.ScreenshotAsync(agent, "quote-04-agent-started");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<IPage> OpenAsync(string user, string number)
    {
        var context = await App.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(BrowserApp.StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString($"/requests/{number}")}");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        await page.WaitForSelectorAsync("[data-testid=request-detail]");
        return page;
    }

    private static async Task StartActionAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-testid=action-{action}]");
        await page.WaitForSelectorAsync($"[data-testid=action-dialog][data-action={action}]");
    }

    private static async Task SubmitAsync(IPage page, ServiceRequestStatus expected)
    {
        await page.ClickAsync("[data-testid=action-submit]");
        try
        {
            await Expect(page.Locator("[data-testid=action-dialog]")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException)
        {
            var error = page.Locator("[data-testid=action-error], .mud-input-error");
            throw new InvalidOperationException($"The dialog stayed open: {string.Join(" | ", await error.AllInnerTextsAsync())}");
        }

        await Expect(page.Locator("[data-testid=request-status]")).ToHaveAttributeAsync("data-status", expected.ToString());
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea):not([type=hidden])").First;

    private static Task FillAsync(IPage page, string testId, string value) => Input(page, testId).FillAsync(value);

    private static Task<string> InputValueAsync(IPage page, string testId) => Input(page, testId).InputValueAsync();

    private static async Task ChooseAsync(IPage page, string testId, string optionText)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(optionText, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task UploadAsync(IPage page, string kindLabel, FilePayload file)
    {
        await ChooseAsync(page, "upload-kind", kindLabel);
        await page.Locator("[data-testid=upload-input]").SetInputFilesAsync(file);
        await Expect(page.Locator("[data-testid=upload-item][data-state=done]").GetByText(file.Name)).ToBeVisibleAsync();
    }
}
