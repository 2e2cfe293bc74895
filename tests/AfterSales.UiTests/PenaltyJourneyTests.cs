using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The money a breach costs, through the UI (R-PEN-2, R-PEN-3): the platform waives a 500.00 deposit deduction with a
/// reason and the supplier's own ledger shows it struck through with that reason, its deposit no longer charged.
/// </summary>
public sealed class PenaltyJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Reason = "客户确认已电话响应，系统受理延迟，予以免除";

    [Fact]
    public async Task The_platform_waives_a_penalty_with_a_reason_and_the_supplier_sees_it_waived()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await App.ClientForAsync("customer");
        var request = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        var due = request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).DueAt;
        App.Clock.Advance(due - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await App.Monitor.RunOnceAsync(ct);
        var penalty = Assert.Single((await (await App.ClientForAsync("platform")).GetAsync<Page<LedgerRow>>($"/api/v1/penalties?requestId={request.Id}")).Items);

        var platform = await App.SignInAsync("platform");
        await platform.ClickAsync("[data-testid=nav-penalties]");
        var row = Row(platform, penalty.Id);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid=ledger-amount]")).ToHaveTextAsync("¥500.00");
        await Assertions.Expect(row).ToContainTextAsync("华东精密机械有限公司");
        await Assertions.Expect(row.Locator("[data-testid=ledger-line]")).ToHaveAttributeAsync("data-waived", "false");
        await BrowserApp.ScreenshotAsync(platform, "penalties-platform");

        await row.Locator("[data-testid=waive-penalty]").ClickAsync();
        var dialog = platform.Locator("[data-testid=waive-dialog]");
        await Assertions.Expect(dialog.Locator("[data-testid=waive-line]")).ToContainTextAsync(request.Number);
        await Assertions.Expect(platform.Locator("[data-testid=waive-submit]")).ToBeDisabledAsync();
        await platform.Locator("[data-testid=waive-reason]").FillAsync(Reason);
        await platform.GetByText("我确认免除该笔违约金").ClickAsync();
        await BrowserApp.ScreenshotAsync(platform, "penalties-waive-dialog");
        await platform.ClickAsync("[data-testid=waive-submit]");

        await Assertions.Expect(row.Locator("[data-testid=ledger-line]")).ToHaveAttributeAsync("data-waived", "true");
        await Assertions.Expect(row.Locator("[data-testid=waiver-reason]")).ToContainTextAsync(Reason);
        await Assertions.Expect(row.Locator("[data-testid=waiver-reason]")).ToContainTextAsync("王敏");
        await Assertions.Expect(row.Locator("[data-testid=waive-penalty]")).ToHaveCountAsync(0);

        var supplier = await App.SignInAsync("supplier.agent");
        await supplier.ClickAsync("[data-testid=nav-penalties]");
        var own = Row(supplier, penalty.Id);
        await Assertions.Expect(own.Locator("[data-testid=ledger-line]")).ToHaveAttributeAsync("data-waived", "true");
        await Assertions.Expect(own.Locator("[data-testid=ledger-status]")).ToHaveTextAsync("已免除");
        await Assertions.Expect(own.Locator("[data-testid=waiver-reason]")).ToContainTextAsync(Reason);
        await Assertions.Expect(own.Locator("[data-testid=ledger-amount]")).ToHaveCSSAsync("text-decoration-line", "line-through");
        await Assertions.Expect(own.Locator("[data-testid=waive-penalty]")).ToHaveCountAsync(0);
        await Assertions.Expect(supplier.Locator("[data-testid=balance-card]")).ToHaveCountAsync(1);
        await Assertions.Expect(supplier.Locator("[data-testid=balance-waived]")).ToHaveTextAsync("¥500.00");
        await BrowserApp.ScreenshotAsync(supplier, "penalties-supplier-waived");
    }

    [Fact]
    public async Task The_platform_admin_records_a_deposit_payment_and_the_supplier_sees_its_balance()
    {
        var admin = await App.SignInAsync("admin");
        await admin.ClickAsync("[data-testid=nav-penalties]");
        await admin.ClickAsync("[data-testid=record-deposit]");
        var dialog = admin.Locator("[data-testid=deposit-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator(".mud-select").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "华东精密机械有限公司" }).First.ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=deposit-supplier]")).ToHaveTextAsync("华东精密机械有限公司");
        await admin.Locator("[data-testid=deposit-amount]").FillAsync("10000");
        await admin.Locator("[data-testid=deposit-note]").FillAsync("2026 年度保证金，银行回单 B-20261123");
        await BrowserApp.ScreenshotAsync(admin, "penalties-deposit-dialog");
        await admin.ClickAsync("[data-testid=deposit-submit]");

        var line = admin.Locator("[data-testid=ledger-table] tbody tr").Filter(new() { Has = admin.Locator("[data-testid=ledger-line][data-kind=DepositTopUp]") });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line.Locator("[data-testid=ledger-amount]")).ToHaveTextAsync("+¥10,000.00");
        await Assertions.Expect(line).ToContainTextAsync("李强");

        var supplier = await App.SignInAsync("supplier.manager");
        await supplier.ClickAsync("[data-testid=nav-penalties]");
        await Assertions.Expect(supplier.Locator("[data-testid=balance-paid]")).ToHaveTextAsync("¥10,000.00");
        await Assertions.Expect(supplier.Locator("[data-testid=balance-deposit]")).ToHaveTextAsync("¥10,000.00");
        await Assertions.Expect(supplier.Locator("[data-testid=record-deposit]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(supplier, "penalties-supplier-deposit");
    }

    private static ILocator Row(IPage page, Guid lineId) =>
        page.Locator("[data-testid=ledger-table] tbody tr").Filter(new() { Has = page.Locator($"[data-testid=ledger-line][data-id='{lineId}']") });
}
