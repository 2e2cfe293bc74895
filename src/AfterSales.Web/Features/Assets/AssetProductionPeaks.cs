using AfterSales.Data;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Assets;

/// <param name="Serial">The asset.</param>
/// <param name="ProductionPeaks">生产高峰时段, e.g. "08:00–11:30，13:30–17:00"; null when none is recorded.</param>
/// <param name="CanEdit">Whether the caller may change them.</param>
public sealed record ProductionPeaksView(string Serial, string? ProductionPeaks, bool CanEdit);

/// <summary>
/// 生产高峰时段 of an asset's site (R-EXE-1): the customer (or the supplier serving it, or the platform) records them; remote
/// windows are checked against them when work is scheduled. Changes go to the audit trail with the asset.
/// </summary>
public sealed class AssetProductionPeaks(AppDbContext db, CallerContext callers)
{
    /// <param name="ProductionPeaks">"08:00-11:30, 13:30-17:00"; blank clears them.</param>
    public sealed record Command(string? ProductionPeaks);

    public async Task<ProductionPeaksView> GetAsync(string serial, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Serial == serial.Trim(), cancellationToken) ?? throw new NotFound("设备");
        return new ProductionPeaksView(asset.Serial, asset.ProductionPeakHours, asset.MaySetProductionPeaks(callers.Required.ToActor()));
    }

    public async Task<ProductionPeaksView> SetAsync(string serial, Command command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Serial == serial.Trim(), cancellationToken) ?? throw new NotFound("设备");
        var by = callers.Required.ToActor();
        asset.SetProductionPeaks(by, command.ProductionPeaks);
        await db.SaveChangesAsync(cancellationToken);
        return new ProductionPeaksView(asset.Serial, asset.ProductionPeakHours, true);
    }
}
