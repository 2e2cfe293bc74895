using AfterSales.Data;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>
/// 登记设备 (R-AST-1): the supplier gives one unit of an order line its serial number and installation site. Serials
/// are unique across the platform; a line holds no more assets than its quantity. An asset of an accepted order is in
/// warranty from the order's acceptance date (R-WTY-1); one sold through a dealer records the dealer and the sale.
/// </summary>
public sealed class RegisterAsset(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record Command(
        string? Serial,
        string? OrderNumber,
        int? LineNo,
        string? SiteCity,
        string? SiteAddress,
        string? Batch = null,
        DateOnly? SoldOn = null,
        int? Quantity = null);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (!caller.Has(Permissions.AssetsManage) || caller.Party is not (PartyKind.Supplier or PartyKind.Platform))
        {
            throw new ActionNotPermitted("registerAsset", "您的角色不能登记设备。");
        }

        var fingerprint = CatalogueWrites.Fingerprint("registerAsset", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var orderNumber = InvalidInput.Text(command.OrderNumber, "orderNumber", "采购订单编号", 40);
        var order = await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Number == orderNumber, cancellationToken) ?? throw new NotFound("采购订单");
        if (caller.Party == PartyKind.Supplier && order.SupplierId != caller.OrganizationId)
        {
            throw new ActionNotPermitted("registerAsset", "只能为本单位供货的订单登记设备。");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Holding the order row makes "assets on this line" exact while this registration runs (R-AST-1).
        await CatalogueWrites.ClaimOrderAsync(db, order.Id, order.Status, cancellationToken);
        var onLine = command.LineNo is { } lineNo
            ? await db.Assets.IgnoreQueryFilters().Where(a => a.OrderId == order.Id && a.OrderLineNo == lineNo).SumAsync(a => a.Quantity, cancellationToken)
            : 0;
        var asset = Asset.Register(Guid.CreateVersion7(now), command.Serial, order, command.LineNo, onLine, command.SiteCity, command.SiteAddress,
            command.Batch, command.SoldOn, ServiceZone.DateOf(now), command.Quantity);

        var duplicate = new DuplicateRecord("serial", $"设备编号 {asset.Serial} 已登记。");
        Task<bool> Taken() => db.Assets.IgnoreQueryFilters().AnyAsync(a => a.Serial == asset.Serial, cancellationToken);
        if (await Taken())
        {
            throw duplicate;
        }

        db.Assets.Add(asset);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, asset.Id, StatusCodes.Status201Created, now);
        }

        var id = await CatalogueWrites.SaveNewAsync(db, asset.Id, Taken, duplicate, caller.UserId, idempotencyKey, fingerprint, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}
