using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ReturnToFactory;

/// <summary>
/// The stages of a return-to-factory (R-EXE-5) or replacement (R-EXE-6) work order: load the work order the caller may
/// see (else 404) and its record, run one domain verb, and — in the same transaction — open or close the request's
/// return-to-factory timers, so a late pickup or return is a breach the deadline monitor escalates and charges like any
/// other. The same Idempotency-Key gets the first result; a stale write is 409.
/// </summary>
public sealed class ReturnActions(AppDbContext db, ServiceRulesCatalog rulesCatalog, DeadlineNotifier notifier, WorkOrders.WorkOrderActions workOrders)
{
    /// <param name="Carrier">承运商, e.g. 顺丰速运.</param>
    /// <param name="TrackingNumber">运单号.</param>
    public sealed record ShipmentCommand(string? Carrier, string? TrackingNumber);

    public sealed record NoteCommand(string? Note);

    /// <param name="RepairWork">维修内容: what was done at the factory.</param>
    public sealed record RepairCommand(string? RepairWork);

    /// <param name="TestResult">测试结果.</param>
    /// <param name="Passed">Whether the test passed; a failed test sends the unit back to repair.</param>
    public sealed record TestCommand(string? TestResult, bool? Passed);

    /// <param name="Reason">驳回理由: why the replacement is refused (required).</param>
    public sealed record RefusalCommand(string? Reason);

    /// <param name="NewSerial">The new unit's serial (letters, digits, dot, hyphen, underscore).</param>
    public sealed record NewUnitCommand(string? NewSerial);

    /// <param name="InspectionResult">检测结论 of the faulty unit.</param>
    /// <param name="FaultConfirmed">Whether the inspection confirmed the reported fault.</param>
    public sealed record InspectionCommand(string? InspectionResult, bool? FaultConfirmed);

    public Task<Guid> BookPickupAsync(Guid id, ShipmentCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "bookPickup", c, key, async (o, r, by, now) =>
        {
            r.BookPickup(o, by, c.Carrier, c.TrackingNumber, now);
            await WithRequestAsync(o, now, (request, rules) =>
            {
                request.OpenFactoryTimer(DeadlineKind.FactoryPickup, r.NotifiedAt, now, rules);
                request.CloseFactoryTimer(DeadlineKind.FactoryPickup, r.NotifiedAt, now, rules);
            }, ct);
        }, ct);

    public Task<Guid> ConfirmPickupAsync(Guid id, NoteCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "confirmPickup", c, key, (o, r, by, now) => Sync(() => r.ConfirmPickup(o, by, c.Note, now)), ct);

    public Task<Guid> ReceiveAtFactoryAsync(Guid id, NoteCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "receiveAtFactory", c, key, async (o, r, by, now) =>
        {
            // R-EXE-5 [002]: "3 个工作日" on the working calendar cn-9-18 (holidays and make-up days included).
            r.ReceiveAtFactory(o, by, c.Note, now, await rulesCatalog.CalendarAsync(db, WorkingCalendars.Cn918Id, ct));
            await WithRequestAsync(o, now, (request, rules) => request.OpenFactoryTimer(DeadlineKind.FactoryReturn, now, now, rules), ct);
        }, ct);

    public Task<Guid> RecordRepairAsync(Guid id, RepairCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "recordRepair", c, key, (o, r, by, now) => Sync(() => r.RecordRepair(o, by, c.RepairWork, now)), ct);

    public Task<Guid> RecordTestAsync(Guid id, TestCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "recordTest", c, key, (o, r, by, now) => Sync(() => r.RecordTest(o, by, c.TestResult, c.Passed, now)), ct);

    public Task<Guid> ShipBackAsync(Guid id, ShipmentCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "shipBack", c, key, async (o, r, by, now) =>
        {
            r.ShipBack(o, by, c.Carrier, c.TrackingNumber, now);
            var received = r.ReceivedAtFactoryAt!.Value;
            await WithRequestAsync(o, now, (request, rules) => request.CloseFactoryTimer(DeadlineKind.FactoryReturn, received, now, rules), ct);
        }, ct);

    public Task<Guid> ConfirmDeliveryAsync(Guid id, NoteCommand c, string? key, CancellationToken ct) =>
        RunFactoryAsync(id, "confirmDelivery", c, key, (o, r, by, now) => Sync(() => r.ConfirmDelivery(o, by, c.Note, now)), ct);

    public Task<Guid> ApproveReplacementAsync(Guid id, NoteCommand c, string? key, CancellationToken ct) =>
        RunReplacementAsync(id, "approveReplacement", c, key, (o, r, by, now) => Sync(() => r.Approve(o, by, c.Note, now)), ct);

