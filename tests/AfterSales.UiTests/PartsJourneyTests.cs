using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Issue 6 spare parts in the browser (R-EXE-4): on an in-warranty request the supplier reserves a part that fits the
/// machine and ships it with a tracking number (freight on the supplier), and the customer checks it on receipt in the portal;
/// the supplier then browses its catalogue and searches stock, and the platform draws the quarter's sampling plan,
/// fails a batch and recalls it (R-KPI-4).
/// </summary>
public sealed class PartsJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task Supplier_reserves_and_ships_a_part_the_customer_checks_it_on_receipt_and_the_platform_recalls_a_sampled_batch()
    {
        var customer = await SignInToAsync("customer", "/requests/new?order=PO-2026-0001&asset=EQ-0001&type=warrantyRepair");
        await FillAsync(customer, "symptom", "数控系统黑屏，主控板指示灯不亮");
        await FillAsync(customer, "contact-phone", "13800000000");
        await customer.Locator("[data-testid=attachment-input]").SetInputFilesAsync(new FilePayload { Name = "合格证.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await Expect(customer.Locator("[data-testid=attachment-row][data-state=Ready][data-kind=Certificate]")).ToBeVisibleAsync();
        await customer.ClickAsync("[data-testid=submit]");
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        var number = (await customer.InnerTextAsync("[data-testid=request-number]")).Trim();

        var agent = await OpenAsync("supplier.agent", number);
        await StartActionAsync(agent, "receive");
        await SubmitAsync(agent, ServiceRequestStatus.UnderAssessment);
        await StartActionAsync(agent, "judge");
        await ChooseAsync(agent, "judge-responsibility", "质量问题");
        await ChooseAsync(agent, "plan-mode", "上门");
        await FillAsync(agent, "plan-steps", "寄送主控板，工程师上门更换");
        await SubmitAsync(agent, ServiceRequestStatus.Planned);

        // 预留备件: the supplier pays freight in warranty; the reserved board leaves available stock.
        var parts = agent.Locator("[data-testid=request-parts]");
        await Expect(parts.Locator("[data-testid=parts-freight-payer]")).ToHaveTextAsync("供应商承担运费");
        await agent.ClickAsync("[data-testid=parts-reserve-part]");
        await agent.Locator(".mud-popover-open .mud-list-item").GetByText("MB-850").ClickAsync();
        await agent.ClickAsync("[data-testid=parts-reserve]");
        await Expect(parts.Locator("[data-testid=parts-reservation][data-part=MB-850]")).ToHaveAttributeAsync("data-status", "Reserved");

        // 发货 with carrier and tracking number.
        await FillAsync(agent, "parts-ship-tracking", "SF1234567890");
        await agent.ClickAsync("[data-testid=parts-ship]");
        await Expect(parts.Locator("[data-testid=parts-shipment]")).ToHaveAttributeAsync("data-status", "Shipped");
        await Expect(parts.Locator("[data-testid=parts-reservation][data-part=MB-850]")).ToHaveAttributeAsync("data-status", "Issued");

        // 签收验货 in the portal: model and quantity match, no damage.
        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        var shipment = customer.Locator("[data-testid=parts-shipment]");
        await Expect(shipment.Locator("[data-testid=parts-shipment-tracking]")).ToHaveTextAsync("SF1234567890");
        await Expect(customer.Locator("[data-testid=parts-reservation]")).ToHaveCountAsync(0);
        await customer.ClickAsync("[data-testid=receipt-submit]");
        await Expect(shipment).ToHaveAttributeAsync("data-status", "Received");
        await Expect(shipment.Locator("[data-testid=parts-shipment-receipt]")).ToContainTextAsync("型号一致，实收 1 件，无破损");
        await BrowserApp.ScreenshotAsync(customer, "parts-receipt");

        // The supplier's 发货 page lists the shipment as received.
        await agent.ClickAsync("[data-testid=nav-parts]");
        await agent.GotoAsync("/parts/shipments");
        await Expect(agent.Locator("[data-testid=shipment-row]")).ToHaveCountAsync(1);
        await Expect(agent.Locator("[data-testid=shipments-table]")).ToContainTextAsync("已签收");

        // 备件目录 and 库存 per warehouse, with search (one journey: the recall below must come after the reservation above).
        await agent.GotoAsync("/parts");
        await agent.WaitForSelectorAsync("[data-circuit=ready]");
        await Expect(agent.Locator("[data-testid=part-row][data-number=CM-200]")).ToBeVisibleAsync();
        await Expect(agent.Locator("[data-testid=parts-table]")).ToContainTextAsync("定制配件需 15 日生产");

        await agent.GotoAsync("/parts/stock");
        await agent.WaitForSelectorAsync("[data-circuit=ready]");
        await Expect(agent.Locator("[data-testid=warehouse-card][data-code=VAN-SH]")).ToContainTextAsync("孙浩");
        await Expect(agent.Locator("[data-testid=stock-row]")).ToHaveCountAsync(3);
        await Expect(agent.Locator("[data-testid=stock-row][data-part=SB-850]")).ToHaveAttributeAsync("data-batch", "B2026-11");

        // Search: MudBlazor debounces typing on the app's (fake) clock, so the clock moves on until the list reacts.
        await FillAsync(agent, "stock-search", "SB-850");
        for (var step = 0; step < 40 && await agent.Locator("[data-testid=stock-row]").CountAsync() != 1; step++)
        {
            App.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await Expect(agent.Locator("[data-testid=stock-row]")).ToHaveCountAsync(1);
        await Expect(agent.Locator("[data-testid=stock-row]")).ToHaveAttributeAsync("data-part", "SB-850");

        await agent.GotoAsync("/parts/old-parts");
        await Expect(agent.Locator("[data-testid=old-parts-table]")).ToBeVisibleAsync();

        // The platform draws this quarter's plan for 华东精密: two demo batches → one sampled (⌈10 %⌉), recorded as failed and recalled.
        var platform = await SignInToAsync("platform", "/parts/sampling");
        await ChooseAsync(platform, "sampling-supplier", "华东精密机械有限公司");
        await platform.ClickAsync("[data-testid=sampling-draw]");
        await Expect(platform.Locator("[data-testid=sampling-item]")).ToHaveCountAsync(1);
        await FillAsync(platform, "sampling-note", "硬度不达标");
        await platform.ClickAsync("[data-testid=sampling-fail]");
        await Expect(platform.Locator("[data-testid=sampling-item]")).ToHaveAttributeAsync("data-result", "Failed");
        await platform.ClickAsync("[data-testid=sampling-recall]");
        await Expect(platform.Locator("[data-testid=sampling-item]")).ToContainTextAsync("已召回");
    }
}
