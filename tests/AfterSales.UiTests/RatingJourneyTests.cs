using AfterSales.Web.Tests.Ratings;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 供应商评级 in the browser (R-RAT-1): after a poorly served November the platform opens the rating dashboard on 1 December,
/// runs the month and sees the supplier graded D and suspended; the supplier's console then shows the suspension banner
/// with the date its rights return, and its own rating page shows the same grade.
/// </summary>
public sealed class RatingJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_platform_runs_November_and_sees_the_supplier_graded_D_which_the_supplier_sees_as_a_banner()
    {
        await App.PoorServiceAsync();
        App.MoveTo(RatingCalls.FirstOfDecember);

        var platform = await OpenAsync("platform", "/ratings", "[data-testid=rating-empty]");
        await Assertions.Expect(platform.Locator("[data-testid=rating-month]")).ToHaveValueAsync("2026年11月");
        await platform.ClickAsync("[data-testid=rating-run]");
        var rows = platform.Locator("[data-testid=rating-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var poor = rows.Filter(new LocatorFilterOptions { Has = platform.Locator("[data-grade=D]") });
        await Assertions.Expect(poor).ToHaveCountAsync(1);
        await Assertions.Expect(poor.Locator("[data-testid=rating-status]")).ToContainTextAsync("暂停售后权限至 2027-01-01 00:00");
        await Assertions.Expect(poor.Locator("[data-testid=rating-trend] [data-grade=D]")).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { Has = platform.Locator("[data-testid=rating-grade] [data-grade=none]") })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(platform, "rating-dashboard");

        var supplier = await OpenAsync("supplier.manager", "/ratings", "[data-testid=rating-table]");
        await Assertions.Expect(supplier.Locator("[data-testid=rating-suspension-banner]")).ToContainTextAsync("2027-01-01 00:00");
        await Assertions.Expect(supplier.Locator("[data-testid=rating-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(supplier.Locator("[data-testid=rating-grade] [data-grade=D]")).ToBeVisibleAsync();
        await Assertions.Expect(supplier.Locator("[data-testid=rating-run]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(supplier, "rating-supplier-suspended");
    }

    private async Task<IPage> OpenAsync(string user, string path, string ready)
    {
        var page = await App.SignInAsync(user);
        await page.GotoAsync(App.BaseUrl + path);
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        await page.WaitForSelectorAsync(ready);
        return page;
    }
}
