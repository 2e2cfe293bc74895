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
public sealed class QuoteJourneyTests(BrowserApp app) : RequestJourneyTest(app)
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
}
