using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Parts;
using AfterSales.Web.Tests.Penalties;
using AfterSales.Web.Tests.Platform;
using AfterSales.Web.Tests.Policies;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>
/// Field-service timers in the deadline engine (issue 3 §2, issue 6 §3–§4): the engineer sent on site is due when the
/// request's policy says — 24 h from the site's city, 48 h from another ([003], R-EXE-2) — the check-in is the arrival
/// deadline's stop event, a late arrival costs the engineer lateness fine past its grace hour ([001], R-EXE-8), and
/// parts ordered because stock ran out must arrive within the part's lead time (R-EXE-4).
/// </summary>
public sealed class FieldServiceTimerTests(AfterSalesApp app) : ApiTest(app)
{
    private const string ArrivalPolicy = "同城24小时异地48小时到场";

    [Fact]
    public async Task An_engineer_from_another_city_is_due_in_48_hours_and_arriving_two_hours_late_breaches_once_and_costs_the_lateness_fine()
    {
        await ArrivalPolicyInForceAsync();
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var arrival = request.Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival);
        Assert.Equal(("24 小时", arrival.StartedAt.AddHours(24)), (arrival.Target, arrival.DueAt));

        var agent = await App.ClientForAsync("supplier.agent");
        var engineerMe = await (await App.ClientForAsync("supplier.engineer")).MeAsync();
        var manager = await App.ClientForAsync("supplier.manager");
        var managerMe = await manager.MeAsync();
        var order = await agent.CreateWorkOrderAsync(WorkOrderCalls.OnSite(request.Id, certificate: null));

        // The board promises what the policy promises: 孙浩 (苏州, the site's city) by 24 h, 周杰 (上海) by 48 h.
        var row = Assert.Single(await agent.GetAsync<List<DispatchBoardRow>>("/api/v1/work-orders/board"), r => r.WorkOrder.Id == order.Id);
        Assert.Equal(arrival.StartedAt.AddHours(24), row.Suggestions.Single(s => s.UserId == engineerMe.Id).ArrivalDueAt);
        Assert.Equal(arrival.StartedAt.AddHours(48), row.Suggestions.Single(s => s.UserId == managerMe.Id).ArrivalDueAt);

