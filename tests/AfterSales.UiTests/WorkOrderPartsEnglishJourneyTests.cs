using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 中文 / English on the work-order and spare-parts pages (R-X-2): the dispatcher reads the dispatch board, a work order
/// and the parts catalogue in Chinese by default, and in English after the language switch — headings, column headers,
/// buttons, statuses, certificates and timeline entries, with no resource key showing through.
/// </summary>
public sealed partial class WorkOrderPartsEnglishJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task The_work_order_and_parts_pages_read_in_English_after_the_language_switch()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var created = await (await agent.PostJsonAsync("/api/v1/work-orders", new
        {
            requestId = request.Number, kind = "onSite", summary = "上门检查主轴异响", requiredCertificate = "electrician",
        })).ReadAsync<WorkOrderView>(HttpStatusCode.Created);

        // Chinese is the default.
        var page = await SignInToAsync("supplier.agent", "/console/dispatch");
        var row = page.Locator($"[data-testid=board-row][data-number='{created.Number}']");
        await Expect(page.Locator("h1")).ToContainTextAsync("派工看板");
        await Expect(row).ToContainTextAsync("（需电工证）");
        await Expect(row).ToContainTextAsync("已创建");

        await page.ClickAsync("[data-testid=switch-language]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dispatch board");
        await Expect(page.Locator("[data-testid=nav-dispatch]")).ToHaveTextAsync("Dispatch board");
        var board = page.Locator("[data-testid=dispatch-board]");
        await Expect(board.Locator("thead")).ToHaveTextAsync("Work orderService requestWorkLocationStatusArrival dueSuggested engineers");
        await Expect(row).ToContainTextAsync("(requires Electrician's licence)");
        await Expect(row).ToContainTextAsync("Created");
        await Expect(row.Locator("[data-testid=board-due]")).ToContainTextAsync("Same city");
        await Expect(row.Locator("[data-testid=board-suggestion]").First).ToContainTextAsync(" open)");
        await AssertEnglishAsync(page);

        await page.GotoAsync($"/work-orders/{created.Id}");
        var detail = page.Locator("[data-testid=work-order]");
        await Expect(detail).ToHaveAttributeAsync("data-status", "Created");
        await Expect(detail.Locator("[data-testid=wo-status]")).ToHaveTextAsync("Created");
        await Expect(detail.Locator("[data-testid=wo-card]")).ToContainTextAsync("On-site service");
        await Expect(detail).ToContainTextAsync("Assigned to: Not dispatched yet");
        await Expect(detail.Locator("[data-testid=wo-dispatch]")).ToContainTextAsync("Dispatch");
        await Expect(detail.Locator("[data-testid=wo-dispatch-to]").First).ToHaveTextAsync("Dispatch to this engineer");
        await Expect(detail.Locator("[data-testid=wo-cancel]")).ToHaveTextAsync("Cancel work order");
        await Expect(detail).ToContainTextAsync("Timeline");
        await Expect(page.Locator("[data-testid=wo-entry][data-action=create]")).ToContainTextAsync("Work order created");
        await AssertEnglishAsync(page);
        await BrowserApp.ScreenshotAsync(page, "work-order-english");

        await page.GotoAsync("/parts");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Parts catalogue");
        await Expect(page.Locator("[data-testid=parts-nav]")).ToContainTextAsync("Old-part returns");
        await Expect(page.Locator("[data-testid=parts-summary]")).ToContainTextAsync("On hand");
        await Expect(page.Locator("[data-testid=parts-table] thead")).ToContainTextAsync("Part number");
        await Expect(page.Locator("[data-testid=part-add]")).ToHaveTextAsync("Add");
        await AssertEnglishAsync(page);

        await page.GotoAsync("/parts/stock");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Stock");
        await Expect(page.Locator("[data-testid=warehouse-card][data-code=VAN-SH]")).ToContainTextAsync("Van stock");
        await Expect(page.Locator("[data-testid=replenish-submit]")).ToHaveTextAsync("Place replenishment order");
        await AssertEnglishAsync(page);
        await BrowserApp.ScreenshotAsync(page, "parts-stock-english");
    }

    /// <summary>The page's own texts are English: no resource key (e.g. "Board.Title") and no Chinese heading or header.</summary>
    private static async Task AssertEnglishAsync(IPage page)
    {
        var main = page.Locator(".mud-main-content");
        var text = await main.InnerTextAsync();
        Assert.DoesNotMatch(ResourceKey(), text);
        foreach (var label in await main.Locator("h1, th, button, label").AllInnerTextsAsync())
        {
            Assert.DoesNotMatch(Han(), label);
        }
    }

    [GeneratedRegex(@"\b(Common|Board|Today|Detail|Card|Panel|Late|Duration|Kind|Status|Certificate|Outcome|Entry|Tab|Field|Column|Catalogue|Stock|Replenish|Transfer|Shipments|OldParts|Sampling|Request|Receipt|Warehouse|Reservation|Shipment|Replenishment|Result|Batch|OldPart|Payer)\.[A-Za-z]")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
