using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Maintenance;

/// <summary>
/// Reads of maintenance contracts, plans and visits (R-MNT-1, R-RV-2, R-EXE-3). The query filters scope every row to its
/// supplier and customer (and the platform), so another organisation's record is a 404.
/// </summary>
public sealed class MaintenanceQueries(AppDbContext db, CallerContext callers, TimeProvider clock, ServiceRulesCatalog rules)
{
    public const int PreviewCount = 4;

    public async Task<Page<MaintenanceContractView>> ContractsAsync(Guid? customerId, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var query = db.MaintenanceContracts.AsNoTracking();
        if (customerId is { } customer)
        {
            query = query.Where(c => c.CustomerId == customer);
        }

        if (Cursor.Decode(after) is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(x => x.CreatedAt < key || (x.CreatedAt == key && x.Id < c.Id));
        }

        var rows = await query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = await ContractViewsAsync([.. rows.Take(size)], cancellationToken);
        return new Page<MaintenanceContractView>(items, rows.Count > size ? Cursor.Encode(items[^1].CreatedAt.UtcTicks, items[^1].Id) : null);
    }

    public async Task<MaintenanceContractView> ContractAsync(Guid id, CancellationToken cancellationToken)
    {
        var contract = await db.MaintenanceContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("维保合同");
        return (await ContractViewsAsync([contract], cancellationToken))[0];
    }

    public async Task<Page<MaintenancePlanView>> PlansAsync(Guid? contractId, MaintenancePlanStatus? status, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var query = db.MaintenancePlans.AsNoTracking();
        if (contractId is { } contract)
        {
            query = query.Where(p => p.ContractId == contract);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (Cursor.Decode(after) is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(x => x.CreatedAt < key || (x.CreatedAt == key && x.Id < c.Id));
        }

        var rows = await query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = await PlanViewsAsync([.. rows.Take(size)], cancellationToken);
        return new Page<MaintenancePlanView>(items, rows.Count > size ? Cursor.Encode(items[^1].CreatedAt.UtcTicks, items[^1].Id) : null);
    }

    public async Task<MaintenancePlanView> PlanAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await db.MaintenancePlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound("维保计划");
        return (await PlanViewsAsync([plan], cancellationToken))[0];
    }