        var dispatched = await agent.WorkOrderActAsync(order.Id, "dispatch", new { engineerUserId = managerMe.Id });
        Assert.Equal(arrival.StartedAt.AddHours(48), dispatched.ArrivalDueAt);
        var afterDispatch = await agent.RequestAsync(request.Id);
        var moved = afterDispatch.Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival);
        Assert.Equal((arrival.Id, "48 小时", arrival.StartedAt.AddHours(48), DeadlineState.Running), (moved.Id, moved.Target, moved.DueAt, moved.State));
        Assert.Contains("异地", afterDispatch.Timeline.Single(t => t.Action == "engineerDispatched").Note);

        // Past the due instant the monitor records the breach; the fine waits for the arrival, which says how late.
        App.Clock.Advance(moved.DueAt + TimeSpan.FromHours(2) - App.Clock.GetUtcNow());
        await App.Monitor.RunOnceAsync(Ct);
        var platform = await App.ClientForAsync("platform");
        Assert.Equal(DeadlineState.Breached, (await platform.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival).State);
        Assert.DoesNotContain(await platform.PenaltiesOfAsync(request.Id), p => p.RuleCode == "engineer-late-fine");

        manager = await App.ClientForAsync("supplier.manager");
        var checkedIn = await manager.WorkOrderActAsync(order.Id, "checkIn", new { note = "已到达现场" });
        Assert.Equal(120, checkedIn.LateMinutes);

        platform = await App.ClientForAsync("platform");
        var arrived = await platform.RequestAsync(request.Id);
        var closed = arrived.Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival);
        Assert.Equal((DeadlineState.Breached, (DateTimeOffset?)App.Clock.GetUtcNow()), (closed.State, closed.ClosedAt));
        Assert.Single(arrived.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains("上门到位", StringComparison.Ordinal));
        Assert.Contains("超时 2 小时 0 分钟", arrived.Timeline.Single(t => t.Action == "engineerArrived").Note);

        var fine = Assert.Single(await platform.PenaltiesOfAsync(request.Id), p => p.RuleCode == "engineer-late-fine");
        Assert.Equal(("100.00", PenaltyAccount.InternalFine, "R-EXE-8", DeadlineKind.OnSiteArrival), (fine.Amount.AmountText, fine.Account, fine.RuleId, fine.DeadlineKind));

        // Nothing more is charged or recorded later: the arrival deadline is closed.
        App.Clock.Advance(TimeSpan.FromHours(6));
        await App.Monitor.RunOnceAsync(Ct);
        platform = await App.ClientForAsync("platform");
        Assert.Single(await platform.PenaltiesOfAsync(request.Id), p => p.RuleCode == "engineer-late-fine");
        Assert.Single((await platform.RequestAsync(request.Id)).Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains("上门到位", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_engineer_from_the_site_city_who_arrives_in_time_meets_the_arrival_deadline_and_costs_nothing()
    {
        await ArrivalPolicyInForceAsync();
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var arrival = request.Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival);
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var order = await agent.CreateWorkOrderAsync(WorkOrderCalls.OnSite(request.Id));
        var dispatched = await agent.WorkOrderActAsync(order.Id, "dispatch", new { engineerUserId = (await engineer.MeAsync()).Id });
        Assert.Equal(arrival.StartedAt.AddHours(24), dispatched.ArrivalDueAt);

        App.Clock.Advance(TimeSpan.FromHours(20));
        engineer = await App.ClientForAsync("supplier.engineer");
        Assert.Equal(0, (await engineer.WorkOrderActAsync(order.Id, "checkIn", new { note = "已到达现场" })).LateMinutes);

        var platform = await App.ClientForAsync("platform");
        var arrived = await platform.RequestAsync(request.Id);
        var met = arrived.Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival);
        Assert.Equal((DeadlineState.Met, "24 小时", (DateTimeOffset?)App.Clock.GetUtcNow()), (met.State, met.Target, met.ClosedAt));
        Assert.Contains("上门到位按时", arrived.Timeline.Single(t => t.Action == "engineerArrived").Note);
        Assert.Empty(await platform.PenaltiesOfAsync(request.Id));
    }

    [Fact]
    public async Task Parts_ordered_for_a_request_must_arrive_within_the_parts_lead_time_and_a_late_arrival_is_a_breach()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var supplier = await App.ClientForAsync("supplier.agent");
        var part = await (await supplier.PostJsonAsync("/api/v1/parts", new
        {
            partNumber = "SP-TIMER-01", name = "主轴编码器", brand = "华东精密", compatibleModels = new[] { "VMC-850" }, isCustom = false, leadTimeDays = 5,
        })).ReadAsync<SparePartView>(HttpStatusCode.Created);
        var warehouse = await supplier.WarehouseAsync("WH-SZ");

        // A request that is not the supplier's cannot be named, and nothing is ordered.
        var before = (await supplier.GetAsync<List<ReplenishmentView>>("/api/v1/replenishments")).Count;
        await (await supplier.PostJsonAsync("/api/v1/replenishments", new { partId = part.Id, warehouseId = warehouse.Id, quantity = 1, serviceRequestId = Guid.NewGuid() }))
            .NamesFieldAsync("serviceRequestId");
        Assert.Equal(before, (await supplier.GetAsync<List<ReplenishmentView>>("/api/v1/replenishments")).Count);

        var first = await (await supplier.PostJsonAsync("/api/v1/replenishments", new { partId = part.Id, warehouseId = warehouse.Id, quantity = 2, serviceRequestId = request.Id }))
            .ReadAsync<ReplenishmentView>(HttpStatusCode.Created);
        var second = await (await supplier.PostJsonAsync("/api/v1/replenishments", new { partId = part.Id, warehouseId = warehouse.Id, quantity = 1, serviceRequestId = request.Id }))
            .ReadAsync<ReplenishmentView>(HttpStatusCode.Created);
        var ordered = await supplier.RequestAsync(request.Id);
        var deadline = Assert.Single(ordered.Deadlines, d => d.Kind == DeadlineKind.PartsReplenishment);
        Assert.Equal(("5 天", deadline.StartedAt.AddDays(5), DeadlineState.Running, DeadlineParty.Supplier), (deadline.Target, deadline.DueAt, deadline.State, deadline.OwedBy));
        Assert.Equal(2, ordered.Timeline.Count(t => t.Action == "partsReplenishmentOrdered"));

        // The first delivery on day 4 leaves the request still waiting for the second order; that one comes on day 6.
        App.Clock.Advance(TimeSpan.FromDays(4));
        supplier = await App.ClientForAsync("supplier.agent");
        await (await supplier.PostJsonAsync($"/api/v1/replenishments/{first.Id}/receive", new { batchNumber = "B-TIMER-1" })).ReadAsync<ReplenishmentView>();
        Assert.Equal(DeadlineState.Running, (await supplier.RequestAsync(request.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.PartsReplenishment).State);

        App.Clock.Advance(TimeSpan.FromDays(2));
        await App.Monitor.RunOnceAsync(Ct);
        supplier = await App.ClientForAsync("supplier.agent");
        await (await supplier.PostJsonAsync($"/api/v1/replenishments/{second.Id}/receive", new { batchNumber = "B-TIMER-2" })).ReadAsync<ReplenishmentView>();

        var received = await supplier.RequestAsync(request.Id);
        var late = received.Deadlines.Single(d => d.Kind == DeadlineKind.PartsReplenishment);
        Assert.Equal((DeadlineState.Breached, (DateTimeOffset?)App.Clock.GetUtcNow()), (late.State, late.ClosedAt));
        Assert.Single(received.Timeline, t => t.Action == "deadlineBreached" && t.Note!.Contains("缺货补货", StringComparison.Ordinal));
        Assert.Contains(second.Number, received.Timeline.Single(t => t.Action == "partsReplenished").Note);
    }

    /// <summary>
    /// The demo supplier promises on-site arrival within 24 h from the site's city and 48 h from another ([003]) and
    /// fines an engineer over an hour late CNY 100 ([001]); announced 7 working days ahead, then in force.
    /// </summary>
    private async Task ArrivalPolicyInForceAsync()
    {
        var admin = await App.ClientForAsync("admin");
        var supplier = await App.OrganizationOfAsync("supplier.agent");
        var current = await admin.CurrentAsync(supplier);
        if (current.Name == ArrivalPolicy)
        {
            return;
        }

        var deadlines = new Dictionary<DeadlineKind, DeadlineTarget>(current.Figures.Deadlines) { [DeadlineKind.OnSiteArrival] = DeadlineTarget.Hours(24) };
        var figures = current.Figures with
        {
            Deadlines = deadlines,
            OtherCityArrival = DeadlineTarget.Hours(48),
            Penalties =
            [
                .. current.Figures.Penalties.Where(p => !p.Kinds.Contains(DeadlineKind.OnSiteArrival)),
                new PenaltyRule("engineer-late-fine", "工程师上门迟到扣罚", [DeadlineKind.OnSiteArrival], PenaltyBasis.FixedPerBreach, 100m,
                    PenaltyAccount.InternalFine, TimeSpan.FromHours(1), "R-EXE-8"),
            ],
        };
        await App.PutInForceAsync(("supplier.manager", (Guid?)null, figures, ArrivalPolicy));
    }
}
