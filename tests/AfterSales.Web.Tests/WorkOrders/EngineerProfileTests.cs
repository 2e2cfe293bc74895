using System.Net;
using System.Net.Http.Json;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// 工程师档案 (R-EXE-2): a dispatcher keeps an engineer's certificates; a renewed certificate lets the engineer take the
/// certified work their expired one was refused, and the engineer may not edit profiles. Another supplier sees none.
/// </summary>
public sealed class EngineerProfileTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Renewing_an_expired_certificate_lets_the_engineer_take_certified_work()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var manager = await App.ClientForAsync("supplier.manager");
        var managerId = (await manager.MeAsync()).Id;
        var engineers = await manager.GetAsync<List<EngineerView>>("/api/v1/engineers");
        var zhou = Assert.Single(engineers, e => e.UserId == managerId);
        Assert.Equal(("上海", false), (zhou.BaseCity, Assert.Single(zhou.Certificates).Valid));
        Assert.Empty(await (await App.ClientForAsync("supplier2.agent")).GetAsync<List<EngineerView>>("/api/v1/engineers"));

        var order = await manager.CreateWorkOrderAsync(WorkOrderCalls.OnSite(request.Id));
        await (await manager.PostJsonAsync($"/api/v1/work-orders/{order.Id}/dispatch", new { engineerUserId = managerId })).NamesRuleAsync("R-EXE-2");

        var profile = new
        {
            baseCity = "苏州", calendarId = "cn-9-18", skills = new[] { "数控系统", "PLC" },
            certificates = new[] { new { type = "electrician", number = "T310100197905054321", expiresOn = "2029-12-31" } },
        };
        await (await (await App.ClientForAsync("supplier.engineer")).PutAsJsonAsync($"/api/v1/engineers/{managerId}", profile, AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PutAsJsonAsync($"/api/v1/engineers/{managerId}", new { baseCity = " ", certificates = Array.Empty<object>() }, AfterSalesApp.Json, Ct)).NamesFieldAsync("baseCity");
        var renewed = await (await manager.PutAsJsonAsync($"/api/v1/engineers/{managerId}", profile, AfterSalesApp.Json, Ct)).ReadAsync<EngineerView>();
        Assert.Equal(("苏州", true), (renewed.BaseCity, Assert.Single(renewed.Certificates).Valid));

        var dispatched = await manager.WorkOrderActAsync(order.Id, "dispatch", new { engineerUserId = managerId });
        Assert.Equal((WorkOrderStatus.Dispatched, "周杰", order.CreatedAt.AddHours(24)), (dispatched.Status, dispatched.AssigneeName, dispatched.ArrivalDueAt));
        Assert.Equal(1, (await manager.GetAsync<List<EngineerView>>("/api/v1/engineers")).Single(e => e.UserId == managerId).OpenWorkOrders);
    }
}
