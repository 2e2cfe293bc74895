using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// 预留 / 出库 / 消耗 / 取消预留 of parts for a service request (R-EXE-4). A reservation never exceeds what is available:
/// concurrent reservations on one stock line are serialised by its Version (see <see cref="StockWrites"/>), and the
/// losers get 409 naming R-EXE-4 with what is left. Consuming a part replaced under warranty leaves an old-part return
/// obligation (R-DLR-2).
/// </summary>
public sealed class PartReservations(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="RequestId">The service request (id or number SR-…).</param>
    /// <param name="WorkOrderId">The work order the parts are for (optional).</param>
    /// <param name="WarehouseId">Reserve from this warehouse (optional: else the line with the most available).</param>
    /// <param name="BatchNumber">Reserve this batch (optional: same batch preferred, R-EXE-4).</param>
    /// <param name="PartId">The spare part (of the request's supplier, fitting the device model).</param>
    /// <param name="Quantity">How many to reserve.</param>
    public sealed record ReserveCommand(string? RequestId, Guid? PartId, int? Quantity, Guid? WarehouseId, string? BatchNumber, Guid? WorkOrderId);

    public sealed record CancelCommand(string? Reason);

    public async Task<Guid> ReserveAsync(ReserveCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsUse, "reserve");
        var fingerprint = CatalogueWrites.Fingerprint("reservePart", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        InvalidInput.Require(!string.IsNullOrWhiteSpace(command.RequestId), "requestId", "请指定售后单。");
        var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), command.RequestId!)
            .Select(r => new { r.Id, r.Number, r.SupplierId, r.CustomerId, r.AssetId, r.Status })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        if (request.SupplierId != caller.OrganizationId)
        {
            throw new ActionNotPermitted("reserve", "只有该售后单的供应商可以预留备件。");
        }

        if (request.Status is ServiceRequestStatus.Closed or ServiceRequestStatus.Cancelled)
        {
            throw new TransitionRefused("reserve", request.Status.ToString(), "售后单已归档或已取消，不能再预留备件。");
        }

        var part = await db.SpareParts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PartId && p.SupplierId == caller.OrganizationId, cancellationToken)
            ?? throw new InvalidInput("partId", "备件不存在或无权查看。");
        if (request.AssetId is { } assetId)
        {
            // R-EXE-4: the part must match the device's model.
            var model = await (from a in db.Assets.AsNoTracking()
                               join p in db.Products.AsNoTracking() on a.ProductId equals p.Id
                               where a.Id == assetId
                               select p.Model).SingleOrDefaultAsync(cancellationToken);
            InvalidInput.Require(model is null || part.Fits(model), "partId", $"备件 {part.PartNumber} 不适配设备型号 {model}（适配：{string.Join("、", part.CompatibleModels)}）。");
        }

        InvalidInput.Require(command.Quantity is > 0 and <= 100_000, "quantity", "数量须为 1 到 100000 之间的整数。");
        var batch = InvalidInput.OptionalText(command.BatchNumber, "batchNumber", "批次号", 60);

        return await StockWrites.RunAsync(db, async () =>
        {
            // A retry after a lost race may find the same key's first attempt committed meanwhile.
            if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } winner)
            {
                return winner;
            }

            var lines = db.StockLevels.Where(s => s.PartId == part.Id);
            if (command.WarehouseId is { } warehouseId)
            {
                lines = lines.Where(s => s.WarehouseId == warehouseId);
            }

            if (batch is not null)
            {
                lines = lines.Where(s => s.BatchNumber == batch);
            }

            var candidates = await lines.ToListAsync(cancellationToken);
            var stock = candidates.Where(s => s.Available >= command.Quantity).OrderByDescending(s => s.Available).ThenBy(s => s.Id).FirstOrDefault()
                ?? throw new InsufficientStock(part.PartNumber, batch ?? "任意", command.Quantity!.Value, candidates.Count == 0 ? 0 : candidates.Max(s => s.Available));
            var now = clock.GetUtcNow();
            var reservation = PartReservation.Place(Guid.CreateVersion7(now), part, stock, request.SupplierId, request.CustomerId, request.Id, request.Number,
                command.WorkOrderId, command.Quantity!.Value, caller.DisplayName, now);
            db.PartReservations.Add(reservation);
            if (idempotencyKey is not null)
            {
                Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, reservation.Id, StatusCodes.Status201Created, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return reservation.Id;
        }, cancellationToken);
    }

    /// <summary>出库 without a shipment: the engineer takes the reserved parts (e.g. from the van).</summary>
    public Task<Guid> IssueAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, "issue", async (reservation, stock, now) =>
        {
            reservation.Issue(stock!, null, now);
            await Task.CompletedTask;
        }, cancellationToken);

    /// <summary>消耗: the part was fitted. Under warranty the old part must come back (R-DLR-2).</summary>
    public Task<Guid> ConsumeAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, "consume", async (reservation, _, now) =>
        {
            reservation.Consume(now);
            var request = await db.ServiceRequests.AsNoTracking().Where(r => r.Id == reservation.ServiceRequestId)
                .Select(r => new { r.Judgement, r.Warranty }).SingleAsync(cancellationToken);
            if (FreightRules.PayerFor(request.Judgement, request.Warranty).Payer == FreightPayer.Supplier)
            {
                db.OldPartReturns.Add(OldPartReturn.Owe(Guid.CreateVersion7(now), reservation, callers.Required.DisplayName, now));
            }
        }, cancellationToken);

    public Task<Guid> CancelAsync(Guid id, CancelCommand command, CancellationToken cancellationToken) =>
        RunAsync(id, "cancel", async (reservation, stock, now) =>
        {
            reservation.Cancel(stock!, command.Reason, now);
            await Task.CompletedTask;
        }, cancellationToken);

    private Task<Guid> RunAsync(Guid id, string action, Func<PartReservation, StockLevel?, DateTimeOffset, Task> verb, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsUse, action);
        return StockWrites.RunAsync(db, async () =>
        {
            var reservation = await db.PartReservations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("备件预留");
            var stock = await db.StockLevels.SingleOrDefaultAsync(s => s.Id == reservation.StockLevelId, cancellationToken);
            await verb(reservation, stock, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return reservation.Id;
        }, cancellationToken);
    }
}