    /// <summary>Visits, latest due first; <paramref name="reported"/> keeps visits with (true) or without (false) a report.</summary>
    public async Task<Page<MaintenanceVisitView>> VisitsAsync(Guid? planId, bool? reported, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var query = db.MaintenanceVisits.AsNoTracking();
        if (planId is { } plan)
        {
            query = query.Where(v => v.PlanId == plan);
        }

        if (reported is { } r)
        {
            query = r ? query.Where(v => v.ReportFiledAt != null) : query.Where(v => v.ReportFiledAt == null);
        }

        if (Cursor.Decode(after) is { } c)
        {
            var key = c.Key is >= 0 and <= int.MaxValue ? DateOnly.FromDayNumber((int)c.Key) : throw new InvalidInput("page[after]", "分页游标无效。");
            query = query.Where(x => x.DueOn < key || (x.DueOn == key && x.Id < c.Id));
        }

        var rows = await query.OrderByDescending(x => x.DueOn).ThenByDescending(x => x.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = await VisitViewsAsync([.. rows.Take(size)], cancellationToken);
        return new Page<MaintenanceVisitView>(items, rows.Count > size ? Cursor.Encode(items[^1].DueOn.DayNumber, items[^1].Id) : null);
    }

    public async Task<MaintenanceVisitView> VisitAsync(Guid id, CancellationToken cancellationToken)
    {
        var visit = await db.MaintenanceVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw new NotFound("维保记录");
        return (await VisitViewsAsync([visit], cancellationToken))[0];
    }

    /// <summary>生成预览: the visits active plans make in the next <paramref name="days"/> days, generated or not yet.</summary>
    public async Task<IReadOnlyList<UpcomingVisitView>> UpcomingAsync(int? days, CancellationToken cancellationToken)
    {
        var span = days ?? 30;
        InvalidInput.Require(span is >= 1 and <= 366, "days", "预览天数须在 1 至 366 之间。");
        var today = ServiceZone.DateOf(clock.GetUtcNow());
        var through = today.AddDays(span);
        var plans = await db.MaintenancePlans.AsNoTracking().Where(p => p.Status == MaintenancePlanStatus.Active && p.FirstDueOn <= through).ToListAsync(cancellationToken);
        var contracts = await ContractsOfAsync(plans, cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var generated = (await db.MaintenanceVisits.AsNoTracking().Where(v => planIds.Contains(v.PlanId) && v.DueOn >= today && v.DueOn <= through)
            .Select(v => new { v.PlanId, v.DueOn }).ToListAsync(cancellationToken)).Select(v => (v.PlanId, v.DueOn)).ToHashSet();
        var names = await NamesAsync(plans.Select(p => p.CustomerId), cancellationToken);
        return [.. plans
            .SelectMany(p => p.Upcoming(today, 100, Contract(contracts, p)).Where(v => v.DueOn <= through)
                .Select(v => new UpcomingVisitView(p.Id, p.Number, p.Title, MaintenanceNames.Kind(p.Kind), names.GetValueOrDefault(p.CustomerId, string.Empty), p.AssetSerial,
                    v.Sequence, v.DueOn, generated.Contains((p.Id, v.DueOn)))))
            .OrderBy(v => v.DueOn).ThenBy(v => v.PlanNumber)];
    }

    /// <summary>Covered assets the caller (supplier) may put under a contract for <paramref name="customerId"/>: its own assets of that customer.</summary>
    public async Task<IReadOnlyList<CoveredAssetView>> AssetsOfCustomerAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().Where(a => a.CustomerId == customerId).OrderBy(a => a.Serial).Select(a => new CoveredAssetView(a.Id, a.Serial)).ToListAsync(cancellationToken);

    /// <summary>An asset the caller sees, by serial (the forms take serials).</summary>
    public async Task<Guid?> AssetIdAsync(string serial, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().Where(a => a.Serial == serial).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The customers the supplier has sold to (the contract form's picker).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CustomersAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Assets.AsNoTracking().Select(a => a.CustomerId).Distinct().ToListAsync(cancellationToken);
        var names = await NamesAsync(ids, cancellationToken);
        return [.. names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => (n.Key, n.Value))];
    }

    private async Task<IReadOnlyList<MaintenanceContractView>> ContractViewsAsync(IReadOnlyList<MaintenanceContract> contracts, CancellationToken cancellationToken)
    {
        var today = ServiceZone.DateOf(clock.GetUtcNow());
        var names = await NamesAsync(contracts.SelectMany(c => new[] { c.CustomerId, c.SupplierId }), cancellationToken);
        var assetIds = contracts.SelectMany(c => c.CoveredAssetIds).Distinct().ToList();
        var serials = await db.Assets.AsNoTracking().IgnoreQueryFilters().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Serial, cancellationToken);
        return [.. contracts.Select(c =>
        {
            var status = c.StatusOn(today);
            return new MaintenanceContractView(c.Id, c.Number, c.Title, c.CustomerId, names.GetValueOrDefault(c.CustomerId, string.Empty), c.SupplierId,
                names.GetValueOrDefault(c.SupplierId, string.Empty), c.StartsOn, c.EndsOn, c.FeeCny, c.ServiceContent,
                [.. c.CoveredAssetIds.Select(a => new CoveredAssetView(a, serials.GetValueOrDefault(a, "?")))], status, MaintenanceNames.ContractStatus(status),
                c.TerminationReason, c.CreatedAt, c.CreatedBy);
        })];
    }

    private async Task<IReadOnlyList<MaintenancePlanView>> PlanViewsAsync(IReadOnlyList<MaintenancePlan> plans, CancellationToken cancellationToken)
    {
        var today = ServiceZone.DateOf(clock.GetUtcNow());
        var names = await NamesAsync(plans.SelectMany(p => new[] { p.CustomerId, p.SupplierId }), cancellationToken);
        var contracts = await ContractsOfAsync(plans, cancellationToken);
        var caller = callers.Required.ToActor();
        return [.. plans.Select(p =>
        {
            var contract = Contract(contracts, p);
            var next = p.Status == MaintenancePlanStatus.Active ? p.Upcoming(today, PreviewCount, contract).Select(v => v.DueOn).ToList() : [];
            var mayEnd = p.Status == MaintenancePlanStatus.Active && caller.Party == PartyKind.Supplier && caller.OrganizationId == p.SupplierId && caller.Has(Permissions.WorkOrdersDispatch);
            return new MaintenancePlanView(p.Id, p.Number, p.Title, p.Kind, MaintenanceNames.Kind(p.Kind), p.CustomerId, names.GetValueOrDefault(p.CustomerId, string.Empty),
                p.SupplierId, names.GetValueOrDefault(p.SupplierId, string.Empty), p.ContractId, contract?.Number, p.AssetId, p.AssetSerial, p.IntervalMonths, p.FirstDueOn,
                p.EndsOn, p.Items, p.Status, MaintenanceNames.PlanStatus(p.Status), p.EndReason, p.CreatedAt, p.CreatedBy, next, mayEnd);
        })];
    }

    private async Task<IReadOnlyList<MaintenanceVisitView>> VisitViewsAsync(IReadOnlyList<MaintenanceVisit> visits, CancellationToken cancellationToken)
    {
        var today = ServiceZone.DateOf(clock.GetUtcNow());
        var planIds = visits.Select(v => v.PlanId).Distinct().ToList();
        var plans = await db.MaintenancePlans.AsNoTracking().IgnoreQueryFilters().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var orderIds = visits.Select(v => v.WorkOrderId).ToList();
        var orders = await db.WorkOrders.AsNoTracking().IgnoreQueryFilters().Where(w => orderIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Status, w.CheckedOutAt }).ToDictionaryAsync(w => w.Id, cancellationToken);
        var names = await NamesAsync(visits.SelectMany(v => new[] { v.CustomerId, v.SupplierId }), cancellationToken);
        var calendar = await CalendarAsync(cancellationToken);
        var caller = callers.Required.ToActor();
        return [.. visits.Select(v =>
        {
            var plan = plans[v.PlanId];
            var order = orders.GetValueOrDefault(v.WorkOrderId);
            var (state, text) = ReportState(v, order?.Status, order?.CheckedOutAt, today, calendar);
            var mayFile = !v.HasReport && caller.Party == PartyKind.Supplier && caller.OrganizationId == v.SupplierId
                && (caller.Has(Permissions.RequestsExecute) || caller.Has(Permissions.WorkOrdersDispatch));
            return new MaintenanceVisitView(v.Id, v.PlanId, v.PlanNumber, plan.Title, plan.Kind, MaintenanceNames.Kind(plan.Kind), v.Sequence, v.DueOn, v.CustomerId,
                names.GetValueOrDefault(v.CustomerId, string.Empty), names.GetValueOrDefault(v.SupplierId, string.Empty), plan.AssetSerial, v.ServiceRequestId, v.ServiceRequestNumber,
                v.WorkOrderId, v.WorkOrderNumber, order is null ? "—" : WorkOrderNames.Status(order.Status), v.RemindedAt, v.VisitedOn,
                v.ReportDueOn ?? (order?.CheckedOutAt is { } done ? MaintenanceVisit.ReportDueFor(ServiceZone.DateOf(done), calendar) : null),
                state, text, v.ReportFiledAt, v.ReportFiledBy, v.ReportOnTime,
                [.. v.ReportItems.Select(i => new InspectionItemView(i.Item, i.Result, MaintenanceNames.Result(i.Result), i.Note))], plan.Items, v.Findings, v.NextDueOn, mayFile);
        })];
    }

