using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>备件目录 and 仓库 of a supplier (R-EXE-4): define a part with its disclosed lead time, define a warehouse or an engineer's van.</summary>
public sealed class PartCatalogue(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="PartNumber">备件编号, unique per supplier (letters, digits, . - _).</param>
    /// <param name="CompatibleModels">Product models the part fits, e.g. ["VMC-850"].</param>
    /// <param name="IsCustom">定制配件: made to order, lead time over 7 days.</param>
    /// <param name="LeadTimeDays">Replenishment lead time: 1–7 days for a standard part (R-EXE-4), over 7 for a custom one.</param>
    /// <param name="Name">备件名称.</param>
    /// <param name="Brand">品牌.</param>
    /// <param name="Specification">规格说明 (optional).</param>
    public sealed record AddPartCommand(string? PartNumber, string? Name, string? Brand, IReadOnlyList<string>? CompatibleModels, bool? IsCustom, int? LeadTimeDays, string? Specification);

    /// <param name="Kind">central, regional, van (an engineer's stock) or storeroom (旧件库房).</param>
    /// <param name="OwnerUserId">For a van: the engineer of the supplier who holds it.</param>
    /// <param name="Code">仓库编号, unique per supplier.</param>
    /// <param name="Name">仓库名称.</param>
    /// <param name="City">城市 (optional).</param>
    public sealed record AddWarehouseCommand(string? Code, string? Name, WarehouseKind? Kind, Guid? OwnerUserId, string? City);

    public async Task<Guid> AddPartAsync(AddPartCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var supplierId = StockWrites.RequireSupplier(caller, Permissions.PartsManage, "addPart");
        var fingerprint = CatalogueWrites.Fingerprint("addPart", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow();
        var part = SparePart.Define(Guid.CreateVersion7(now), supplierId, command.PartNumber, command.Name, command.Brand, command.CompatibleModels,
            command.IsCustom ?? false, command.LeadTimeDays, command.Specification, now);
        db.SpareParts.Add(part);
        RecordKey(caller, idempotencyKey, fingerprint, part.Id, now);
        return await CatalogueWrites.SaveNewAsync(db, part.Id,
            () => db.SpareParts.AnyAsync(p => p.SupplierId == supplierId && p.PartNumber == part.PartNumber, cancellationToken),
            new DuplicateRecord("partNumber", $"备件编号 {part.PartNumber} 已存在。"), caller.UserId, idempotencyKey,
            fingerprint, cancellationToken);
    }

    public async Task<Guid> AddWarehouseAsync(AddWarehouseCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var supplierId = StockWrites.RequireSupplier(caller, Permissions.PartsManage, "addWarehouse");
        var fingerprint = CatalogueWrites.Fingerprint("addWarehouse", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        (Guid, string)? owner = null;
        if (command.OwnerUserId is { } ownerId)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.OrganizationId == supplierId)
                .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new Domain.Common.InvalidInput("ownerUserId", "持有工程师须为本供应商的员工。");
            owner = (user.Id, user.DisplayName);
        }

        var now = clock.GetUtcNow();
        var warehouse = Warehouse.Define(Guid.CreateVersion7(now), supplierId, command.Code, command.Name, command.Kind, owner, command.City, now);
        db.Warehouses.Add(warehouse);
        RecordKey(caller, idempotencyKey, fingerprint, warehouse.Id, now);
        return await CatalogueWrites.SaveNewAsync(db, warehouse.Id,
            () => db.Warehouses.AnyAsync(w => w.SupplierId == supplierId && w.Code == warehouse.Code, cancellationToken),
            new DuplicateRecord("code", $"仓库编号 {warehouse.Code} 已存在。"), caller.UserId, idempotencyKey,
            fingerprint, cancellationToken);
    }

    private void RecordKey(Caller caller, string? idempotencyKey, string fingerprint, Guid id, DateTimeOffset now)
    {
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, id, StatusCodes.Status201Created, now);
        }
    }
}
