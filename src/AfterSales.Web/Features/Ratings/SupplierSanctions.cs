using AfterSales.Data;
using AfterSales.Domain.Ratings;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Ratings;

/// <summary>
/// 暂停售后权限 (R-RAT-1): a supplier graded D receives no new service requests until its suspension ends. The check is one
/// indexed look-up on the create path; the suspension ends by time (SuspendedUntil), so nothing has to run to lift it.
/// </summary>
public static class SupplierSanctions
{
    /// <summary>Refuses a new request to a suspended supplier with problem details naming R-RAT-1 and the end date.</summary>
    public static async Task EnsureMayReceiveAsync(AppDbContext db, Guid supplierId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ActiveAsync(db, supplierId, now, cancellationToken) is { } suspension)
        {
            throw suspension.Refusal();
        }
    }

    /// <summary>The supplier's suspension running at <paramref name="now"/>, the latest-ending if several.</summary>
    public static Task<SupplierRating?> ActiveAsync(AppDbContext db, Guid supplierId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.SupplierRatings.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.SupplierId == supplierId && r.SuspendedUntil > now && r.SuspendedFrom <= now)
            .OrderByDescending(r => r.SuspendedUntil)
            .FirstOrDefaultAsync(cancellationToken);
}
