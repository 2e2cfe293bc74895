using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Deadlines;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.UiTests;

/// <summary>
/// A missed deadline as people meet it (R-SLA-3, R-X-1): the agent's bell rings, its notification leads to the request,
/// the inbox page marks the rest read, and the platform's deadline board shows the supplier's breach.
/// </summary>
public sealed class NotificationJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Supplier = "华东精密机械有限公司";

    [Fact]
    public async Task A_recorded_breach_rings_the_agents_bell_leads_to_the_request_and_shows_on_the_platforms_board()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = await PendingReceiptAsync();

        // Past the 2-hour receive deadline of the B2B-platform preset: the breach and the first escalation step, to the agent.
        App.Clock.Advance(TimeSpan.FromHours(3));
        await App.Monitor.RunOnceAsync(ct);
        var inbox = await (await App.ClientForAsync("supplier.agent")).GetAsync<NotificationList>("/api/v1/notifications");
        Assert.True(inbox.UnreadCount >= 2, $"unread {inbox.UnreadCount}");

        var agent = await App.SignInAsync("supplier.agent");
        var bell = agent.Locator("[data-testid=notification-bell]");
        await Expect(bell).ToHaveAttributeAsync("data-unread", inbox.UnreadCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(agent.Locator(".mud-badge")).ToContainTextAsync(inbox.UnreadCount.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await bell.ClickAsync();
        var breached = agent.Locator("[data-testid=notification-item]").Filter(new() { HasText = $"【已超时】{request.Number}" });
        await Expect(breached).ToHaveCountAsync(1);
        await Expect(breached).ToHaveAttributeAsync("data-read", "false");
        await Expect(agent.Locator("[data-testid=notification-item]").Filter(new() { HasText = $"【超时升级·第 1 级】{request.Number}" })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(agent, "notification-bell");

        await breached.ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex($"/requests/{request.Id}$"));
        await Expect(agent.Locator("[data-testid=request-number]")).ToHaveTextAsync(request.Number);
        await Expect(bell).ToHaveAttributeAsync("data-unread", (inbox.UnreadCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await agent.ClickAsync("[data-testid=nav-notifications]");
        var rows = agent.Locator("[data-testid=notifications-row]");
        await Expect(rows.Filter(new() { HasText = $"【已超时】{request.Number}" })).ToHaveAttributeAsync("data-read", "true");
        await Expect(rows.Filter(new() { HasText = $"【超时升级·第 1 级】{request.Number}" })).ToHaveAttributeAsync("data-read", "false");
        await BrowserApp.ScreenshotAsync(agent, "notifications-page");
        await agent.ClickAsync("[data-testid=notifications-read-all]");
        await Expect(rows.Filter(new() { HasText = $"【超时升级·第 1 级】{request.Number}" })).ToHaveAttributeAsync("data-read", "true");
        await Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        // The supplier's own board: its card alone.
        await agent.ClickAsync("[data-testid=nav-deadlines]");
        await Expect(agent.Locator("[data-testid=board-card]")).ToHaveCountAsync(1);
        await Expect(agent.Locator("[data-testid=board-card]")).ToHaveAttributeAsync("data-supplier", Supplier);

        // A second request, just filed: its receipt deadline is the next to fall due and counts down on the board.
        var next = await PendingReceiptAsync();
        var board = await (await App.ClientForAsync("platform")).GetAsync<DeadlineBoard>("/api/v1/deadlines/board");
        var expected = board.Suppliers.Single(s => s.SupplierName == Supplier);
        Assert.True(expected.BreachedOpen >= 1);

        var platform = await App.SignInAsync("platform");
        await platform.ClickAsync("[data-testid=nav-deadlines]");
        var card = platform.Locator($"[data-testid=board-card][data-supplier='{Supplier}']");
        await Expect(card.Locator("[data-testid=board-breached]")).ToHaveAttributeAsync("data-count", expected.BreachedOpen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(card.Locator("[data-testid=board-recent]")).ToHaveAttributeAsync("data-count", expected.BreachedLast30Days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("已超时未完成", await card.InnerTextAsync(), StringComparison.Ordinal);
        var upcoming = card.Locator("[data-testid=board-next-row]").Filter(new() { Has = platform.Locator($"[data-testid=board-next-number]:text-is('{next.Number}')") });
        await Expect(upcoming.Locator("[data-testid=deadline-chip]")).ToHaveAttributeAsync("data-state", "running");
        await Expect(upcoming.Locator("[data-testid=deadline-chip]")).ToContainTextAsync("剩余");
        await BrowserApp.ScreenshotAsync(platform, "platform-deadline-board");
    }

    [Fact]
    public async Task A_deadline_waiting_on_the_customer_shows_as_paused_in_grey_without_a_countdown_however_long_it_waits()
    {
        // Preset [004]: a major fault's fix deadline (4 h) stands still while the supplier verifies with the customer (R-IN-8, R-SLA-1).
        var request = await PendingReceiptAsync();
        var admin = await App.ClientForAsync("admin");
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{request.Supplier.Id}/policy", new { policyPreset = PolicyPresets.MachineryDealer }, AfterSalesApp.Json, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        request = await PendingReceiptAsync();
        var agentApi = await App.ClientForAsync("supplier.agent");
        await agentApi.ActAsync(request.Id, "classifyLevel", new { faultLevel = "major", serviceLevel = "A" });
        await agentApi.ActAsync(request.Id, "receive", new { note = "已受理" });
        await agentApi.ActAsync(request.Id, "judge", new { responsibility = "undetermined", outcome = "needsVerification", analysis = "请提供报警时的操作日志" });
        App.Clock.Advance(TimeSpan.FromHours(5));

        var agent = await App.SignInAsync("supplier.agent");
        await agent.GotoAsync($"/requests/{request.Id}");
        var chip = agent.Locator("[data-testid=deadline-row][data-kind=LevelFix] [data-testid=deadline-chip]");
        await Expect(chip).ToHaveAttributeAsync("data-state", "paused");
        await Expect(chip).ToHaveTextAsync("已暂停");
        await Expect(chip).ToHaveClassAsync(new Regex("mud-chip-color-default"));
        await BrowserApp.ScreenshotAsync(agent, "deadline-paused");
    }

    /// <summary>A technical-support request of the demo customer (no certificate needed under any preset), pending receipt.</summary>
    private async Task<ServiceRequestView> PendingReceiptAsync()
    {
        var customer = await App.ClientForAsync("customer");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);
        return created;
    }
}
