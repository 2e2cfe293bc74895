using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.ReturnToFactory;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Platform;
using AfterSales.Web.Tests.Policies;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// 返厂维修 (R-EXE-5) and 整机更换 (R-EXE-6) over the API (issue 6 §5). The demo supplier is first put on a version with
/// seed 002's return-to-factory figures (pickup 24 h, return 3 working days), so the request-level timers open.
/// </summary>
public sealed class ReturnToFactoryApiTests(AfterSalesApp app) : ApiTest(app)
{
    private const string PolicyName = "返厂时效测试政策";

    [Fact]
    public async Task A_return_to_factory_runs_from_pickup_to_delivery_with_both_due_instants_kept_or_late_and_refusals_named()
    {
        await FactoryTimersInForceAsync();
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");
        var order = await agent.CreateWorkOrderAsync(ReturnToFactory(request.Id));
        var url = $"/api/v1/work-orders/{order.Id}/factory-repair";

        var fresh = await agent.GetAsync<FactoryRepairView>(url);
        Assert.Equal((FactoryRepairStage.AwaitingPickup, order.CreatedAt.AddHours(24), DueState.Running, DueState.NotStarted),
            (fresh.Stage, fresh.PickupDueAt, fresh.PickupState, fresh.ReturnState));
        Assert.Equal(["bookPickup"], fresh.AllowedActions);
        var pickupTimer = (await agent.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup);
        Assert.Equal((DeadlineState.Running, order.CreatedAt.AddHours(24), DeadlineParty.Supplier), (pickupTimer.State, pickupTimer.DueAt, pickupTimer.OwedBy));

        // Refusals: out of order (409), a missing field (400 naming it), the customer (403), another supplier and an
        // engineer it is not assigned to (404).
        (await agent.PostJsonAsync($"{url}/receiveAtFactory", new { })).StatusCode.Is(HttpStatusCode.Conflict);
        await (await agent.PostJsonAsync($"{url}/bookPickup", new { carrier = "顺丰速运" })).NamesFieldAsync("trackingNumber");
        await (await customer.PostJsonAsync($"{url}/bookPickup", new { carrier = "顺丰速运", trackingNumber = "SF1" })).ProblemAsync(HttpStatusCode.Forbidden);
        var other = await App.ClientForAsync("supplier2.agent");
        await (await other.GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"{url}/bookPickup", new { carrier = "顺丰速运", trackingNumber = "SF1" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.ClientForAsync("supplier.engineer")).GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/v1/work-orders/{order.Id}/replacement", Ct)).ProblemAsync(HttpStatusCode.NotFound);

        App.Clock.Advance(TimeSpan.FromHours(2));
        agent = await App.ClientForAsync("supplier.agent");
        var booked = await PostAsync(agent, url, "bookPickup", new { carrier = "顺丰速运", trackingNumber = "SF1002003004" });
        Assert.Equal((FactoryRepairStage.PickupBooked, DueState.Met, "顺丰速运", "SF1002003004"), (booked.Stage, booked.PickupState, booked.PickupCarrier, booked.PickupTracking));
        Assert.Equal(DeadlineState.Met, (await agent.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup).State);

        await PostAsync(agent, url, "confirmPickup", new { note = "已装箱防护" });
        App.Clock.Advance(TimeSpan.FromHours(20));
        agent = await App.ClientForAsync("supplier.agent");
        var received = await PostAsync(agent, url, "receiveAtFactory", new { });
        var receivedAt = received.ReceivedAtFactoryAt!.Value;
        Assert.Equal(WorkingCalendars.Cn918.AddWorkingDays(receivedAt, 3), received.ReturnDueAt);
        Assert.Equal(DueState.Running, received.ReturnState);
        var returnTimer = (await agent.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryReturn);
        Assert.Equal((DeadlineState.Running, received.ReturnDueAt!.Value), (returnTimer.State, returnTimer.DueAt));

        await (await agent.PostJsonAsync($"{url}/recordRepair", new { repairWork = "" })).NamesFieldAsync("repairWork");
        await PostAsync(agent, url, "recordRepair", new { repairWork = "更换主板" });
        var failed = await PostAsync(agent, url, "recordTest", new { testResult = "通电后仍报 E03", passed = false });
        Assert.Equal((FactoryRepairStage.AtFactory, false), (failed.Stage, failed.TestPassed));
        (await agent.PostJsonAsync($"{url}/shipBack", new { carrier = "顺丰速运", trackingNumber = "SF9" })).StatusCode.Is(HttpStatusCode.Conflict);
        await PostAsync(agent, url, "recordRepair", new { repairWork = "更换主板及电源模块" });
        await PostAsync(agent, url, "recordTest", new { testResult = "连续运行 4 小时无异常", passed = true });

        // Shipped an hour after the 3 working days: late on the record, breached on the request (with its timeline entry).
        App.Clock.Advance(received.ReturnDueAt!.Value - App.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        agent = await App.ClientForAsync("supplier.agent");
        var shipped = await PostAsync(agent, url, "shipBack", new { carrier = "顺丰速运", trackingNumber = "SF2002003004" });
        Assert.Equal((FactoryRepairStage.ShippedBack, DueState.Late, "SF2002003004"), (shipped.Stage, shipped.ReturnState, shipped.ReturnTracking));
        Assert.Equal(["confirmDelivery"], shipped.AllowedActions);
        var afterShip = await agent.RequestAsync(request.Id);
        Assert.Equal(DeadlineState.Breached, afterShip.Deadlines.Single(d => d.Kind == DeadlineKind.FactoryReturn).State);
        Assert.Contains(afterShip.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains("返厂寄回", StringComparison.Ordinal));

        customer = await App.ClientForAsync("customer");
        Assert.Equal(["confirmDelivery"], (await customer.GetAsync<FactoryRepairView>(url)).AllowedActions);
        var delivered = await PostAsync(customer, url, "confirmDelivery", new { note = "已签收，运行正常" });
        Assert.Equal(FactoryRepairStage.Delivered, delivered.Stage);
        var done = await agent.WorkOrderAsync(order.Id);
        Assert.Equal(WorkOrderStatus.Done, done.Status);
        Assert.Equal(["创建工单", "安排取件", "已取件", "工厂收货", "维修", "测试", "维修", "测试", "寄回", "客户签收"], done.Timeline.Select(t => t.Label));
        Assert.Contains("寄回超时 1 小时 0 分钟", done.Timeline.Single(t => t.Action == "shipBack").Note);

        // Every stage is recorded once: a second delivery is refused.
        (await customer.PostJsonAsync($"{url}/confirmDelivery", new { })).StatusCode.Is(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_pickup_timer_is_breached_by_the_monitor_once_the_clock_passes_24_hours_without_a_booking()
    {
        await FactoryTimersInForceAsync();
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var order = await agent.CreateWorkOrderAsync(ReturnToFactory(request.Id));

        App.Clock.Advance(TimeSpan.FromHours(23));
        await App.Monitor.RunOnceAsync(Ct);
        agent = await App.ClientForAsync("supplier.agent");
        Assert.Equal(DeadlineState.Running, (await agent.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup).State);

        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await App.Monitor.RunOnceAsync(Ct);
        agent = await App.ClientForAsync("supplier.agent");
        var breached = await agent.RequestAsync(request.Id);
        var timer = breached.Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup);
        Assert.Equal((DeadlineState.Breached, (DateTimeOffset?)null), (timer.State, timer.ClosedAt));
        Assert.Contains(breached.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains("返厂取件", StringComparison.Ordinal));
        var url = $"/api/v1/work-orders/{order.Id}/factory-repair";
        Assert.Equal(DueState.Late, (await agent.GetAsync<FactoryRepairView>(url)).PickupState);

        // Booking late closes the timer, still breached, and the record says by how much.
        var booked = await PostAsync(agent, url, "bookPickup", new { carrier = "德邦物流", trackingNumber = "DB555" });
        Assert.Equal(DueState.Late, booked.PickupState);
        var closed = (await agent.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup);
        Assert.Equal((DeadlineState.Breached, (DateTimeOffset?)App.Clock.GetUtcNow()), (closed.State, closed.ClosedAt));
        Assert.Contains("取件超时", (await agent.WorkOrderAsync(order.Id)).Timeline[^1].Note);
    }

    [Fact]
    public async Task Cancelling_a_return_to_factory_work_order_closes_its_pickup_timer_so_it_is_never_breached()
    {
        await FactoryTimersInForceAsync();
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var order = await agent.CreateWorkOrderAsync(ReturnToFactory(request.Id));

        await agent.WorkOrderActAsync(order.Id, "cancel", new { reason = "客户决定改为上门维修" });
        App.Clock.Advance(TimeSpan.FromHours(30));
        await App.Monitor.RunOnceAsync(Ct);

        agent = await App.ClientForAsync("supplier.agent");
        var view = await agent.RequestAsync(request.Id);
        var timer = view.Deadlines.Single(d => d.Kind == DeadlineKind.FactoryPickup);
        Assert.Equal(DeadlineState.Met, timer.State);
        Assert.DoesNotContain(view.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains("返厂取件", StringComparison.Ordinal));
        Assert.Empty((await agent.GetAsync<FactoryRepairView>($"/api/v1/work-orders/{order.Id}/factory-repair")).AllowedActions);
    }

    [Fact]
    public async Task A_replacement_needs_the_managers_approval_before_dispatch_and_the_asset_record_follows_the_new_serial()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var manager = await App.ClientForAsync("supplier.manager");
        var customer = await App.ClientForAsync("customer");
        var engineerMe = await (await App.ClientForAsync("supplier.engineer")).MeAsync();
        var order = await agent.CreateWorkOrderAsync(new { requestId = request.Id.ToString(), kind = "replacement", summary = "主板及机壳损坏，整机更换" });
        var url = $"/api/v1/work-orders/{order.Id}/replacement";

        var fresh = await agent.GetAsync<ReplacementView>(url);
        Assert.Equal((ReplacementStage.AwaitingApproval, "EQ-0001"), (fresh.Stage, fresh.OldSerial));
        Assert.Empty(fresh.AllowedActions);
        Assert.Equal(["approveReplacement", "refuseReplacement"], (await manager.GetAsync<ReplacementView>(url)).AllowedActions);

        // R-EXE-6: no dispatch before approval; the agent may not approve; another supplier does not see it.
        await (await agent.PostJsonAsync($"/api/v1/work-orders/{order.Id}/dispatch", new { engineerUserId = engineerMe.Id })).NamesRuleAsync("R-EXE-6");
        await (await agent.PostJsonAsync($"{url}/approve", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("supplier2.agent")).GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.ClientForAsync("supplier2.agent")).PostJsonAsync($"{url}/approve", new { })).ProblemAsync(HttpStatusCode.NotFound);
        (await agent.PostJsonAsync($"{url}/recordNewUnit", new { newSerial = "EQ-0001-R1" })).StatusCode.Is(HttpStatusCode.Conflict);

        var approved = await PostAsync<ReplacementView>(manager, url, "approve", new { note = "维修成本过高，同意整机更换" });
        Assert.Equal((ReplacementStage.Approved, "周杰"), (approved.Stage, approved.ApprovedBy));
        Assert.Equal(WorkOrderStatus.Dispatched, (await agent.WorkOrderActAsync(order.Id, "dispatch", new { engineerUserId = engineerMe.Id })).Status);

        await (await agent.PostJsonAsync($"{url}/recordNewUnit", new { newSerial = "新 机" })).NamesFieldAsync("newSerial");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var installed = await PostAsync<ReplacementView>(engineer, url, "recordNewUnit", new { newSerial = "EQ-0001-R1" });
        Assert.Equal((ReplacementStage.NewUnitDelivered, "EQ-0001-R1"), (installed.Stage, installed.NewSerial));

        // The asset record follows: EQ-0001 was replaced by EQ-0001-R1.
        var link = await customer.GetAsync<AssetReplacementView>("/api/v1/assets/EQ-0001/replacement");
        Assert.Equal(("EQ-0001-R1", order.Number), (link.ReplacedBySerial, link.WorkOrderNumber));

        await (await customer.PostJsonAsync($"{url}/shipFaultyUnit", new { carrier = "德邦物流" })).NamesFieldAsync("trackingNumber");
        await PostAsync<ReplacementView>(customer, url, "shipFaultyUnit", new { carrier = "德邦物流", trackingNumber = "DB20261124" });
        await (await customer.PostJsonAsync($"{url}/receiveFaultyUnit", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await PostAsync<ReplacementView>(agent, url, "receiveFaultyUnit", new { note = "外包装完好" });
        var inspected = await PostAsync<ReplacementView>(agent, url, "inspect", new { inspectionResult = "主板电容击穿，确认为质量问题", faultConfirmed = true });
        Assert.Equal((ReplacementStage.Inspected, true), (inspected.Stage, inspected.FaultConfirmed));
        var done = await agent.WorkOrderAsync(order.Id);
        Assert.Equal(WorkOrderStatus.Done, done.Status);
        Assert.Contains(done.Timeline, t => t.Label == "故障机检测" && t.Note!.Contains("确认故障", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manager_refuses_a_replacement_with_a_reason_and_the_replacement_work_order_is_cancelled()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var manager = await App.ClientForAsync("supplier.manager");
        var customer = await App.ClientForAsync("customer");
        var order = await agent.CreateWorkOrderAsync(new { requestId = request.Id.ToString(), kind = "replacement", summary = "客户要求整机更换" });
        var url = $"/api/v1/work-orders/{order.Id}/replacement";

        // Only the supplier's manager refuses, only with a reason; a refused attempt changes nothing.
        await (await agent.PostJsonAsync($"{url}/refuse", new { reason = "不符合整机更换条件" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync($"{url}/refuse", new { reason = "  " })).NamesFieldAsync("reason");
        await (await manager.PostJsonAsync($"{url}/refuse", new { })).NamesFieldAsync("reason");
        await (await (await App.ClientForAsync("supplier2.agent")).PostJsonAsync($"{url}/refuse", new { reason = "越权" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(ReplacementStage.AwaitingApproval, (await manager.GetAsync<ReplacementView>(url)).Stage);

        var refused = await PostAsync<ReplacementView>(manager, url, "refuse", new { reason = "故障为控制板损坏，可返厂维修，不符合整机更换条件" });
        Assert.Equal((ReplacementStage.Refused, "周杰", "故障为控制板损坏，可返厂维修，不符合整机更换条件"), (refused.Stage, refused.RefusedBy, refused.RefusalReason));
        Assert.NotNull(refused.RefusedAt);
        Assert.Empty(refused.AllowedActions);

        // The work order is cancelled with the reason on its timeline, which the customer reads too.
        var cancelled = await customer.WorkOrderAsync(order.Id);
        Assert.Equal(WorkOrderStatus.Cancelled, cancelled.Status);
        Assert.Contains(cancelled.Timeline, t => t.Label == "驳回整机更换" && t.Note!.Contains("不符合整机更换条件", StringComparison.Ordinal));

        // Nothing further happens on a refused replacement: no approval afterwards, no second refusal.
        (await manager.PostJsonAsync($"{url}/approve", new { })).StatusCode.Is(HttpStatusCode.Conflict);
        (await manager.PostJsonAsync($"{url}/refuse", new { reason = "再次驳回" })).StatusCode.Is(HttpStatusCode.Conflict);
        Assert.Equal(ReplacementStage.Refused, (await customer.GetAsync<ReplacementView>(url)).Stage);
    }

    private static object ReturnToFactory(Guid requestId) => new { requestId = requestId.ToString(), kind = "returnToFactory", summary = "控制器返厂维修" };

    private static Task<FactoryRepairView> PostAsync(HttpClient client, string url, string action, object body) => PostAsync<FactoryRepairView>(client, url, action, body);

    private static async Task<T> PostAsync<T>(HttpClient client, string url, string action, object body) =>
        await (await client.PostJsonAsync($"{url}/{action}", body)).ReadAsync<T>();

    /// <summary>Seed 002's return-to-factory figures on the demo supplier's own version, once per test class.</summary>
    private async Task FactoryTimersInForceAsync()
    {
        var admin = await App.ClientForAsync("admin");
        var supplier = await App.OrganizationOfAsync("supplier.agent");
        var current = await admin.CurrentAsync(supplier);
        if (current.Name == PolicyName)
        {
            return;
        }

        var deadlines = new Dictionary<DeadlineKind, DeadlineTarget>(current.Figures.Deadlines)
        {
            [DeadlineKind.FactoryPickup] = DeadlineTarget.Hours(24),
            [DeadlineKind.FactoryReturn] = DeadlineTarget.WorkingDays(3),
        };
        await App.PutInForceAsync(("supplier.manager", null, current.Figures with { Deadlines = deadlines }, PolicyName));
    }
}

internal static class StatusAssertions
{
    public static void Is(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);
}
