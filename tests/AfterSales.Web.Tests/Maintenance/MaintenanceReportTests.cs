using System.Net;
using AfterSales.Domain.Maintenance;
using AfterSales.Web.Features.Maintenance;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Ratings;
using AfterSales.Web.Tests.ServiceRequests;
using AfterSales.Web.Tests.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Maintenance;

/// <summary>
/// 保养/巡检报告 (R-EXE-3, R-MNT-1): after the inspection the engineer reports every plan item, the findings and the next
/// date; it is due by the 3rd working day after the visit (cn-9-18, weekends not counted) and shown as met or late; the
/// customer reads it, another customer cannot even see the visit.
/// </summary>
public sealed class MaintenanceReportTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_report_is_due_three_working_days_after_the_visit_is_met_when_filed_in_time_and_the_customer_reads_it()
    {
        // 2026-11-23 is a Monday: the visit is due on Thursday 26 November, generated at once (within 14 days).
        var agent = await App.ClientForAsync("supplier.agent");
        var due = new DateOnly(2026, 11, 26);
        var plan = await agent.CreatePlanAsync(due);
        await App.Services.GetRequiredService<MaintenanceScheduler>().RunAsync(Ct);
        var visit = Assert.Single(await agent.VisitsOfAsync(plan.Id));

        // The engineer does the work on the 26th: dispatched, checked in and out (an inspection needs no signed sheet).
        App.MoveTo(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(8)));
        agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        await agent.WorkOrderActAsync(visit.WorkOrderId, "dispatch", new { engineerUserId = (await engineer.MeAsync()).Id });
        await engineer.WorkOrderActAsync(visit.WorkOrderId, "checkIn");
        await engineer.WorkOrderActAsync(visit.WorkOrderId, "checkOut", new { note = "巡检完成" });

        // Due on Tuesday 1 December: Fri 27 (1), Mon 30 (2), Tue 1 (3) — the weekend does not count.
        var pending = await agent.GetAsync<MaintenanceVisitView>($"/api/v1/maintenance-visits/{visit.Id}");
        Assert.Equal(("due", new DateOnly(2026, 12, 1)), (pending.ReportState, pending.ReportDueOn!.Value));

        // Every item needs a result; a follow-up needs its reason; the customer cannot file.
        var url = $"/api/v1/maintenance-visits/{visit.Id}/report";
        await (await engineer.PostJsonAsync(url, Report(("主轴润滑", "ok", null), ("导轨清洁", "fixed", "清理铁屑")))).NamesFieldAsync("items[2].result");
        await (await engineer.PostJsonAsync(url, Report(("主轴润滑", "ok", null), ("导轨清洁", "fixed", null), ("电气柜检查", "needsFollowUp", null)))).NamesFieldAsync("items[2].note");
        await (await engineer.PostJsonAsync(url, Report(("主轴润滑", "ok", null), ("冷却塔", "ok", null)))).NamesFieldAsync("items[1].result");
        var customer = await App.ClientForAsync("customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostJsonAsync(url, Report(("主轴润滑", "ok", null), ("导轨清洁", "ok", null), ("电气柜检查", "ok", null)))).StatusCode);

        // Filed on Tuesday 1 December at 17:00: the last day, so met; the next date is the plan's next (26 February).
        App.MoveTo(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.FromHours(8)));
        engineer = await App.ClientForAsync("supplier.engineer");
        var filed = await (await engineer.PostJsonAsync(url, Report(("主轴润滑", "ok", null), ("导轨清洁", "fixed", "清理铁屑"), ("电气柜检查", "needsFollowUp", "接触器触点烧蚀，下次更换"))))
            .ReadAsync<MaintenanceVisitView>();
        Assert.Equal(("met", "按时提交", true, new DateOnly(2027, 2, 26)), (filed.ReportState, filed.ReportStateText, filed.ReportOnTime, filed.NextDueOn));
        Assert.Equal([InspectionItemResult.Ok, InspectionItemResult.Fixed, InspectionItemResult.NeedsFollowUp], filed.Items.Select(i => i.Result));
        Assert.Equal("孙浩", filed.ReportFiledBy);
        await (await engineer.PostJsonAsync(url, Report(("主轴润滑", "ok", null), ("导轨清洁", "ok", null), ("电气柜检查", "ok", null)))).ProblemAsync(HttpStatusCode.Conflict);

        // The customer reads the report; another customer gets 404 for the visit, the plan and the contract.
        customer = await App.ClientForAsync("customer");
        var seen = await customer.GetAsync<MaintenanceVisitView>($"/api/v1/maintenance-visits/{visit.Id}");
        Assert.Equal(("接触器触点烧蚀，下次更换", "控制柜整洁，主轴温升正常"), (seen.Items[2].Note, seen.Findings));
        Assert.Contains((await customer.GetAsync<AfterSales.Web.Http.Page<MaintenanceVisitView>>("/api/v1/maintenance-visits?reported=true")).Items, v => v.Id == visit.Id);
        var other = await App.ClientForAsync("customer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/maintenance-visits/{visit.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/maintenance-plans/{plan.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/maintenance-contracts/{plan.ContractId}", Ct)).StatusCode);
        Assert.DoesNotContain((await other.GetAsync<AfterSales.Web.Http.Page<MaintenanceVisitView>>("/api/v1/maintenance-visits")).Items, v => v.Id == visit.Id);
        var supplier2 = await App.ClientForAsync("supplier2.agent");
        Assert.Equal(HttpStatusCode.NotFound, (await supplier2.PostJsonAsync($"/api/v1/maintenance-visits/{visit.Id}/report", Report(("主轴润滑", "ok", null)))).StatusCode);

        // The audit trail keeps the report (R-X-4).
        var audit = await (await App.ClientForAsync("supplier.agent")).GetAsync<System.Text.Json.JsonElement>($"/api/v1/audit?entityType=maintenanceVisit&entityId={visit.Id}");
        Assert.Contains("reportFiledAt", audit.GetProperty("items")[0].GetProperty("changes").GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    internal static object Report(params (string Item, string Result, string? Note)[] items) => Report(new DateOnly(2026, 11, 26), items);

    internal static object Report(DateOnly visitedOn, params (string Item, string Result, string? Note)[] items) => new
    {
        visitedOn = visitedOn.ToString("yyyy-MM-dd"),
        items = items.Select(i => new { item = i.Item, result = i.Result, note = i.Note }).ToArray(),
        findings = "控制柜整洁，主轴温升正常",
    };
}

/// <summary>R-MNT-1: a report filed after the 3rd working day after the visit is shown as late (its own database: time moves far).</summary>
public sealed class MaintenanceLateReportTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_report_filed_after_the_third_working_day_is_late()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var due = App.Today().AddDays(3);
        var plan = await agent.CreatePlanAsync(due, "逾期报告的计划");
        await App.Services.GetRequiredService<MaintenanceScheduler>().RunAsync(Ct);
        var visit = Assert.Single(await agent.VisitsOfAsync(plan.Id));

        App.AdvanceDays(12);
        var engineer = await App.ClientForAsync("supplier.engineer");
        var late = await (await engineer.PostJsonAsync($"/api/v1/maintenance-visits/{visit.Id}/report", MaintenanceReportTests.Report(due, ("主轴润滑", "ok", null), ("导轨清洁", "ok", null), ("电气柜检查", "ok", null))))
            .ReadAsync<MaintenanceVisitView>();
        Assert.Equal(("late", "逾期提交", false), (late.ReportState, late.ReportStateText, late.ReportOnTime));
        Assert.True(late.ReportDueOn < App.Today());
    }
}
