using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// 备件发货 and 签收验货 (R-EXE-4, seed 000 物流与签收): the supplier ships a request's reserved parts with carrier and tracking
/// number, the freight payer following the warranty status; the customer checks model, quantity and damage on receipt,
/// and damage with photos becomes a damage report the supplier sees and resolves.
/// </summary>
public sealed class PartShipments(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="RequestId">The service request (id or number).</param>
    /// <param name="ReservationIds">Its reservations to ship (still reserved; they are issued now).</param>
    /// <param name="Carrier">承运商, e.g. 顺丰速运.</param>
    /// <param name="TrackingNumber">物流单号.</param>
    /// <param name="WorkOrderId">The work order shipped for (optional).</param>
    public sealed record ShipCommand(string? RequestId, IReadOnlyList<Guid>? ReservationIds, string? Carrier, string? TrackingNumber, Guid? WorkOrderId);

    /// <param name="ModelMatches">Whether the part model matches what was ordered.</param>
    /// <param name="QuantityReceived">How many arrived.</param>
    /// <param name="Damaged">Whether anything arrived damaged (then photos are required).</param>
    /// <param name="PhotoAttachmentIds">Photos uploaded to the request (kind photo or evidence).</param>
    /// <param name="Note">签收说明; required when the model, quantity or condition is wrong.</param>
    public sealed record ReceiptCommand(bool? ModelMatches, int? QuantityReceived, bool? Damaged, string? Note, IReadOnlyList<Guid>? PhotoAttachmentIds);

    public sealed record ResolveCommand(string? Resolution);

    public async Task<Guid> ShipAsync(ShipCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsManage, "ship");
        var fingerprint = CatalogueWrites.Fingerprint("shipParts", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        InvalidInput.Require(!string.IsNullOrWhiteSpace(command.RequestId), "requestId", "请指定售后单。");
        var ids = (command.ReservationIds ?? []).Distinct().ToList();
        return await StockWrites.RunAsync(db, async () =>
        {
            // A retry after a lost race may find the same key's first attempt committed meanwhile.
            if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } winner)
            {
                return winner;
            }

            var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), command.RequestId!).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
            if (request.SupplierId != caller.OrganizationId)
            {
                throw new ActionNotPermitted("ship", "只有该售后单的供应商可以发货。");
            }

            var reservations = await db.PartReservations.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            for (var i = 0; i < ids.Count; i++)
            {
                InvalidInput.Require(reservations.Any(r => r.Id == ids[i]), $"reservationIds[{i}]", "备件预留不存在或无权查看。");
            }

            var stockIds = reservations.Select(r => r.StockLevelId).ToList();
            var stock = await db.StockLevels.Where(s => stockIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await RequestNumbers.NextAsync(db, "FH", now, cancellationToken);
            var lots = ids.Select(id => reservations.Single(r => r.Id == id)).Select(r => (r, stock[r.StockLevelId])).ToList();
            var shipment = PartShipment.Ship(Guid.CreateVersion7(now), number, request, lots, command.Carrier, command.TrackingNumber, command.WorkOrderId, caller.DisplayName, now);
            db.PartShipments.Add(shipment);
            if (idempotencyKey is not null)
            {
                Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, shipment.Id, StatusCodes.Status201Created, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return shipment.Id;
        }, cancellationToken);
    }

    /// <summary>签收验货 by the request's customer; damage needs photos already uploaded to the request.</summary>
    public async Task<Guid> CheckReceiptAsync(Guid id, ReceiptCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var shipment = await db.PartShipments.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFound("发货单");
        if (caller.OrganizationId != shipment.CustomerId || !caller.Has(Permissions.PartsReceive))
        {
            throw new ActionNotPermitted("receive", "只有收货的客户可以签收验货。");
        }

        var photos = (command.PhotoAttachmentIds ?? []).Distinct().ToList();
        var known = await db.Attachments.AsNoTracking().Where(a => a.ServiceRequestId == shipment.ServiceRequestId && photos.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < photos.Count; i++)
        {
            InvalidInput.Require(known.Contains(photos[i]), $"photoAttachmentIds[{i}]", "照片须是本售后单已上传的附件。");
        }

        var now = clock.GetUtcNow();
        var report = shipment.CheckReceipt(Guid.CreateVersion7(now), command.ModelMatches, command.QuantityReceived, command.Damaged, command.Note, photos, caller.DisplayName, now);
        if (report is not null)
        {
            db.DamageReports.Add(report);
        }

        await SaveAsync(cancellationToken);
        return shipment.Id;
    }

    public async Task<Guid> ResolveDamageAsync(Guid id, ResolveCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        StockWrites.RequireSupplier(caller, Permissions.PartsManage, "resolve");
        var report = await db.DamageReports.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFound("破损报告");
        if (report.SupplierId != caller.OrganizationId)
        {
            throw new ActionNotPermitted("resolve", "只有发货的供应商可以处理破损报告。");
        }

        report.Resolve(command.Resolution, caller.DisplayName, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        return report.Id;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflict();
        }
    }
}
