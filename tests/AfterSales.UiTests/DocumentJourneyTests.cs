using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// R-ARC-3 in the browser: the request page's 打印单据 menu lists the documents the request has now, and the repair
/// sheet opens in a new tab as a print-ready page with the work, the parts and the places to sign.
/// </summary>
public sealed class DocumentJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_supplier_prints_the_repair_sheet_of_a_request_waiting_for_acceptance()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.PendingAcceptance);

        var page = await App.SignInAsync("supplier.agent");
        await page.GotoAsync($"/requests/{request.Id}");
        await page.ClickAsync("[data-testid=print-menu] button");
        await Assertions.Expect(page.Locator("[data-testid^=document-]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=document-quote]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "documents-menu");

        var sheet = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("[data-testid=document-repairSheet]"));
        await sheet.WaitForLoadStateAsync();
        await Assertions.Expect(sheet.Locator("[data-testid=document-title]")).ToHaveTextAsync("维修单");
        await Assertions.Expect(sheet.Locator("[data-testid=document-number]")).ToHaveTextAsync(request.Number);
        await Assertions.Expect(sheet.Locator("[data-testid=part-line]")).ToContainTextAsync("MB-850");
        await Assertions.Expect(sheet.Locator(".signature").First).ToHaveTextAsync("服务工程师签字");
        await BrowserApp.ScreenshotAsync(sheet, "document-repair-sheet");
    }
}
