using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// 远程服务工单 (R-EXE-1): an agreed window and tool link, the customer's authorisation before the session starts, a
/// step and parameter-change log, and the customer's confirmation — "needs follow-up" opens a follow-up remote work order.
/// </summary>
public sealed class RemoteWorkOrderTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_customer_authorises_and_confirms_remote_work_and_needs_follow_up_opens_a_follow_up()
    {
        // An on-site request diagnosed remotely first: a request may have work orders of several kinds.
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var engineerId = (await engineer.MeAsync()).Id;

        var created = await agent.CreateWorkOrderAsync(new { requestId = request.Number, kind = "remote", summary = "远程诊断 PLC 通讯故障" });
        var start = App.Clock.GetUtcNow().AddHours(2);
        await (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/schedule", new { scheduledStart = start, scheduledEnd = start.AddHours(-1) })).NamesFieldAsync("scheduledEnd");
        await (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/schedule", new { scheduledStart = start, remoteToolLink = "ftp://x" })).NamesFieldAsync("remoteToolLink");
        var scheduled = await agent.WorkOrderActAsync(created.Id, "schedule", new { scheduledStart = start, scheduledEnd = start.AddHours(2), remoteToolLink = "https://remote.example.cn/s/8841" });
        Assert.Equal((WorkOrderStatus.Scheduled, start, "https://remote.example.cn/s/8841"), (scheduled.Status, scheduled.ScheduledStart, scheduled.RemoteToolLink));
        await agent.WorkOrderActAsync(created.Id, "dispatch", new { engineerUserId = engineerId });

        // The session does not start before the customer authorises it; only the customer may.
        await (await engineer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/checkIn", new { })).NamesRuleAsync("R-EXE-1");
        await (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/authorize", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("authorize", (await customer.WorkOrderAsync(created.Id)).AllowedActions);
        var authorised = await customer.WorkOrderActAsync(created.Id, "authorize");
        Assert.Equal(("张伟", App.Clock.GetUtcNow()), (authorised.AuthorizedBy, authorised.AuthorizedAt));

        await engineer.WorkOrderActAsync(created.Id, "checkIn");
        await (await engineer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/record", new { parameter = "P-101" })).NamesFieldAsync("step");
        var step = await engineer.WorkOrderActAsync(created.Id, "record", new { step = "修改通讯超时参数", parameter = "P-101", oldValue = "200ms", newValue = "500ms" });
        Assert.Equal("步骤：修改通讯超时参数；参数 P-101：200ms → 500ms", step.Timeline[^1].Note);
        var finished = await engineer.WorkOrderActAsync(created.Id, "checkOut");
        Assert.Equal(WorkOrderStatus.AwaitingConfirmation, finished.Status);

        // Open until the customer confirms.
        await (await engineer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/completeService", WorkOrderCalls.Completion)).NamesRuleAsync("R-WO-1");
        await (await engineer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/confirm", new { outcome = "completed" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostJsonAsync($"/api/v1/work-orders/{created.Id}/confirm", new { outcome = "needsFollowUp" })).NamesFieldAsync("note");
        var confirmed = await customer.WorkOrderActAsync(created.Id, "confirm", new { outcome = "needsFollowUp", note = "偶发通讯中断仍未解决" });
        Assert.Equal((WorkOrderStatus.Done, RemoteOutcome.NeedsFollowUp), (confirmed.Status, confirmed.Outcome));

        var all = (await customer.WorkOrdersAsync($"requestId={request.Id}")).Items;
        var followUp = Assert.Single(all, w => w.Id != created.Id);
        Assert.Equal((WorkOrderKind.Remote, WorkOrderStatus.Created, created.Id, "https://remote.example.cn/s/8841"),
            (followUp.Kind, followUp.Status, followUp.FollowUpOfId, followUp.RemoteToolLink));
        Assert.Contains("偶发通讯中断仍未解决", followUp.Summary);
        Assert.Contains(followUp.Number, confirmed.Timeline[^1].Note);

        // The follow-up is open: it blocks completion until it is done or cancelled.
        await (await engineer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/completeService", WorkOrderCalls.Completion)).NamesRuleAsync("R-WO-1");
        await agent.WorkOrderActAsync(followUp.Id, "cancel", new { reason = "与客户确认后合并到下次巡检" });
        Assert.Equal(ServiceRequestStatus.PendingAcceptance, (await engineer.ActAsync(request.Id, "completeService", WorkOrderCalls.Completion)).Status);
    }
}
