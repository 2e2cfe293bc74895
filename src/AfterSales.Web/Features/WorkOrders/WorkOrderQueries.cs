using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>Filters of the work-order list.</summary>
public sealed record WorkOrderFilter(Guid? RequestId = null, WorkOrderStatus? Status = null, WorkOrderKind? Kind = null, bool? Open = null, bool? Mine = null);

/// <summary>
/// Read side of work orders (issue 6). The query filter shows a request's work orders to its parties; within the
/// supplier, an engineer without the dispatcher's permission sees only the work orders assigned to them.
/// </summary>
public sealed class WorkOrderQueries(AppDbContext db, CallerContext callers, TimeProvider clock, Policies.ServiceRulesCatalog rulesCatalog)
{
    public async Task<WorkOrderView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.AsNoTracking().Include(w => w.Entries).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        var by = callers.Required.ToActor();
        if (order is null || !order.IsVisibleTo(by))
        {
            throw new NotFound("工单");
        }

        return View(order, by, clock.GetUtcNow(), withTimeline: true);
    }

    public async Task<Page<WorkOrderView>> ListAsync(WorkOrderFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var query = Visible(filter);
        if (Cursor.Decode(after) is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(w => w.CreatedAt < key || (w.CreatedAt == key && w.Id < c.Id));
        }

        var orders = await query.OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id).Take(size + 1).ToListAsync(cancellationToken);
        var by = callers.Required.ToActor();
        var now = clock.GetUtcNow();
        var items = orders.Take(size).Select(o => View(o, by, now, withTimeline: false)).ToList();
        return new Page<WorkOrderView>(items, orders.Count > size ? Cursor.Encode(items[^1].CreatedAt.UtcTicks, items[^1].Id) : null);
    }

    /// <summary>The work orders of one request, oldest first (the request page's panel).</summary>
    public async Task<IReadOnlyList<WorkOrderView>> ForRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var by = callers.Required.ToActor();
        var now = clock.GetUtcNow();
        var orders = await Visible(new WorkOrderFilter(RequestId: requestId)).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        return [.. orders.Select(o => View(o, by, now, withTimeline: false))];
    }

    /// <summary>我的今日工单 (issue 6 §9): the caller's open work orders, and the ones finished today, soonest first.</summary>
    public async Task<IReadOnlyList<WorkOrderView>> TodayAsync(CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var by = caller.ToActor();
        var now = clock.GetUtcNow();
        var startOfDay = ServiceZone.At(ServiceZone.DateOf(now), TimeOnly.MinValue);
        var orders = await db.WorkOrders.AsNoTracking().Include(w => w.Entries)
            .Where(w => w.AssigneeUserId == caller.UserId
                && (w.Status != WorkOrderStatus.Done && w.Status != WorkOrderStatus.Cancelled || w.ClosedAt >= startOfDay))
            .ToListAsync(cancellationToken);
        return [.. orders
            .OrderBy(o => o.IsOpen ? 0 : 1)
            .ThenBy(o => o.ArrivalDueAt ?? o.ScheduledStart ?? DateTimeOffset.MaxValue)
            .ThenBy(o => o.CreatedAt)
            .Select(o => View(o, by, now, withTimeline: true))];
    }

    /// <summary>
    /// 派工看板 (R-EXE-2): the supplier's open on-site work, the due arrival first, each with its engineers ranked by
    /// certificate, skill, city and load.
    /// </summary>
    public async Task<IReadOnlyList<DispatchBoardRow>> BoardAsync(CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (caller.Party != PartyKind.Supplier || !caller.Has(Permissions.WorkOrdersDispatch))
        {
            throw new ActionNotPermitted("dispatchBoard", "只有供应商的客服或经理可以查看派工看板。");
        }

        var by = caller.ToActor();
        var now = clock.GetUtcNow();
        var orders = await db.WorkOrders.AsNoTracking()
            .Where(w => w.SupplierId == caller.OrganizationId && w.Kind == WorkOrderKind.OnSite
                && w.Status != WorkOrderStatus.Done && w.Status != WorkOrderStatus.Cancelled && w.Status != WorkOrderStatus.AwaitingConfirmation)
            .ToListAsync(cancellationToken);
        var candidates = await CandidatesAsync(caller.OrganizationId, cancellationToken);
        var promises = await PromisesAsync(orders, cancellationToken);
        return [.. orders
            .Select(o => (Order: o, Suggestions: DispatchRanking.Rank(o, candidates, now, promises.GetValueOrDefault(o.ServiceRequestId))))
            .OrderBy(x => x.Order.ArrivalDueAt ?? (x.Suggestions.Count > 0 ? x.Suggestions[0].ArrivalDueAt : x.Order.CreatedAt + ArrivalDeadline.OtherCity))
            .Select(x => new DispatchBoardRow(View(x.Order, by, now, withTimeline: false), x.Suggestions))];
    }

    /// <summary>The engineers a work order may be dispatched to, ranked (R-EXE-2).</summary>
    public async Task<IReadOnlyList<DispatchSuggestion>> SuggestionsAsync(Guid workOrderId, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workOrderId, cancellationToken) ?? throw new NotFound("工单");
        var promises = await PromisesAsync([order], cancellationToken);
        return DispatchRanking.Rank(order, await CandidatesAsync(order.SupplierId, cancellationToken), clock.GetUtcNow(), promises.GetValueOrDefault(order.ServiceRequestId));
    }

    /// <summary>工程师档案: the caller's supplier's engineers with their current load.</summary>
    public async Task<IReadOnlyList<EngineerView>> EngineersAsync(CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var today = ServiceZone.DateOf(clock.GetUtcNow());
        var candidates = await CandidatesAsync(caller.OrganizationId, cancellationToken);
        return [.. candidates.OrderBy(c => c.Engineer.Name, StringComparer.Ordinal).Select(c => new EngineerView(
            c.Engineer.UserId, c.Engineer.Name, c.Engineer.BaseCity, c.Engineer.CalendarId, c.Engineer.Skills,
            [.. c.Engineer.Certificates.Select(x => new CertificateView(x.Type, WorkOrderNames.Certificate(x.Type), x.Number, x.ExpiresOn, x.IsValidOn(today)))],
            c.OpenWorkOrders, c.Engineer.Version))];
    }

    /// <summary>The arrival each request's policy promises (R-EXE-2), from its open arrival deadlines, for on-site work.</summary>
    private async Task<Dictionary<Guid, ArrivalPromise>> PromisesAsync(IReadOnlyList<WorkOrder> orders, CancellationToken cancellationToken)
    {
        var ids = orders.Where(o => o.Kind == WorkOrderKind.OnSite).Select(o => o.ServiceRequestId).Distinct().ToList();
        var requests = await db.ServiceRequests.AsNoTracking().Include(r => r.Deadlines).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var promises = new Dictionary<Guid, ArrivalPromise>();
        foreach (var request in requests)
        {
            var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
            var (sameCity, otherCity) = request.ArrivalDueByCity(rules);
            promises[request.Id] = new ArrivalPromise(sameCity, otherCity);
        }

        return promises;
    }

    private async Task<IReadOnlyList<DispatchCandidate>> CandidatesAsync(Guid supplierId, CancellationToken cancellationToken)
    {
        var engineers = await db.EngineerProfiles.AsNoTracking().Where(e => e.OrganizationId == supplierId).ToListAsync(cancellationToken);
        var ids = engineers.Select(e => e.UserId).ToList();
        var loads = await db.WorkOrders.AsNoTracking()
            .Where(w => w.AssigneeUserId != null && ids.Contains(w.AssigneeUserId.Value) && w.Status != WorkOrderStatus.Done && w.Status != WorkOrderStatus.Cancelled)
            .GroupBy(w => w.AssigneeUserId!.Value)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        return [.. engineers.Select(e => new DispatchCandidate(e, loads.GetValueOrDefault(e.UserId)))];
    }

    private IQueryable<WorkOrder> Visible(WorkOrderFilter filter)
    {
        var caller = callers.Required;
        var query = db.WorkOrders.AsNoTracking();
        var onlyMine = filter.Mine == true || (caller.Party == PartyKind.Supplier && !caller.Has(Permissions.WorkOrdersDispatch));
        if (onlyMine)
        {
            query = query.Where(w => w.AssigneeUserId == caller.UserId);
        }

        if (filter.RequestId is { } requestId)
        {
            query = query.Where(w => w.ServiceRequestId == requestId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(w => w.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(w => w.Kind == kind);
        }

        if (filter.Open is { } open)
        {
            query = open
                ? query.Where(w => w.Status != WorkOrderStatus.Done && w.Status != WorkOrderStatus.Cancelled)
                : query.Where(w => w.Status == WorkOrderStatus.Done || w.Status == WorkOrderStatus.Cancelled);
        }

        return query;
    }

    public static WorkOrderView View(WorkOrder o, Actor by, DateTimeOffset now, bool withTimeline) => new(
        o.Id, o.Number, o.ServiceRequestId, o.ServiceRequestNumber, o.Kind, WorkOrderNames.Kind(o.Kind), o.Status, WorkOrderNames.Status(o.Status),
        o.Summary, o.RequiredSkill, o.RequiredCertificate, o.RequiredCertificate is { } c ? WorkOrderNames.Certificate(c) : null,
        o.SiteCity, o.SiteAddress, MapUrl(o.SiteCity, o.SiteAddress), o.SiteAccess, o.ScheduledStart, o.ScheduledEnd, o.RemoteToolLink,
        o.AssigneeUserId, o.AssigneeName, o.AssigneeBaseCity, o.DispatchedAt, o.ArrivalDueAt, o.CheckedInAt, o.CheckedOutAt, o.LateMinutes, o.IsLate(now),
        o.AuthorizedAt, o.AuthorizedBy, o.TestRunHours, o.TestRunResult, o.Cause, o.Prevention, o.SignedBy, o.SignedAt, o.SignatureAttachmentId,
        o.Outcome, o.ConfirmationNote, o.FollowUpOfId, o.CreatedAt, o.CreatedBy, o.ClosedAt, o.Version,
        [.. Enum.GetValues<WorkOrderAction>().Where(a => o.CanDo(a, by)).Select(WorkOrderNames.ActionName)],
        withTimeline
            ? [.. o.Entries.OrderBy(e => e.Sequence).Select(e => new WorkOrderEntryView(e.Sequence, e.At, e.ActorName, e.Action, WorkOrderNames.Entry(e.Action), e.From, e.To, e.Note))]
            : [])
    {
        SiteProductionPeaks = o.SiteProductionPeaks,
    };

    /// <summary>导航: a map app's search link for the site address (高德地图 web URI, opens the app on a phone).</summary>
    public static string? MapUrl(string? city, string? address) =>
        address is null ? null : $"https://uri.amap.com/search?keyword={Uri.EscapeDataString(address)}{(city is null ? string.Empty : $"&city={Uri.EscapeDataString(city)}")}&callnative=1";
}
