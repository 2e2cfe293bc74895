using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>旧件返还 (R-DLR-2, R-DLR-3): receive an old part and appraise it as reusable (into a storeroom's stock) or scrap.</summary>
public sealed class OldPartReturns(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="ReturnBatch">The return batch it came with (e.g. 2026 下半年, 随车 沪A12345).</param>
    public sealed record ReceiveCommand(string? ReturnBatch);

    /// <param name="Reusable">true: 可利用 → into the storeroom; false: 报废.</param>
    /// <param name="StoreroomWarehouseId">The storeroom warehouse for a reusable part.</param>
    /// <param name="Note">鉴定意见 (required).</param>
    public sealed record AppraiseCommand(bool? Reusable, Guid? StoreroomWarehouseId, string? Note);

    public Task<Guid> ReceiveAsync(Guid id, ReceiveCommand command, CancellationToken cancellationToken) =>
        StockWrites.RunAsync(db, async () =>
        {
            var caller = callers.Required;
            StockWrites.RequireSupplier(caller, Permissions.PartsManage, "receive");
            var item = await db.OldPartReturns.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("旧件返还");
            item.Receive(command.ReturnBatch, caller.DisplayName, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return item.Id;
        }, cancellationToken);

    public Task<Guid> AppraiseAsync(Guid id, AppraiseCommand command, CancellationToken cancellationToken) =>
        StockWrites.RunAsync(db, async () =>
        {
            var caller = callers.Required;
            StockWrites.RequireSupplier(caller, Permissions.PartsManage, "appraise");
            var item = await db.OldPartReturns.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("旧件返还");
            var storeroom = command.StoreroomWarehouseId is { } wid ? await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == wid, cancellationToken) : null;
            var now = clock.GetUtcNow();
            item.Appraise(command.Reusable, storeroom, command.Note, caller.DisplayName, now);
            if (command.Reusable == true)
            {
                var part = await db.SpareParts.SingleAsync(p => p.Id == item.PartId, cancellationToken);
                var line = await StockWrites.LineAsync(db, item.SupplierId, storeroom!.Id, part, item.StoreroomBatch, now, cancellationToken);
                line.Receive(item.Quantity);
            }

            await db.SaveChangesAsync(cancellationToken);
            return item.Id;
        }, cancellationToken);
}
