using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Fault and service levels on the request page (R-IN-8): the supplier's agent classifies a request, the level deadlines
/// appear with live countdowns, and a level deadline stands still (已暂停) while the customer decides on a quote (R-SLA-1).
/// </summary>
public sealed class LevelJourneyTests : BrowserTest
{
    public LevelJourneyTests(BrowserApp app)
        : base(app) =>
        Assertions.SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task The_agent_classifies_a_request_as_level_1_A_sees_the_level_deadlines_count_down_and_the_fix_deadline_paused_while_a_quote_waits()
    {
        await PutLevelTargetsInForceAsync();
        var request = await new RequestFlow(App).CreateAsync();
        Assert.DoesNotContain(request.Deadlines, d => DeadlineCatalog.For(d.Kind).ByLevel);

        var agent = await App.SignInAsync("supplier.agent");
        await agent.GotoAsync($"/requests/{request.Id}");
        await agent.WaitForSelectorAsync("[data-testid=request-detail]");
        await Expect(agent.Locator("[data-testid=fault-level]")).ToHaveAttributeAsync("data-level", "none");
        await Expect(agent.Locator("[data-testid=action-classifyLevel]")).ToHaveTextAsync("调整故障等级");

        await agent.ClickAsync("[data-testid=action-classifyLevel]");
        await agent.WaitForSelectorAsync("[data-testid=action-dialog][data-action=classifyLevel]");
        await agent.Locator("[data-testid=classify-fault-option][data-level=Major]").ClickAsync();
        await agent.Locator("[data-testid=classify-service-option][data-level=A]").ClickAsync();
        var targets = agent.Locator("[data-testid=classify-targets]");
        await Expect(targets).ToContainTextAsync("分级回复：10 分钟");
        await Expect(targets).ToContainTextAsync("分级修复：4 小时");
        await Input(agent, "classify-note").FillAsync("2 号线全线停机");
        await agent.ClickAsync("[data-testid=action-submit]");
        await Expect(agent.Locator("[data-testid=action-dialog]")).ToHaveCountAsync(0);

        await Expect(agent.Locator("[data-testid=fault-level]")).ToHaveAttributeAsync("data-level", "Major");
        await Expect(agent.Locator("[data-testid=fault-level]")).ToHaveTextAsync("一级（重大故障）");
        await Expect(agent.Locator("[data-testid=service-level]")).ToHaveTextAsync("A 级");
        foreach (var (kind, label) in new[] { (DeadlineKind.LevelReply, "分级回复"), (DeadlineKind.LevelArrival, "分级到场"), (DeadlineKind.LevelFix, "分级修复") })
        {
            var row = agent.Locator($"[data-testid=deadline-row][data-kind={kind}]");
            await Expect(row).ToContainTextAsync(label);
            await Expect(row.Locator("[data-testid=deadline-chip]")).ToHaveAttributeAsync("data-state", "running");
            await Expect(row.Locator("[data-testid=deadline-chip]")).ToContainTextAsync("剩余");
        }

        await Expect(agent.Locator("[data-testid=timeline]")).ToContainTextAsync("调整故障等级");
        await BrowserApp.ScreenshotAsync(agent, "level-classified-countdowns");

        // The agent receives and quotes paid work; while the customer decides, the fix deadline stands still.
        var api = await App.ClientForAsync("supplier.agent");
        await api.ActAsync(request.Id, "receive", new { note = "远程确认为外壳撞击" });
        var quoted = await api.ActAsync(request.Id, "judge", new
        {
            responsibility = "humanDamage",
            outcome = "paid",
            analysis = "外壳撞击变形，属人为损坏",
            quote = new { lines = new[] { new { kind = "parts", description = "控制面板", quantity = 1, unitPrice = new { amount = "800.00", currency = "CNY" } } } },
            exclusion = "tampering", // R-JDG-2: paid work on an asset in warranty cites its exclusion
        });
        Assert.Equal(ServiceRequestStatus.QuotePending, quoted.Status);

        await agent.ClickAsync("[data-testid=refresh]");
        var fix = agent.Locator("[data-testid=deadline-row][data-kind=LevelFix]");
        await Expect(fix.Locator("[data-testid=deadline-chip]")).ToHaveAttributeAsync("data-state", "paused");
        await Expect(fix.Locator("[data-testid=deadline-chip]")).ToHaveTextAsync("已暂停");
        await Expect(fix).ToContainTextAsync("暂停中，恢复后顺延");
        await Expect(agent.Locator("[data-testid=deadline-row][data-kind=LevelReply] [data-testid=deadline-chip]")).ToHaveAttributeAsync("data-state", "met");
        await Expect(agent.Locator("[data-testid=penalties]")).ToBeVisibleAsync();
        Assert.DoesNotMatch(new Regex(@"\b(DeadlineKind|Action|DeadlineParty|FaultLevel)\.[A-Z]"), await agent.InnerTextAsync("[data-testid=request-detail]"));
        await BrowserApp.ScreenshotAsync(agent, "level-fix-paused-quote-pending");
    }

