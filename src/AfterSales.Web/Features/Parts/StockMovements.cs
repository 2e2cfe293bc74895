using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>补货 and 调拨 (R-EXE-4): order parts with the part's lead time, receive the batch into stock, move stock between warehouses.</summary>
public sealed class StockMovements(AppDbContext db, CallerContext callers, TimeProvider clock, Policies.ServiceRulesCatalog rulesCatalog, Notifications.DeadlineNotifier notifier)
{
    /// <param name="Quantity">How many to order.</param>
    /// <param name="ServiceRequestId">The request that ran out, when there is one.</param>
    /// <param name="PartId">The spare part.</param>
    /// <param name="WarehouseId">The warehouse it arrives in.</param>
    public sealed record ReplenishCommand(Guid? PartId, Guid? WarehouseId, int? Quantity, Guid? ServiceRequestId);

    /// <param name="BatchNumber">批次号 of the arriving parts.</param>
    public sealed record ReceiveCommand(string? BatchNumber);

    public sealed record TransferCommand(Guid? PartId, string? BatchNumber, Guid? FromWarehouseId, Guid? ToWarehouseId, int? Quantity);

    public async Task<Guid> ReplenishAsync(ReplenishCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsManage, "replenish");
        var part = await db.SpareParts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PartId && p.SupplierId == caller.OrganizationId, cancellationToken)
            ?? throw new InvalidInput("partId", "备件不存在或无权查看。");
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == command.WarehouseId, cancellationToken)
            ?? throw new InvalidInput("warehouseId", "仓库不存在或无权查看。");
        var now = clock.GetUtcNow();
        Domain.ServiceRequests.ServiceRequest? request = null;
        if (command.ServiceRequestId is { } requestId)
        {
            request = await db.ServiceRequests.Include(r => r.Deadlines).SingleOrDefaultAsync(r => r.Id == requestId && r.SupplierId == caller.OrganizationId, cancellationToken)
                ?? throw new InvalidInput("serviceRequestId", "售后单不存在或不属于本供应商。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await RequestNumbers.NextAsync(db, "BH", now, cancellationToken);
        var order = ReplenishmentOrder.Place(Guid.CreateVersion7(now), number, part, warehouse, command.Quantity, command.ServiceRequestId, caller.DisplayName, now);
        db.ReplenishmentOrders.Add(order);
        if (request is not null)
        {
            // R-EXE-4: the request now waits for the parts; its replenishment deadline runs on the part's lead time.
            var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
            request.PartsReplenishmentOrdered(caller.ToActor(), number, part.PartNumber, part.LeadTimeDays, now, rules);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order.Id;
    }

    /// <summary>到货入库: the order's quantity goes into its warehouse under the batch, and the batch is registered for sampling (R-KPI-4).</summary>
    public Task<Guid> ReceiveAsync(Guid id, ReceiveCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsManage, "receive");
        return StockWrites.RunAsync(db, async () =>
        {
            var order = await db.ReplenishmentOrders.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("补货单");
            var part = await db.SpareParts.SingleAsync(p => p.Id == order.PartId, cancellationToken);
            var now = clock.GetUtcNow();
            var batch = order.Receive(command.BatchNumber, now);
            var line = await StockWrites.LineAsync(db, order.SupplierId, order.WarehouseId, part, batch, now, cancellationToken);
            line.Receive(order.Quantity);
            var partBatch = await db.PartBatches.SingleOrDefaultAsync(b => b.PartId == part.Id && b.BatchNumber == batch, cancellationToken);
            if (partBatch is null)
            {
                partBatch = new PartBatch(Guid.CreateVersion7(now), order.SupplierId, part.Id, part.PartNumber, batch, now);
                db.PartBatches.Add(partBatch);
            }

            partBatch.AddReceived(order.Quantity);
            if (order.ServiceRequestId is { } requestId
                && !await db.ReplenishmentOrders.AnyAsync(r => r.ServiceRequestId == requestId && r.Id != order.Id && r.Status == ReplenishmentStatus.Ordered, cancellationToken))
            {
                // R-EXE-4: the last part the request waited for is in stock — its replenishment deadline is met or late.
                var request = await db.ServiceRequests.Include(r => r.Deadlines).SingleAsync(r => r.Id == requestId, cancellationToken);
                var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
                request.PartsReplenished(caller.ToActor(), order.Number, now, rules);
                await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return order.Id;
        }, cancellationToken);
    }

    public Task<Guid> TransferAsync(TransferCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsManage, "transfer");
        return StockWrites.RunAsync(db, async () =>
        {
            var part = await db.SpareParts.SingleOrDefaultAsync(p => p.Id == command.PartId && p.SupplierId == caller.OrganizationId, cancellationToken)
                ?? throw new InvalidInput("partId", "备件不存在或无权查看。");
            var batch = InvalidInput.Text(command.BatchNumber, "batchNumber", "批次号", 60);
            var from = await db.StockLevels.SingleOrDefaultAsync(s => s.WarehouseId == command.FromWarehouseId && s.PartId == part.Id && s.BatchNumber == batch, cancellationToken)
                ?? throw new InvalidInput("fromWarehouseId", "调出仓库没有该批次的库存。");
            var target = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == command.ToWarehouseId, cancellationToken)
                ?? throw new InvalidInput("toWarehouseId", "调入仓库不存在或无权查看。");
            var now = clock.GetUtcNow();
            var to = await StockWrites.LineAsync(db, caller.OrganizationId, target.Id, part, batch, now, cancellationToken);
            var transfer = StockTransfer.Make(Guid.CreateVersion7(now), from, to, command.Quantity, caller.DisplayName, now);
            db.StockTransfers.Add(transfer);
            await db.SaveChangesAsync(cancellationToken);
            return transfer.Id;
        }, cancellationToken);
    }
}
