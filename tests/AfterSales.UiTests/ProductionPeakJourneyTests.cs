using System.Globalization;
using System.Net;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 生产高峰时段 (R-EXE-1): the customer records its line's peak hours on the asset page; the dispatcher scheduling a
/// remote window on the work-order page is warned, refused inside the peak, and may go ahead once the customer agreed.
/// </summary>
public sealed class ProductionPeakJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task The_customer_records_peak_hours_and_the_dispatcher_keeps_the_remote_window_out_of_them_unless_the_customer_agreed()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);

        var customer = await SignInToAsync("customer", "/assets/EQ-0001");
        var peaks = customer.Locator("[data-testid=production-peaks]");
        await Expect(peaks.Locator("[data-testid=peaks-value]")).ToHaveTextAsync("未登记");
        await peaks.Locator("[data-testid=peaks-edit]").ClickAsync();
        await Input(customer, "peaks-input").FillAsync("8点到12点");
        await peaks.Locator("[data-testid=peaks-save]").ClickAsync();
        await Expect(peaks).ToContainTextAsync("不是有效的时段");
        await Input(customer, "peaks-input").FillAsync("13:30-17:00, 08:00-11:30");
        await peaks.Locator("[data-testid=peaks-save]").ClickAsync();
        await Expect(peaks.Locator("[data-testid=peaks-value]")).ToHaveTextAsync("08:00–11:30，13:30–17:00");
        await BrowserApp.ScreenshotAsync(customer, "asset-production-peaks");

        var agent = await App.ClientForAsync("supplier.agent");
        var order = await (await agent.PostJsonAsync("/api/v1/work-orders", new { requestId = request.Number, kind = "remote", summary = "远程调整伺服参数" }))
            .ReadAsync<WorkOrderView>(HttpStatusCode.Created);

        var dispatcher = await SignInToAsync("supplier.agent", $"/work-orders/{order.Id}");
        var panel = dispatcher.Locator("[data-testid=wo-schedule]");
        await Expect(panel.Locator("[data-testid=wo-peaks]")).ToContainTextAsync("08:00–11:30，13:30–17:00");

        var tomorrow = ServiceZone.DateOf(App.Clock.GetUtcNow()).AddDays(1);
        await Input(dispatcher, "wo-schedule-start").FillAsync(Local(tomorrow, 10));
        await Input(dispatcher, "wo-schedule-end").FillAsync(Local(tomorrow, 11));
        await Input(dispatcher, "wo-schedule-link").FillAsync("https://remote.example.cn/s/9001");
        await panel.Locator("[data-testid=wo-schedule-save]").ClickAsync();
        await Expect(panel.Locator("[data-testid=wo-schedule-error]")).ToContainTextAsync("生产高峰时段 08:00–11:30");
        await Expect(dispatcher.Locator("[data-testid=work-order]")).ToHaveAttributeAsync("data-status", "Created");

        await panel.GetByText("客户同意在生产高峰时段进行").ClickAsync();
        await panel.Locator("[data-testid=wo-schedule-save]").ClickAsync();
        await Expect(dispatcher.Locator("[data-testid=work-order]")).ToHaveAttributeAsync("data-status", "Scheduled");
        await Expect(dispatcher.Locator("[data-testid=wo-entry][data-action=schedule]")).ToContainTextAsync("客户已同意");
        await BrowserApp.ScreenshotAsync(dispatcher, "work-order-scheduled-in-peak");
    }

    private static string Local(DateOnly day, int hour) =>
        ServiceZone.ToLocal(ServiceZone.At(day, new TimeOnly(hour, 0))).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
