using System.Net;
using System.Net.Http.Json;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// 生产高峰时段 (R-EXE-1 [000] "远程服务时间避开客户生产高峰"): the customer records when its line must not be disturbed on
/// the asset; a remote window that touches it is refused naming the peak, unless the customer agreed.
/// </summary>
public sealed class ProductionPeakTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Url = "/api/v1/assets/EQ-0001/production-peaks";

    [Fact]
    public async Task The_customer_records_its_peaks_and_a_remote_window_inside_them_needs_the_customers_agreement()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var customer = await App.ClientForAsync("customer");
        Assert.Null((await customer.GetAsync<ProductionPeaksView>(Url)).ProductionPeaks);

        // Bad input names the field and changes nothing; outsiders see nothing; an engineer may not change them.
        await (await customer.PutAsJsonAsync(Url, new { productionPeaks = "8点到12点" }, AfterSalesApp.Json, Ct)).NamesFieldAsync("productionPeaks");
        await (await (await App.ClientForAsync("supplier2.agent")).PutAsJsonAsync(Url, new { productionPeaks = "08:00-12:00" }, AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.ClientForAsync("supplier.engineer")).PutAsJsonAsync(Url, new { productionPeaks = "08:00-12:00" }, AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await customer.GetAsync<ProductionPeaksView>(Url)).ProductionPeaks);

        var saved = await (await customer.PutAsJsonAsync(Url, new { productionPeaks = "13:30-17:00, 08:00-11:30" }, AfterSalesApp.Json, Ct)).ReadAsync<ProductionPeaksView>();
        Assert.Equal(("08:00–11:30，13:30–17:00", true), (saved.ProductionPeaks, saved.CanEdit));

        var agent = await App.ClientForAsync("supplier.agent");
        var order = await agent.CreateWorkOrderAsync(new { requestId = request.Number, kind = "remote", summary = "远程调整伺服参数" });
        Assert.Equal("08:00–11:30，13:30–17:00", order.SiteProductionPeaks);

        var tomorrow = ServiceZone.DateOf(App.Clock.GetUtcNow()).AddDays(1);
        var inPeak = ServiceZone.At(tomorrow, new TimeOnly(10, 0));
        var refused = await (await agent.PostJsonAsync($"/api/v1/work-orders/{order.Id}/schedule", new { scheduledStart = inPeak, scheduledEnd = inPeak.AddHours(1) })).NamesRuleAsync("R-EXE-1");
        Assert.Contains("08:00–11:30", refused.GetProperty("detail").GetString());
        Assert.Null((await agent.WorkOrderAsync(order.Id)).ScheduledStart);

        var lunch = ServiceZone.At(tomorrow, new TimeOnly(11, 30));
        Assert.Equal(lunch, (await agent.WorkOrderActAsync(order.Id, "schedule", new { scheduledStart = lunch, scheduledEnd = lunch.AddHours(2) })).ScheduledStart);

        var agreed = await agent.WorkOrderActAsync(order.Id, "schedule", new { scheduledStart = inPeak, scheduledEnd = inPeak.AddHours(1), peakAgreed = true });
        Assert.Equal(inPeak, agreed.ScheduledStart);
        Assert.Contains("客户已同意", agreed.Timeline[^1].Note);

        // Cleared by the customer, the peaks no longer hold a window back.
        await (await customer.PutAsJsonAsync(Url, new { productionPeaks = "" }, AfterSalesApp.Json, Ct)).ReadAsync<ProductionPeaksView>();
        var free = await agent.WorkOrderActAsync(order.Id, "schedule", new { scheduledStart = inPeak, scheduledEnd = inPeak.AddHours(1) });
        Assert.Null(free.SiteProductionPeaks);
    }
}
