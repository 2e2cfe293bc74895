using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 工作日历 in the browser (R-SLA-2, issue 3): the admin checks cn-9-18 with the due-date preview across National Day,
/// then enters next year's holidays and the coverage warning — the ready check's Degraded — goes away.
/// </summary>
public sealed class CalendarJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Year2027 = """
        {
          "year": 2027,
          "holidays": [
            { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
            { "name": "春节", "from": "2027-02-05", "to": "2027-02-12" }
          ],
          "makeUpWorkingDays": ["2027-02-20"]
        }
        """;

    [Fact]
    public async Task The_admin_previews_eight_working_hours_across_National_Day_and_imports_2027_to_clear_the_coverage_warning()
    {
        var page = await App.SignInAsync("admin");
        await page.ClickAsync("[data-testid=nav-calendars]");
        await page.WaitForSelectorAsync("[data-testid=calendar-table]");
        var row = page.Locator("[data-testid=calendar-table] tbody tr").Filter(new() { Has = page.Locator("[data-testid=calendar-link][data-calendar=cn-9-18]") });
        await Assertions.Expect(row.Locator("[data-testid=coverage-missing]")).ToHaveTextAsync("缺少 2027 年节假日");
        await Assertions.Expect(page.Locator("[data-testid=coverage-alert]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "calendars-missing-2027");

        await row.Locator("[data-testid=calendar-link]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=preview-card]");
        await Field(page, "preview-start").FillAsync("2025-09-30T17:00");
        await Field(page, "preview-amount").FillAsync("8");
        await page.ClickAsync("[data-testid=preview-run]");

        await Assertions.Expect(page.Locator("[data-testid=preview-due]")).ToContainTextAsync("2025-10-09 16:00");
        await BrowserApp.ScreenshotAsync(page, "calendar-preview");

        // A year whose holiday ends before it starts is refused in the dialog, naming the field.
        await page.ClickAsync("[data-testid=import-open]");
        await Field(page, "import-json").FillAsync(Year2027.Replace("\"to\": \"2027-02-12\"", "\"to\": \"2027-02-01\"", StringComparison.Ordinal));
        await page.ClickAsync("[data-testid=import-submit]");
        await Assertions.Expect(page.Locator("[data-testid=import-error]")).ToContainTextAsync("holidays[1].to");

        await Field(page, "import-json").FillAsync(Year2027);
        await page.ClickAsync("[data-testid=import-submit]");

        await Assertions.Expect(page.Locator("[data-testid=import-dialog]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=coverage-warning]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=calendar-card] [data-testid=coverage-year]")).ToHaveTextAsync(["2025", "2026", "2027"]);
        await BrowserApp.ScreenshotAsync(page, "calendar-2027-imported");

        // Back in the list, cn-9-18's row no longer warns (another journey here may add calendars of its own).
        await page.ClickAsync("[data-testid=nav-calendars]");
        await page.WaitForSelectorAsync("[data-testid=calendar-table]");
        await Assertions.Expect(row.Locator("[data-testid=coverage-year]")).ToHaveTextAsync(["2025", "2026", "2027"]);
        await Assertions.Expect(row.Locator("[data-testid=coverage-missing]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_copies_a_calendar_adds_an_evening_frame_is_told_it_overlaps_and_saves_after_fixing_it()
    {
        var page = await App.SignInAsync("admin");
        await page.GotoAsync("/platform/calendars");
        await page.ClickAsync("[data-testid=calendar-create]");
        await Field(page, "calendar-new-id").FillAsync("cn-evening");
        await Field(page, "calendar-new-name").FillAsync("中国大陆工作日（含晚班）");
        await page.ClickAsync("[data-testid=calendar-new-submit]");
        await page.WaitForSelectorAsync("[data-testid=calendar-name]:text-is('中国大陆工作日（含晚班）')");
        await Assertions.Expect(page.Locator("[data-testid=calendar-version]")).ToHaveTextAsync("第 1 版");

        var monday = page.Locator("[data-testid=weekday][data-day=monday]");
        await monday.Locator("[data-testid=frame-add]").ClickAsync();
        var evening = monday.Locator("[data-testid=frame]").Nth(1);
        await evening.Locator("input").First.FillAsync("17:00");
        await evening.Locator("input").First.PressAsync("Tab");
        await page.ClickAsync("[data-testid=calendar-save]");
        var confirm = page.Locator(".mud-dialog").Filter(new() { HasText = "重新计算 0 张未结售后单" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(monday.Locator("[data-testid=frame-error]")).ToContainTextAsync("重叠");
        await Assertions.Expect(page.Locator("[data-testid=save-error]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "calendar-overlap-refused");

        await evening.Locator("input").First.FillAsync("18:30");
        await evening.Locator("input").First.PressAsync("Tab");
        await page.ClickAsync("[data-testid=calendar-save]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=calendar-version]")).ToHaveTextAsync("第 2 版");
        await Assertions.Expect(monday.Locator("[data-testid=frame]")).ToHaveCountAsync(2);
        Assert.Equal("18:30", await monday.Locator("[data-testid=frame]").Nth(1).Locator("input").First.InputValueAsync());
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0);
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;
}
