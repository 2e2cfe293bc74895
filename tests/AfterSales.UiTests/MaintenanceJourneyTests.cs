using AfterSales.Domain.Common;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 维保计划 (R-MNT-1, R-RV-2, R-EXE-3): the supplier sets up a quarterly inspection of EQ-0101 under the demo contract, the
/// visit is generated as an inspection work order, the report is filed on the visit page, and the customer reads it.
/// </summary>
public sealed class MaintenanceJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task The_supplier_plans_a_visit_generates_it_files_the_report_and_the_customer_reads_it()
    {
        var today = ServiceZone.DateOf(App.Clock.GetUtcNow());
        var page = await SignInToAsync("supplier.agent", "/console/maintenance");
        await Expect(page.Locator("[data-testid=mnt-contract-row]")).ToHaveCountAsync(1);

        // Set up the plan: the demo contract, EQ-0101, quarterly, first visit in 5 days, two items (titled by kind and serial).
        await page.GetByText("新建维保计划").ClickAsync();
        await page.ClickAsync("[data-testid=mnt-plan-contract]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("EQ-0101 立式加工中心年度维保合同", new() { Exact = false }).ClickAsync();
        await FillAsync(page, "mnt-plan-asset", "EQ-0101");
        await FillAsync(page, "mnt-plan-first", today.AddDays(5).ToString("yyyy-MM-dd"));
        await FillAsync(page, "mnt-plan-items", "主轴润滑\n导轨清洁");
        await page.ClickAsync("[data-testid=mnt-plan-save]");
        var row = page.Locator("[data-testid=mnt-plan-row]").Filter(new() { HasText = "季度巡检（EQ-0101）" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=mnt-plan-next]")).ToContainTextAsync(today.AddDays(5).ToString("yyyy-MM-dd"));
        var number = await row.GetAttributeAsync("data-number");

        // Generate now: the visit appears with its inspection work order, waiting for the visit.
        await page.Locator("[data-testid=mnt-generate]").DispatchEventAsync("click"); // the plan's snackbar covers the button
        var visit = page.Locator($"[data-testid=mnt-visit-row][data-plan='{number}']");
        await Expect(visit).ToHaveAttributeAsync("data-state", "scheduled");
        await Expect(visit).ToContainTextAsync("GD-");
        await BrowserApp.ScreenshotAsync(page, "maintenance-console");

        // File the report on the visit page.
        await visit.Locator("[data-testid=mnt-visit-open]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=mnt-report-form]");
        await FillAsync(page, "mnt-report-visited", today.ToString("yyyy-MM-dd"));
        foreach (var (index, result) in new[] { (0, "正常"), (1, "需跟进") })
        {
            await page.Locator("[data-testid=mnt-report-result]").Nth(index).ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText(result, new() { Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }

        await page.Locator(":is(input, textarea)[data-testid=mnt-report-note], [data-testid=mnt-report-note] input").Nth(1).FillAsync("导轨护板有划痕，下次更换");
        await FillAsync(page, "mnt-report-findings-input", "主轴运行平稳，导轨护板需更换");
        await page.ClickAsync("[data-testid=mnt-report-submit]");
        await Expect(page.Locator("[data-testid=mnt-report]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=mnt-report-state]")).ToHaveTextAsync("按时提交");

        // The customer sees the visit as met and reads the report.
        var customer = await SignInToAsync("customer", "/maintenance");
        var seen = customer.Locator($"[data-testid=mnt-visit-row][data-plan='{number}']");
        await Expect(seen).ToHaveAttributeAsync("data-state", "met");
        await seen.Locator("[data-testid=mnt-visit-open]").ClickAsync();
        await Expect(customer.Locator("[data-testid=mnt-report-findings]")).ToContainTextAsync("导轨护板需更换");
        await Expect(customer.Locator("[data-testid=mnt-report-item]").Nth(1)).ToContainTextAsync("需跟进");
        await Expect(customer.Locator("[data-testid=mnt-report-next]")).ToHaveTextAsync(today.AddDays(5).AddMonths(3).ToString("yyyy-MM-dd"));
        await Expect(customer.Locator("[data-testid=mnt-report-form]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(customer, "maintenance-report-customer");
    }
}