    [Fact]
    public async Task A_customer_files_a_request_with_a_fault_level_and_service_level()
    {
        await PutLevelTargetsInForceAsync();
        var customer = await App.SignInAsync("customer");
        await customer.GotoAsync("/requests/new?order=PO-2026-0001&asset=EQ-0003&type=technicalSupport");
        await customer.WaitForSelectorAsync("[data-testid=fault-level]");
        await Input(customer, "symptom").FillAsync("伺服驱动报警 AL.21，整线停机");
        await Input(customer, "contact-phone").FillAsync("13800000000");
        await ChooseAsync(customer, "fault-level", "一级（重大故障）");
        await Expect(customer.Locator(".mud-input-helper-text").Filter(new() { HasText = "关键业务数据丢失" })).ToBeVisibleAsync();
        await ChooseAsync(customer, "service-level", "B 级");

        await customer.ClickAsync("[data-testid=submit]");
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");

        await Expect(customer.Locator("[data-testid=fault-level]")).ToHaveAttributeAsync("data-level", "Major");
        await Expect(customer.Locator("[data-testid=service-level]")).ToHaveAttributeAsync("data-level", "B");
        await Expect(customer.Locator("[data-testid=deadline-row][data-kind=LevelReply] [data-testid=deadline-chip]")).ToContainTextAsync("剩余");
        await BrowserApp.ScreenshotAsync(customer, "level-filed-by-customer");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea):not([type=hidden])").First;

    private static async Task ChooseAsync(IPage page, string testId, string optionText)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(optionText, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The demo supplier's manager announces a version with [004]'s targets by level (R-IN-8) — the [000] preset has none —
    /// and the clock moves past its effective date (R-SLA-1), once per test class.
    /// </summary>
    private async Task PutLevelTargetsInForceAsync()
    {
        var manager = await App.ClientForAsync("supplier.manager");
        var me = await manager.GetAsync<System.Text.Json.JsonElement>("/api/v1/me");
        var supplierId = me.GetProperty("organization").GetProperty("id").GetGuid();
        var current = Assert.Single(await manager.GetAsync<List<PolicyVersionView>>($"/api/v1/policies?supplierId={supplierId}"), v => v.Status == PolicyVersionStatus.Current);
        if (current.Figures.LevelTargets.Count > 0)
        {
            return;
        }

        var figures = current.Figures with { LevelTargets = PolicyPresets.Get(PolicyPresets.MachineryDealer).Figures.LevelTargets };
        var effectiveFrom = PolicyVersioning.EarliestEffectiveFrom(App.Clock.GetUtcNow(), WorkingCalendars.Cn918);
        await (await manager.PostJsonAsync("/api/v1/policies", new IssuePolicyVersion.Command(null, "华东精密售后政策（分级时效）", effectiveFrom, figures)))
            .ReadAsync<PolicyVersionView>(HttpStatusCode.Created);
        App.Clock.Advance(effectiveFrom - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
    }
}
