using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Issue 6 loaners in the browser (R-EXE-7): on a request in service the supplier issues the suggested equivalent loaner
/// from the request page (with a confirmation), records the customer's receipt, then finds the unit in the loaner pool,
/// opens its history and reclaims it (confirming the original runs again) back to the pool.
/// </summary>
public sealed class LoanerJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task Supplier_issues_a_loaner_from_the_request_records_receipt_and_reclaims_it_from_the_pool()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await OpenAsync("supplier.agent", request.Number);

        // 发放备用机: the suggestion of the same model comes first; issuing asks for a confirmation.
        var panel = agent.Locator("[data-testid=request-loaners]");
        await agent.ClickAsync("[data-testid=loaner-issue]");
        await agent.WaitForSelectorAsync("[data-testid=loaner-dialog][data-action=issue]");
        var dialog = agent.Locator("[data-testid=loaner-dialog][data-action=issue]");
        await BrowserApp.ScreenshotAsync(agent, "loaner-issue-dialog");
        await Expect(dialog).ToHaveAttributeAsync("data-selected", "BYJ-001");
        await Expect(agent.Locator("[data-testid=loaner-submit]")).ToBeDisabledAsync();
        await agent.Locator("[data-testid=loaner-confirm]").ClickAsync();
        await agent.ClickAsync("[data-testid=loaner-submit]");
        await Expect(agent.Locator("[data-testid=loaner-dialog]")).ToHaveCountAsync(0);
        var loaner = panel.Locator("[data-testid=request-loaner][data-tag=BYJ-001]");
        await Expect(loaner).ToHaveAttributeAsync("data-location", "InTransit");

        // 送达签收: the customer's representative signs for it.
        await loaner.Locator("[data-testid=request-loaner-deliver]").ClickAsync();
        await agent.WaitForSelectorAsync("[data-testid=loaner-dialog][data-action=deliver]");
        await Input(agent, "loaner-received-by").FillAsync("张工");
        await agent.ClickAsync("[data-testid=loaner-submit]");
        await Expect(loaner).ToHaveAttributeAsync("data-location", "AtCustomer");
        await Expect(loaner).ToContainTextAsync("张工");
        await BrowserApp.ScreenshotAsync(agent, "loaner-on-request");

        // 备用机池: the unit is at the customer's; its page shows the history; reclaim it back to the pool.
        await agent.ClickAsync("[data-testid=nav-loaners]");
        await agent.WaitForSelectorAsync("[data-testid=loaners-table]");
        var row = agent.Locator("[data-testid=loaner-row][data-tag=BYJ-001]");
        await Expect(row).ToHaveAttributeAsync("data-location", "AtCustomer");
        await Expect(row).ToContainTextAsync(request.Number);
        await row.Locator("[data-testid=loaner-link]").ClickAsync();
        await agent.WaitForSelectorAsync("[data-testid=loaner-detail]");
        await Expect(agent.Locator("[data-testid=loaner-movement]")).ToHaveCountAsync(3);

        // A fresh page: the earlier confirmations (snackbars, top right) would cover the action buttons.
        await agent.ReloadAsync();
        await agent.WaitForSelectorAsync("[data-circuit=ready]");
        await agent.WaitForSelectorAsync("[data-testid=loaner-detail]");
        await agent.ClickAsync("[data-testid=loaner-action-reclaim]");
        await agent.WaitForSelectorAsync("[data-testid=loaner-dialog][data-action=reclaim]");
        await agent.Locator("[data-testid=loaner-original-running]").ClickAsync();
        await agent.Locator("[data-testid=loaner-confirm]").ClickAsync();
        await agent.ClickAsync("[data-testid=loaner-submit]");
        await Expect(agent.Locator("[data-testid=loaner-dialog]")).ToHaveCountAsync(0);
        await Expect(agent.Locator("[data-testid=loaner-detail]")).ToHaveAttributeAsync("data-location", "InPool");
        await Expect(agent.Locator("[data-testid=loaner-movement]").First).ToHaveAttributeAsync("data-action", "reclaim");
        await Expect(agent.Locator("[data-testid=loaner-request-cell]")).ToHaveTextAsync("—");
        await BrowserApp.ScreenshotAsync(agent, "loaner-reclaimed");

        // The pool filtered to units at customers no longer lists it: the empty state says so.
        await agent.GotoAsync("/console/loaners");
        await agent.WaitForSelectorAsync("[data-testid=loaners-table]");
        await agent.ClickAsync("[data-testid=loaner-status-filter]");
        await agent.Locator(".mud-popover-open .mud-list-item").GetByText("在客户现场").ClickAsync();
        await Expect(agent.Locator("[data-testid=loaners-empty]")).ToBeVisibleAsync();
    }
}
