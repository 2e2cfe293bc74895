using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// 上门工单 (issue 6 §1, §3; R-EXE-2): supplier staff create an on-site work order under a request, the dispatch board
/// ranks engineers and refuses an expired certificate, the engineer checks in late and out with a signed repair sheet,
/// and the request cannot complete while the work order is open.
/// </summary>
public sealed class OnSiteWorkOrderTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task An_on_site_work_order_goes_from_created_to_done_and_blocks_completing_the_request_until_then()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var engineerMe = await engineer.MeAsync();
        var managerMe = await (await App.ClientForAsync("supplier.manager")).MeAsync();

        var created = await agent.CreateWorkOrderAsync(WorkOrderCalls.OnSite(request.Id));
        Assert.Matches(@"^GD-2026-\d{6}$", created.Number);
        Assert.Equal((WorkOrderStatus.Created, "已创建", WorkOrderKind.OnSite, "苏州", "苏州工业园区星湖街 328 号 2 号厂房", request.Number),
            (created.Status, created.StatusLabel, created.Kind, created.SiteCity, created.SiteAddress, created.ServiceRequestNumber));
        Assert.Contains("dispatch", created.AllowedActions);

        // R-WO-1: the request cannot complete while the work order is open; the refusal names the rule and the work order.
        var blocked = await (await engineer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/completeService", WorkOrderCalls.Completion)).NamesRuleAsync("R-WO-1");
        Assert.Contains(created.Number, blocked.GetProperty("detail").GetString());

        // An engineer sees only the work orders assigned to them.
        await (await engineer.GetAsync($"/api/v1/work-orders/{created.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);

        // The board: 孙浩 (苏州, valid electrician's certificate) first; 周杰 (上海, certificate expired) after, with the reason.
        var row = Assert.Single(await agent.GetAsync<List<DispatchBoardRow>>("/api/v1/work-orders/board"), r => r.WorkOrder.Id == created.Id);
        Assert.Equal([engineerMe.Id, managerMe.Id], row.Suggestions.Select(s => s.UserId));
        Assert.Equal((true, true, true), (row.Suggestions[0].CertificateValid, row.Suggestions[0].SameCity, row.Suggestions[0].SkillMatch));
        Assert.Equal(created.CreatedAt.AddHours(24), row.Suggestions[0].ArrivalDueAt);
        Assert.Equal((false, false), (row.Suggestions[1].CertificateValid, row.Suggestions[1].SameCity));
        Assert.Equal(created.CreatedAt.AddHours(48), row.Suggestions[1].ArrivalDueAt);
        Assert.Contains("电工证已于", row.Suggestions[1].Blocker);

        // R-EXE-2: an expired certificate blocks dispatch to work that needs it.
        var expired = await (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/dispatch", new { engineerUserId = managerMe.Id })).NamesRuleAsync("R-EXE-2");
        Assert.Contains("电工证", expired.GetProperty("detail").GetString());
        Assert.Contains("过期", expired.GetProperty("detail").GetString());
        Assert.Equal(WorkOrderStatus.Created, (await agent.WorkOrderAsync(created.Id)).Status);

        var dispatched = await agent.WorkOrderActAsync(created.Id, "dispatch", new { engineerUserId = engineerMe.Id });
        Assert.Equal((WorkOrderStatus.Dispatched, engineerMe.Id, "孙浩", created.CreatedAt.AddHours(24)),
            (dispatched.Status, dispatched.AssigneeUserId, dispatched.AssigneeName, dispatched.ArrivalDueAt));
        Assert.Contains((await engineer.GetAsync<List<WorkOrderView>>("/api/v1/work-orders/today")), w => w.Id == created.Id);

        // Arriving 25 h after creation is an hour late, and visible as such.
        App.Clock.Advance(TimeSpan.FromHours(25));
        engineer = await App.ClientForAsync("supplier.engineer");
        agent = await App.ClientForAsync("supplier.agent");
        var checkedIn = await engineer.WorkOrderActAsync(created.Id, "checkIn", new { note = "已到达客户现场" });
        Assert.Equal((WorkOrderStatus.InProgress, App.Clock.GetUtcNow(), 60, true), (checkedIn.Status, checkedIn.CheckedInAt, checkedIn.LateMinutes, checkedIn.Late));
        Assert.Contains("迟到 1 小时 0 分钟", checkedIn.Timeline[^1].Note);

        var recorded = await engineer.WorkOrderActAsync(created.Id, "record", new
        {
            testRunHours = 2m, testRunResult = "连续运行 2 小时无报警", cause = "编码器线缆老化导致信号丢失", prevention = "每季度检查线缆并做好防油污保护",
        });
        Assert.Equal((2m, "编码器线缆老化导致信号丢失"), (recorded.TestRunHours, recorded.Cause));

        // Check-out needs the customer's signed repair sheet (R-EXE-2).
        await (await engineer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/checkOut", new { })).NamesRuleAsync("R-EXE-2");
        await (await engineer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/signRepairSheet", new { signerName = "张工", signaturePng = "data:image/jpeg;base64,AAAA" }))
            .NamesFieldAsync("signaturePng");
        var signed = await engineer.WorkOrderActAsync(created.Id, "signRepairSheet", new { signerName = "张工", signaturePng = WorkOrderCalls.SignatureDataUrl });
        Assert.Equal("张工", signed.SignedBy);
        var sheet = Assert.Single((await agent.RequestAsync(request.Id)).Attachments, a => a.Id == signed.SignatureAttachmentId);
        Assert.Equal((AttachmentKind.ServiceReport, "image/png"), (sheet.Kind, sheet.ContentType));

        App.Clock.Advance(TimeSpan.FromHours(3));
        engineer = await App.ClientForAsync("supplier.engineer");
        agent = await App.ClientForAsync("supplier.agent");
        var done = await engineer.WorkOrderActAsync(created.Id, "checkOut", new { note = "设备恢复正常" });
        Assert.Equal((WorkOrderStatus.Done, App.Clock.GetUtcNow()), (done.Status, done.CheckedOutAt));
        Assert.Equal(["create", "dispatch", "checkIn", "record", "signRepairSheet", "checkOut"], done.Timeline.Select(t => t.Action));
        Assert.Equal(["赵丽", "赵丽", "孙浩", "孙浩", "孙浩", "孙浩"], done.Timeline.Select(t => t.Actor));

        // Done work no longer blocks the request.
        Assert.Equal(ServiceRequestStatus.PendingAcceptance, (await engineer.ActAsync(request.Id, "completeService", WorkOrderCalls.Completion)).Status);
    }

    [Fact]
    public async Task A_cancelled_work_order_does_not_block_and_outsiders_and_the_customer_cannot_dispatch()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");
        var created = await agent.CreateWorkOrderAsync(WorkOrderCalls.OnSite(request.Id, certificate: null));
        var engineerId = (await (await App.ClientForAsync("supplier.engineer")).MeAsync()).Id;

        // The customer sees the work order of its request but may not dispatch it; another supplier sees nothing.
        Assert.Equal(created.Number, (await customer.WorkOrderAsync(created.Id)).Number);
        await (await customer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/dispatch", new { engineerUserId = engineerId })).ProblemAsync(HttpStatusCode.Forbidden);
        var outsider = await App.ClientForAsync("supplier2.agent");
        await (await outsider.GetAsync($"/api/v1/work-orders/{created.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await outsider.WorkOrdersAsync($"requestId={request.Id}")).Items);
        await (await outsider.PostJsonAsync("/api/v1/work-orders", WorkOrderCalls.OnSite(request.Id))).ProblemAsync(HttpStatusCode.NotFound);

        // The engineer may not create work orders; a blank summary names the field.
        await (await (await App.ClientForAsync("supplier.engineer")).PostJsonAsync("/api/v1/work-orders", WorkOrderCalls.OnSite(request.Id))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostJsonAsync("/api/v1/work-orders", new { requestId = request.Id.ToString(), kind = "onSite", summary = " " })).NamesFieldAsync("summary");

        await (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/cancel", new { })).NamesFieldAsync("reason");
        var cancelled = await agent.WorkOrderActAsync(created.Id, "cancel", new { reason = "客户已自行修复" });
        Assert.Equal(WorkOrderStatus.Cancelled, cancelled.Status);
        await (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/dispatch", new { engineerUserId = engineerId })).ProblemAsync(HttpStatusCode.Conflict);

        var engineer = await App.ClientForAsync("supplier.engineer");
        Assert.Equal(ServiceRequestStatus.PendingAcceptance, (await engineer.ActAsync(request.Id, "completeService", WorkOrderCalls.Completion)).Status);
    }
}