    /// <summary>驳回 (R-EXE-6): the manager refuses the replacement with a reason; the replacement work order is cancelled.</summary>
    public Task<Guid> RefuseReplacementAsync(Guid id, RefusalCommand c, string? key, CancellationToken ct) =>
        RunReplacementAsync(id, "refuseReplacement", c, key, (o, r, by, now) => Sync(() => r.Refuse(o, by, c.Reason, now)), ct);

    /// <summary>新机交付 (R-EXE-6): the asset record follows — the old unit names the new serial, a registered new unit the old one.</summary>
    public Task<Guid> RecordNewUnitAsync(Guid id, NewUnitCommand c, string? key, CancellationToken ct) =>
        RunReplacementAsync(id, "recordNewUnit", c, key, async (o, r, by, now) =>
        {
            r.RecordNewUnit(o, by, c.NewSerial, now);
            var serial = r.NewSerial!;
            var newUnit = await db.Assets.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Serial == serial, ct);
            if (newUnit is not null)
            {
                InvalidInput.Require(newUnit.SupplierId == o.SupplierId && newUnit.CustomerId == o.CustomerId && newUnit.Id != r.AssetId,
                    "newSerial", "该序列号已登记为其他设备，不能作为本次更换的新机。");
                if (r.OldSerial.Length > 0)
                {
                    newUnit.RecordReplaces(r.OldSerial);
                }
            }

            if (r.AssetId is { } assetId && await db.Assets.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == assetId, ct) is { } old)
            {
                old.RecordReplacedBy(serial, now);
            }
        }, ct);

    public Task<Guid> ShipFaultyUnitAsync(Guid id, ShipmentCommand c, string? key, CancellationToken ct) =>
        RunReplacementAsync(id, "shipFaultyUnit", c, key, (o, r, by, now) => Sync(() => r.ShipFaultyUnit(o, by, c.Carrier, c.TrackingNumber, now)), ct);

    public Task<Guid> ReceiveFaultyUnitAsync(Guid id, NoteCommand c, string? key, CancellationToken ct) =>
        RunReplacementAsync(id, "receiveFaultyUnit", c, key, (o, r, by, now) => Sync(() => r.ReceiveFaultyUnit(o, by, c.Note, now)), ct);

    public Task<Guid> InspectFaultyUnitAsync(Guid id, InspectionCommand c, string? key, CancellationToken ct) =>
        RunReplacementAsync(id, "inspectFaultyUnit", c, key, (o, r, by, now) => Sync(() => r.Inspect(o, by, c.InspectionResult, c.FaultConfirmed, now)), ct);

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="act"/> on the work order's request (tracked, with its deadlines) and sends the alerts it raised.</summary>
    private async Task WithRequestAsync(WorkOrder order, DateTimeOffset now, Action<ServiceRequest, ServiceRules> act, CancellationToken ct)
    {
        var request = await db.ServiceRequests.IgnoreQueryFilters().Include(r => r.Deadlines).SingleAsync(r => r.Id == order.ServiceRequestId, ct);
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, ct);
        act(request, rules);
        await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, ct);
    }

    private Task<Guid> RunFactoryAsync(Guid id, string action, object command, string? key, Func<WorkOrder, FactoryRepairRecord, Actor, DateTimeOffset, Task> verb, CancellationToken ct) =>
        RunAsync(id, action, command, key, async (o, by, now) =>
        {
            o.EnsureStageKind(WorkOrderKind.ReturnToFactory, action);
            var record = await db.FactoryRepairRecords.SingleOrDefaultAsync(r => r.WorkOrderId == o.Id, ct);
            if (record is null)
            {
                record = FactoryRepairRecord.Start(o);
                db.FactoryRepairRecords.Add(record);
            }

            await verb(o, record, by, now);
        }, ct);

    private Task<Guid> RunReplacementAsync(Guid id, string action, object command, string? key, Func<WorkOrder, UnitReplacement, Actor, DateTimeOffset, Task> verb, CancellationToken ct) =>
        RunAsync(id, action, command, key, async (o, by, now) =>
        {
            o.EnsureStageKind(WorkOrderKind.Replacement, action);
            var record = await db.UnitReplacements.SingleOrDefaultAsync(r => r.WorkOrderId == o.Id, ct);
            if (record is null)
            {
                record = await ReturnRecords.StartReplacementAsync(db, o, ct);
                db.UnitReplacements.Add(record);
            }

            await verb(o, record, by, now);
        }, ct);

    /// <summary>The work order's own load-check-save shape (idempotency, 404 for the unseen, 409 for the stale), in one transaction with the record.</summary>
    private Task<Guid> RunAsync(Guid id, string action, object command, string? idempotencyKey, Func<WorkOrder, Actor, DateTimeOffset, Task> verb, CancellationToken ct) =>
        workOrders.RunAsync(id, action, command, idempotencyKey, verb, ct, transactional: true);
}
