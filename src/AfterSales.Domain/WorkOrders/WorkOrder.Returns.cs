using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.WorkOrders;

/// <summary>
/// The hooks the return-to-factory and replacement records (R-EXE-5, R-EXE-6) use: each of their stages is an entry on
/// this work order's own timeline, and the last stage completes the work order if the generic flow has not yet.
/// </summary>
public sealed partial class WorkOrder
{
    /// <summary>Supplier staff of this work order: a dispatcher of the supplier, or the engineer it is assigned to.</summary>
    public bool IsSupplierStaff(Actor by) =>
        by.Party == PartyKind.Supplier && by.OrganizationId == SupplierId
        && (by.Has(Permissions.WorkOrdersDispatch) || (by.Has(Permissions.RequestsExecute) && AssigneeUserId == by.UserId));

    /// <summary>The customer of this work order, with the permission to accept work.</summary>
    public bool IsCustomer(Actor by) =>
        by.Party == PartyKind.Customer && by.OrganizationId == CustomerId && by.Has(Permissions.RequestsAcceptWork);

    /// <summary>Refuses a stage on a work order of another kind, or one that was cancelled (409).</summary>
    internal void EnsureStageOpen(WorkOrderKind kind, string action)
    {
        EnsureStageKind(kind, action);

        if (Status == WorkOrderStatus.Cancelled)
        {
            throw new TransitionRefused(action, Status.ToString(), "工单已取消，不能再登记。");
        }
    }

    /// <summary>Refuses a stage on a work order of another kind (409).</summary>
    public void EnsureStageKind(WorkOrderKind kind, string action)
    {
        if (Kind != kind)
        {
            throw new TransitionRefused(action, Status.ToString(), $"只有{WorkOrderNames.Kind(kind)}工单有此环节，本工单为{WorkOrderNames.Kind(Kind)}。");
        }
    }

    /// <summary>A stage of the record, on the timeline; the last one completes the work order (R-WO-1 then counts it done).</summary>
    internal void NoteStage(Actor by, string action, string note, DateTimeOffset now, bool completes = false)
    {
        if (completes && IsOpen)
        {
            var from = Status;
            Status = WorkOrderStatus.Done;
            ClosedAt = now;
            Record(by, action, from, WorkOrderStatus.Done, note, now);
            return;
        }

        Record(by, action, null, null, note, now);
    }

    /// <summary>A stage that ends the record without the work (a refused replacement): the work order is cancelled with it.</summary>
    internal void CancelAtStage(Actor by, string action, string note, DateTimeOffset now)
    {
        var from = Status;
        if (!IsOpen)
        {
            Record(by, action, null, null, note, now);
            return;
        }

        Status = WorkOrderStatus.Cancelled;
        ClosedAt = now;
        Record(by, action, from, WorkOrderStatus.Cancelled, note, now);
    }
}