    /// <summary>
    /// R-MNT-1: met / late once filed; before that, due by the 3rd working day after the work order's check-out (overdue
    /// past it), or still to be visited.
    /// </summary>
    private static (string State, string Text) ReportState(MaintenanceVisit visit, WorkOrderStatus? status, DateTimeOffset? checkedOut, DateOnly today, WorkingCalendar calendar)
    {
        if (visit.HasReport)
        {
            return visit.ReportOnTime == true ? ("met", "按时提交") : ("late", "逾期提交");
        }

        if (status == WorkOrderStatus.Cancelled)
        {
            return ("cancelled", "工单已取消");
        }

        if (checkedOut is { } done)
        {
            var due = MaintenanceVisit.ReportDueFor(ServiceZone.DateOf(done), calendar);
            return today > due ? ("overdue", $"已逾期（应于 {due:yyyy-MM-dd} 前提交）") : ("due", $"待提交（{due:yyyy-MM-dd} 前）");
        }

        return ("scheduled", "待维保");
    }

    public Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => rules.CalendarAsync(db, WorkingCalendars.Cn918Id, cancellationToken);

    private async Task<Dictionary<Guid, MaintenanceContract>> ContractsOfAsync(IEnumerable<MaintenancePlan> plans, CancellationToken cancellationToken)
    {
        var ids = plans.Where(p => p.ContractId is not null).Select(p => p.ContractId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.MaintenanceContracts.AsNoTracking().IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    private static MaintenanceContract? Contract(Dictionary<Guid, MaintenanceContract> contracts, MaintenancePlan plan) =>
        plan.ContractId is { } id ? contracts.GetValueOrDefault(id) : null;

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.AsNoTracking().IgnoreQueryFilters().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}
