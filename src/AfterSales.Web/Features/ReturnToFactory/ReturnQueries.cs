using AfterSales.Data;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ReturnToFactory;

/// <summary>Read side of return to factory and replacement (R-EXE-5, R-EXE-6): whoever sees the work order sees its record.</summary>
public sealed class ReturnQueries(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public async Task<FactoryRepairView> FactoryRepairAsync(Guid workOrderId, CancellationToken ct)
    {
        var order = await VisibleAsync(workOrderId, WorkOrderKind.ReturnToFactory, ct);
        var record = await db.FactoryRepairRecords.AsNoTracking().SingleOrDefaultAsync(r => r.WorkOrderId == order.Id, ct) ?? FactoryRepairRecord.Start(order);
        return FactoryRepairView.Of(order, record, record.AllowedActions(order, callers.Required.ToActor()), clock.GetUtcNow());
    }

    public async Task<ReplacementView> ReplacementAsync(Guid workOrderId, CancellationToken ct)
    {
        var order = await VisibleAsync(workOrderId, WorkOrderKind.Replacement, ct);
        var record = await db.UnitReplacements.AsNoTracking().SingleOrDefaultAsync(r => r.WorkOrderId == order.Id, ct)
            ?? await ReturnRecords.StartReplacementAsync(db, order, ct);
        return ReplacementView.Of(order, record, UnitReplacement.AllowedActions(order, record, callers.Required.ToActor()));
    }

    /// <summary>R-EXE-6: an asset's replacement links, for the asset page; null when it has none. Scoped like the asset.</summary>
    public async Task<AssetReplacementView?> AssetAsync(string serial, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().Where(a => a.Serial == serial)
            .Select(a => new { a.Id, a.Serial, a.ReplacedBySerial, a.ReplacedAt, a.ReplacesSerial })
            .SingleOrDefaultAsync(ct) ?? throw new NotFound("设备");
        if (asset.ReplacedBySerial is null && asset.ReplacesSerial is null)
        {
            return null;
        }

        var oldSerial = asset.ReplacedBySerial is null ? asset.ReplacesSerial : asset.Serial;
        var order = await db.UnitReplacements.AsNoTracking()
            .Where(r => r.OldSerial == oldSerial && r.NewSerial != null)
            .Join(db.WorkOrders, r => r.WorkOrderId, w => w.Id, (r, w) => new { w.Id, w.Number })
            .FirstOrDefaultAsync(ct);
        return new AssetReplacementView(asset.Serial, asset.ReplacedBySerial, asset.ReplacedAt, asset.ReplacesSerial, order?.Number, order?.Id);
    }

    private async Task<WorkOrder> VisibleAsync(Guid id, WorkOrderKind kind, CancellationToken ct)
    {
        var order = await db.WorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (order is null || !order.IsVisibleTo(callers.Required.ToActor()))
        {
            throw new NotFound("工单");
        }

        return order.Kind == kind ? order : throw new NotFound(kind == WorkOrderKind.ReturnToFactory ? "返厂维修记录" : "整机更换记录");
    }
}
