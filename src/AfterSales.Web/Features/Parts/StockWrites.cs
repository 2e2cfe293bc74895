using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// How every stock change is saved (R-EXE-4: stock stays consistent under concurrent reservations). An attempt loads
/// fresh rows, applies the domain verbs and saves once; the stock row's Version makes a write based on stale counts fail,
/// and the attempt is run again on the new counts — so a reservation either fits what is really available or is refused
/// with <see cref="InsufficientStock"/> (409), never over-reserved. After many lost races the caller gets a plain 409.
/// </summary>
public static class StockWrites
{
    private const int MaxAttempts = 40;

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException) when (tries < MaxAttempts)
            {
                // A stale Version, or two first receipts racing to create the same stock line (unique index): try again on fresh rows.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(2, 10 + (tries * 5)), cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new ConcurrencyConflict();
            }
        }
    }

    /// <summary>The stock line of a batch of a part in a warehouse, created empty the first time parts arrive there.</summary>
    public static async Task<StockLevel> LineAsync(AppDbContext db, Guid supplierId, Guid warehouseId, SparePart part, string batchNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var line = await db.StockLevels.SingleOrDefaultAsync(s => s.WarehouseId == warehouseId && s.PartId == part.Id && s.BatchNumber == batchNumber, cancellationToken);
        if (line is null)
        {
            line = new StockLevel(Guid.CreateVersion7(now), supplierId, warehouseId, part.Id, part.PartNumber, batchNumber);
            db.StockLevels.Add(line);
        }

        return line;
    }

    /// <summary>The supplier whose parts the caller manages: its own organisation, with the permission.</summary>
    public static Guid RequireSupplier(Caller caller, string permission, string action)
    {
        if (caller.Party != PartyKind.Supplier || !caller.Has(permission))
        {
            throw new ActionNotPermitted(action, "只有供应商的售后人员可以管理备件与库存。");
        }

        return caller.OrganizationId;
    }
}
