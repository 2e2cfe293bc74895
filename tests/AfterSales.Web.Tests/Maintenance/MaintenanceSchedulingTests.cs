using AfterSales.Domain.Notifications;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Maintenance;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using AfterSales.Web.Tests.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Maintenance;

/// <summary>
/// 维保排程 (R-MNT-1, R-RV-2): a plan's visit is generated 14 days ahead as an inspection work order under a 维保 request the
/// system filed — exactly once however often and however many runs at once — and both sides are reminded once, 7 days ahead.
/// </summary>
public sealed class MaintenanceSchedulingTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_visit_is_generated_once_as_an_inspection_work_order_and_both_sides_are_reminded_once_seven_days_ahead()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var scheduler = App.Services.GetRequiredService<MaintenanceScheduler>();
        var due = App.Today().AddDays(20);
        var plan = await agent.CreatePlanAsync(due);
        Assert.Equal([due, due.AddMonths(3), due.AddMonths(6)], plan.NextDueDates.Take(3));

        // The preview shows the visit before anything is generated; 20 days out it is not generated yet.
        var preview = await agent.GetAsync<List<UpcomingVisitView>>("/api/v1/maintenance-plans/upcoming?days=30");
        Assert.False(Assert.Single(preview, v => v.PlanId == plan.Id).Generated);
        await scheduler.RunAsync(Ct);
        Assert.Empty(await agent.VisitsOfAsync(plan.Id));

        // 13 days before the due date: two instances and an operator's run at once make one visit.
        App.AdvanceDays(7);
        agent = await App.ClientForAsync("supplier.agent");
        await Task.WhenAll(scheduler.RunAsync(Ct), scheduler.RunAsync(Ct), agent.PostJsonAsync("/api/v1/maintenance-plans/generate", null));
        await scheduler.RunAsync(Ct);
        var visit = Assert.Single(await agent.VisitsOfAsync(plan.Id));
        Assert.Equal((1, due, "scheduled"), (visit.Sequence, visit.DueOn, visit.ReportState));
        Assert.Null(visit.RemindedAt);
        Assert.True(Assert.Single(await agent.GetAsync<List<UpcomingVisitView>>("/api/v1/maintenance-plans/upcoming?days=30"), v => v.PlanId == plan.Id && v.DueOn == due).Generated);

        // The work order is an inspection on the due date under a 维保 request the system filed and received.
        var workOrder = await agent.WorkOrderAsync(visit.WorkOrderId);
        Assert.Equal((WorkOrderKind.Inspection, visit.WorkOrderNumber, visit.ServiceRequestId), (workOrder.Kind, workOrder.Number, workOrder.ServiceRequestId));
        Assert.Contains("主轴润滑", workOrder.Summary);
        var request = await agent.RequestAsync(visit.ServiceRequestId);
        Assert.Equal((ServiceType.Maintenance, ServiceRequestStatus.UnderAssessment, "EQ-0101"), (request.Type, request.Status, request.AssetSerial));
        var customer = await App.ClientForAsync("customer");
        Assert.Equal(visit.WorkOrderId, Assert.Single(await customer.VisitsOfAsync(plan.Id)).WorkOrderId);

        // 7 days ahead: reminded once, to the customer and to the supplier's desk, however often the pass runs.
        Assert.DoesNotContain((await customer.GetAsync<NotificationList>("/api/v1/notifications")).Items, n => n.Link == $"/maintenance/visits/{visit.Id}");
        App.AdvanceDays(6);
        await Task.WhenAll(scheduler.RunAsync(Ct), scheduler.RunAsync(Ct));
        await scheduler.RunAsync(Ct);
        foreach (var user in new[] { "customer", "supplier.agent" })
        {
            var client = await App.ClientForAsync(user);
            var reminder = Assert.Single((await client.GetAsync<NotificationList>("/api/v1/notifications?page[size]=200")).Items, n => n.Link == $"/maintenance/visits/{visit.Id}");
            Assert.Equal(NotificationKind.MaintenanceDue, reminder.Kind);
            Assert.Contains(due.ToString("yyyy-MM-dd"), reminder.Title);
            Assert.Contains(visit.WorkOrderNumber, reminder.Body);
        }

        var other = await App.ClientForAsync("customer2");
        Assert.DoesNotContain((await other.GetAsync<NotificationList>("/api/v1/notifications?page[size]=200")).Items, n => n.Link == $"/maintenance/visits/{visit.Id}");
        Assert.NotNull((await (await App.ClientForAsync("supplier.agent")).GetAsync<MaintenanceVisitView>($"/api/v1/maintenance-visits/{visit.Id}")).RemindedAt);
    }

    [Fact]
    public async Task An_ended_plan_generates_no_further_visit_and_asks_for_a_reason()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var plan = await agent.CreatePlanAsync(App.Today().AddDays(30), "待结束的计划");
        await (await agent.PostJsonAsync($"/api/v1/maintenance-plans/{plan.Id}/end", new { reason = "" })).NamesFieldAsync("reason");
        var customer = await App.ClientForAsync("customer");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await customer.PostJsonAsync($"/api/v1/maintenance-plans/{plan.Id}/end", new { reason = "不需要" })).StatusCode);
        var ended = await (await agent.PostJsonAsync($"/api/v1/maintenance-plans/{plan.Id}/end", new { reason = "客户设备已报废" })).ReadAsync<MaintenancePlanView>();
        Assert.Equal(("已结束", false), (ended.StatusText, ended.MayEnd));
        Assert.Empty(ended.NextDueDates);

        App.AdvanceDays(20);
        await App.Services.GetRequiredService<MaintenanceScheduler>().RunAsync(Ct);
        Assert.Empty(await (await App.ClientForAsync("supplier.agent")).VisitsOfAsync(plan.Id));
    }
}
