using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ReturnToFactory;

/// <summary>
/// What creating a work order starts for these two kinds, in the creation's transaction: a return-to-factory work order
/// gets its record and opens the request's 24 h pickup timer (R-EXE-5); a replacement work order gets its record
/// awaiting the manager's approval (R-EXE-6).
/// </summary>
public sealed class ReturnRecords(AppDbContext db, ServiceRulesCatalog rulesCatalog, DeadlineNotifier notifier)
{
    public async Task OnCreatedAsync(WorkOrder order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.Kind == WorkOrderKind.ReturnToFactory)
        {
            var record = FactoryRepairRecord.Start(order);
            db.FactoryRepairRecords.Add(record);
            var request = await db.ServiceRequests.IgnoreQueryFilters().Include(r => r.Deadlines).SingleAsync(r => r.Id == order.ServiceRequestId, ct);
            var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, ct);
            request.OpenFactoryTimer(DeadlineKind.FactoryPickup, record.NotifiedAt, now, rules);
        }
        else if (order.Kind == WorkOrderKind.Replacement)
        {
            db.UnitReplacements.Add(await StartReplacementAsync(db, order, ct));
        }
    }

    /// <summary>
    /// A cancelled return-to-factory work order owes nothing more: its open pickup or return timer closes (a timer already
    /// past due stays breached), in the cancellation's transaction.
    /// </summary>
    public async Task OnCancelledAsync(WorkOrder order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.Kind != WorkOrderKind.ReturnToFactory
            || await db.FactoryRepairRecords.AsNoTracking().SingleOrDefaultAsync(r => r.WorkOrderId == order.Id, ct) is not { } record)
        {
            return;
        }

        var request = await db.ServiceRequests.IgnoreQueryFilters().Include(r => r.Deadlines).SingleAsync(r => r.Id == order.ServiceRequestId, ct);
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, ct);
        request.CloseFactoryTimer(DeadlineKind.FactoryPickup, record.NotifiedAt, now, rules);
        if (record.ReceivedAtFactoryAt is { } received)
        {
            request.CloseFactoryTimer(DeadlineKind.FactoryReturn, received, now, rules);
        }

        await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, ct);
    }

    /// <summary>R-EXE-6: the replacement record of the request's asset, awaiting approval.</summary>
    public static async Task<UnitReplacement> StartReplacementAsync(AppDbContext db, WorkOrder order, CancellationToken ct)
    {
        var assetId = await db.ServiceRequests.IgnoreQueryFilters().Where(r => r.Id == order.ServiceRequestId).Select(r => r.AssetId).SingleOrDefaultAsync(ct);
        var serial = assetId is { } id
            ? await db.Assets.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Serial).SingleOrDefaultAsync(ct)
            : null;
        return UnitReplacement.Start(order, assetId, serial);
    }
}
