using System.Globalization;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 售后政策版本 (R-SLA-1) in the browser: the supplier's service manager reads the version in force and announces the
/// next one with new deadline targets; a date inside the 7-working-day notice is refused on the form.
/// </summary>
public sealed class PolicyJourneyTests : BrowserTest
{
    public PolicyJourneyTests(BrowserApp app)
        : base(app) =>
        Assertions.SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task The_supplier_manager_announces_a_new_version_seven_working_days_ahead_and_sees_it_upcoming()
    {
        var manager = await App.SignInAsync("supplier.manager");
        await manager.ClickAsync("[data-testid=nav-policies]");
        await manager.WaitForSelectorAsync("[data-testid=versions]");
        var current = manager.Locator("[data-testid=version][data-status=Current]");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current.Locator("[data-testid=policy-deadline][data-kind=Receive] [data-testid=policy-target]")).ToHaveTextAsync("2 小时");
        await Expect(current.Locator("[data-testid=policy-penalty]")).ToHaveCountAsync(2);

        await manager.ClickAsync("[data-testid=announce]");
        await manager.WaitForSelectorAsync("[data-testid=issue-dialog]");
        var earliest = PolicyVersioning.EarliestEffectiveFrom(App.Clock.GetUtcNow(), WorkingCalendars.Cn918);
        await Expect(Input(manager, "issue-effective")).ToHaveValueAsync(Local(earliest));
        await Input(manager, "issue-name").FillAsync("华东精密售后政策（2027 版）");
        await TargetAmount(manager, DeadlineKind.Receive).FillAsync("1");
        await TargetAmount(manager, DeadlineKind.QuoteDecision).FillAsync("48");

        // One day inside the notice: refused on the form, naming the earliest date.
        await Input(manager, "issue-effective").FillAsync(Local(earliest.AddDays(-1)));
        await manager.Locator("[data-testid=issue-confirm]").ClickAsync();
        await manager.ClickAsync("[data-testid=issue-submit]");
        await Expect(manager.Locator("[data-testid=issue-dialog]")).ToContainTextAsync($"生效时间不能早于 {ServiceZone.ToLocal(earliest):yyyy-MM-dd HH:mm}");
        await BrowserApp.ScreenshotAsync(manager, "policy-announce-too-early");

        // The supplier's own invoicing figures (R-FEE-1): a 6 % service VAT instead of the 13 % default.
        await Expect(Input(manager, "issue-tax")).ToHaveValueAsync("13");
        await Input(manager, "issue-tax").FillAsync("6");
        await Input(manager, "issue-term").ClickAsync();

        await Input(manager, "issue-effective").FillAsync(Local(earliest));
        await manager.ClickAsync("[data-testid=issue-submit]");
        await Expect(manager.Locator("[data-testid=issue-dialog]")).ToHaveCountAsync(0);

        var upcoming = manager.Locator("[data-testid=version][data-status=Upcoming]");
        await Expect(upcoming).ToHaveCountAsync(1);
        await Expect(upcoming).ToContainTextAsync("华东精密售后政策（2027 版）");
        await Expect(upcoming).ToContainTextAsync($"{ServiceZone.ToLocal(earliest):yyyy-MM-dd HH:mm}");
        await Expect(upcoming.Locator("[data-testid=policy-deadline][data-kind=Receive] [data-testid=policy-target]")).ToHaveTextAsync("1 小时");
        await Expect(upcoming.Locator("[data-testid=policy-deadline][data-kind=QuoteDecision] [data-testid=policy-target]")).ToHaveTextAsync("48 小时");
        await Expect(upcoming.Locator("[data-testid=figure-invoice-tax]")).ToHaveTextAsync("6%");
        await Expect(manager.Locator("[data-testid=version][data-status=Current] [data-testid=policy-deadline][data-kind=Receive] [data-testid=policy-target]")).ToHaveTextAsync("2 小时");
        await BrowserApp.ScreenshotAsync(manager, "policy-announced-upcoming");
    }

    [Fact]
    public async Task The_platform_reads_the_level_targets_of_a_supplier_it_picks()
    {
        var platform = await App.SignInAsync("platform");
        await platform.ClickAsync("[data-testid=nav-policies]");
        await platform.WaitForSelectorAsync("[data-testid=versions]");
        await Expect(platform.Locator("[data-testid=announce]")).ToHaveCountAsync(0);

        await platform.ClickAsync("[data-testid=supplier-select]");
        await platform.Locator(".mud-popover-open .mud-list-item").GetByText("中山天伟电机电器有限公司", new() { Exact = true }).ClickAsync();
        var current = platform.Locator("[data-testid=version][data-status=Current]");
        await Expect(current).ToContainTextAsync("工厂产品售后服务方案");
        await Expect(current.Locator("[data-testid=policy-deadline][data-kind=Receive] [data-testid=policy-target]")).ToHaveTextAsync("1 小时");
        await Expect(current.Locator("[data-testid=policy-warranty]")).ToContainTextAsync("12 个月");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea):not([type=hidden])").First;

    private static ILocator TargetAmount(IPage page, DeadlineKind kind) =>
        page.Locator($"[data-testid=target-row][data-kind={kind}] :is(input[data-testid=target-amount], [data-testid=target-amount] input)").First;

    private static string Local(DateTimeOffset instant) => ServiceZone.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
