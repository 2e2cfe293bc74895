using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Loaners;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Loaners;

/// <summary>
/// The verbs of a loaner pool (R-EXE-7): register a unit, issue it to a customer site for a request (under the request's
/// 备用机 work order, created when there is none), record the customer's receipt, reclaim it once the original unit runs
/// again, repair and retire. Each loads the unit the caller may see (else 404), runs one domain verb and saves once; a
/// write that lost a race for the same unit is 409, so of two issues of one unit exactly one wins.
/// </summary>
public sealed class LoanerActions(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="AssetTag">资产标签, unique in the pool, e.g. BYJ-001.</param>
    /// <param name="Serial">序列号.</param>
    /// <param name="Model">型号, e.g. VMC-850.</param>
    /// <param name="Name">名称, e.g. 立式数控加工中心.</param>
    /// <param name="Grade">档次, e.g. 中型立加.</param>
    /// <param name="Condition">good or worn (a damaged unit is not put in the pool).</param>
    /// <param name="PoolLocation">The pool warehouse, e.g. 苏州中心仓.</param>
    public sealed record RegisterCommand(string? AssetTag, string? Serial, string? Model, string? Name, string? Grade, LoanerCondition? Condition, string? PoolLocation);

    /// <param name="RequestId">The service request (id or number SR-…).</param>
    /// <param name="WorkOrderId">The request's 备用机 work order to use (optional: else its open one, or a new one).</param>
    /// <param name="Note">备注, e.g. the delivery vehicle.</param>
    public sealed record IssueCommand(string? RequestId, Guid? WorkOrderId, string? Note);

    /// <param name="ReceivedBy">The customer's representative who signed for the unit.</param>
    /// <param name="Note">备注.</param>
    public sealed record DeliverCommand(string? ReceivedBy, string? Note);

    /// <param name="OriginalRunning">The person reclaiming confirms the customer's own unit runs again (needed while the request's service is not complete).</param>
    /// <param name="Condition">The condition found: good, worn or damaged.</param>
    /// <param name="ToRepair">Send the unit to repair instead of back to the pool (a damaged unit always goes to repair).</param>
    /// <param name="Note">检查说明 (required unless good).</param>
    public sealed record ReclaimCommand(bool? OriginalRunning, LoanerCondition? Condition, bool? ToRepair, string? Note);

    public sealed record NoteCommand(string? Note);

    public sealed record RetireCommand(string? Reason);

    /// <summary>Supplier staff with loaners.manage, of the pool's own supplier.</summary>
    public static bool MayManage(Caller caller, Guid supplierId) =>
        caller.Party == PartyKind.Supplier && caller.Has(Permissions.LoanersManage) && caller.OrganizationId == supplierId;

    public async Task<Guid> RegisterAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (!MayManage(caller, caller.OrganizationId))
        {
            throw new ActionNotPermitted("register", "只有供应商的售后客服或经理可以管理备用机池。");
        }

        var now = clock.GetUtcNow();
        var unit = LoanerUnit.Register(Guid.CreateVersion7(now), caller.OrganizationId, command.AssetTag, command.Serial, command.Model, command.Name,
            command.Grade, command.Condition, command.PoolLocation, caller.DisplayName, caller.UserId, now);
        if (await db.LoanerUnits.AnyAsync(u => u.AssetTag == unit.AssetTag, cancellationToken))
        {
            throw new InvalidInput("assetTag", $"资产标签 {unit.AssetTag} 已在备用机池中。");
        }

        db.LoanerUnits.Add(unit);
        await SaveAsync(cancellationToken);
        return unit.Id;
    }

    /// <summary>
    /// 发放 (R-EXE-7): the unit must be in the pool. The request's open 备用机 work order is used, or one is created in the
    /// same transaction; the request must still be open.
    /// </summary>
    public async Task<Guid> IssueAsync(Guid id, IssueCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var unit = await LoadAsync(id, "issue", cancellationToken);
        InvalidInput.Require(!string.IsNullOrWhiteSpace(command.RequestId), "requestId", "请指定售后单。");
        var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), command.RequestId!)
            .Select(r => new { r.Id, r.Number, r.Status, r.SupplierId, r.CustomerId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new InvalidInput("requestId", "售后单不存在或无权查看。");
        var customerName = await db.Organizations.AsNoTracking().IgnoreQueryFilters().Where(o => o.Id == request.CustomerId).Select(o => o.Name).SingleAsync(cancellationToken);
        var site = await CreateWorkOrder.LoadRequestAsync(db, request.Id.ToString(), cancellationToken);
        var target = new LoanerRequest(request.Id, request.Number, request.SupplierId, request.CustomerId, customerName,
            site.SiteAddress is null ? null : $"{site.SiteCity} {site.SiteAddress}".Trim(), !ServiceRequestWorkflow.IsTerminal(request.Status));
        var now = clock.GetUtcNow();

        // Refuse an unavailable unit before anything is written (the verb checks again on the row it saves).
        unit.EnsureCanIssue(target);

        var orders = await db.WorkOrders.AsNoTracking().Where(w => w.ServiceRequestId == request.Id && w.Kind == WorkOrderKind.Loaner)
            .Select(w => new { w.Id, w.Status }).ToListAsync(cancellationToken);
        Guid? workOrderId = command.WorkOrderId;
        if (workOrderId is { } chosen)
        {
            InvalidInput.Require(orders.Any(o => o.Id == chosen), "workOrderId", "该工单不是此售后单的备用机工单。");
        }
        else
        {
            workOrderId = orders.Where(o => WorkOrderWorkflow.IsOpen(o.Status)).Select(o => (Guid?)o.Id).FirstOrDefault();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (workOrderId is null)
        {
            // The generic work-order flow carries the loaner's delivery; issue 6 §1: one work order per execution.
            var plan = new WorkOrderPlan(WorkOrderKind.Loaner, $"提供备用机 {unit.AssetTag}（{unit.Model} {unit.Name}）", null, null, null, null, null, null);
            var order = WorkOrder.Create(Guid.CreateVersion7(now), await CreateWorkOrder.NextNumberAsync(db, now, cancellationToken), site, plan, caller.ToActor(), now);
            db.WorkOrders.Add(order);
            workOrderId = order.Id;
        }

        unit.Issue(target, workOrderId, command.Note, caller.DisplayName, caller.UserId, now);
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return unit.Id;
    }

    public Task<Guid> DeliverAsync(Guid id, DeliverCommand command, CancellationToken cancellationToken) =>
        RunAsync(id, "deliver", (unit, by, now) => unit.Deliver(command.ReceivedBy, command.Note, by.DisplayName, by.UserId, now), cancellationToken);

    /// <summary>回收 (R-EXE-7): the request's service is complete (待验收 or later), or the caller confirms the original runs again.</summary>
    public async Task<Guid> ReclaimAsync(Guid id, ReclaimCommand command, CancellationToken cancellationToken)
    {
        var unit = await LoadAsync(id, "reclaim", cancellationToken);
        var status = unit.ServiceRequestId is { } requestId
            ? await db.ServiceRequests.AsNoTracking().IgnoreQueryFilters().Where(r => r.Id == requestId).Select(r => (ServiceRequestStatus?)r.Status).SingleOrDefaultAsync(cancellationToken)
            : null;
        var backInService = command.OriginalRunning == true || status is null || LoanerRules.OriginalBackInService(status.Value);
        var caller = callers.Required;
        unit.Reclaim(backInService, command.Condition, command.ToRepair == true, command.Note, caller.DisplayName, caller.UserId, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        return unit.Id;
    }

    public Task<Guid> RepairedAsync(Guid id, NoteCommand command, CancellationToken cancellationToken) =>
        RunAsync(id, "repaired", (unit, by, now) => unit.Repaired(command.Note, by.DisplayName, by.UserId, now), cancellationToken);

    public Task<Guid> RetireAsync(Guid id, RetireCommand command, CancellationToken cancellationToken) =>
        RunAsync(id, "retire", (unit, by, now) => unit.Retire(command.Reason, by.DisplayName, by.UserId, now), cancellationToken);

    private async Task<Guid> RunAsync(Guid id, string action, Action<LoanerUnit, Caller, DateTimeOffset> verb, CancellationToken cancellationToken)
    {
        var unit = await LoadAsync(id, action, cancellationToken);
        verb(unit, callers.Required, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        return unit.Id;
    }

    private async Task<LoanerUnit> LoadAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var unit = await db.LoanerUnits.Include(u => u.Movements).SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFound("备用机");
        if (!MayManage(callers.Required, unit.SupplierId))
        {
            throw new ActionNotPermitted(action, "只有本供应商的售后客服或经理可以发放、回收备用机。");
        }

        return unit;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A stale Version, or (PostgreSQL) the winner's movement with the same sequence: another write got there first.
            throw new ConcurrencyConflict();
        }
    }
}

/// <summary>
/// R-EXE-7 (like R-WO-1): a request is not archived while a loaner is still out with the customer. The request's archive
/// asks this gate first.
/// </summary>
public sealed class OutstandingLoanerGate(AppDbContext db)
{
    public async Task EnsureNoneOutAsync(string requestIdOrNumber, CancellationToken cancellationToken)
    {
        var requestId = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), requestIdOrNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return;
        }

        var outstanding = await db.LoanerUnits.AsNoTracking().IgnoreQueryFilters()
            .Where(u => u.ServiceRequestId == requestId && (u.Location == LoanerLocation.InTransit || u.Location == LoanerLocation.AtCustomer))
            .Select(u => u.AssetTag).ToListAsync(cancellationToken);
        if (outstanding.Count > 0)
        {
            throw new WorkflowRuleViolation("R-EXE-7", $"备用机 {string.Join("、", outstanding)} 仍在客户处，回收后才能归档售后单。");
        }
    }
}
