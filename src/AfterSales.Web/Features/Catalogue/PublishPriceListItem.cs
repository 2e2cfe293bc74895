using AfterSales.Data;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>
/// 发布价格 (R-QUO-2): a supplier publishes a part price, labour-hour rate, on-site fee, travel rate or service fee
/// that quotes are built from, with its validity and the spare-part lead time it discloses (R-QUO-4). A code is
/// published once per start date; a new price is a new entry with a later start.
/// </summary>
public sealed class PublishPriceListItem(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record Command(
        string? Code,
        string? Name,
        QuoteLineKind? Kind,
        string? Unit,
        Domain.Money.Money? UnitPrice,
        DateOnly? ValidFrom = null,
        DateOnly? ValidTo = null,
        int? LeadTimeDays = null,
        Guid? SupplierId = null,
        Domain.Money.Money? MinPrice = null,
        Domain.Money.Money? MaxPrice = null,
        Domain.Money.Money? Cost = null);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var supplierId = await CatalogueWrites.ActingSupplierAsync(db, caller, Permissions.ProductsManage, command.SupplierId, "publishPrice", "您的角色不能维护价格表。", cancellationToken);
        var fingerprint = CatalogueWrites.Fingerprint("publishPrice", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow();
        var item = PriceListItem.Publish(Guid.CreateVersion7(now), supplierId, command.Code, command.Name, command.Kind, command.Unit, command.UnitPrice,
            command.ValidFrom ?? ServiceZone.DateOf(now), command.ValidTo, command.LeadTimeDays, command.MinPrice, command.MaxPrice, command.Cost);
        var duplicate = new DuplicateRecord("code", $"价格编码 {item.Code} 自 {item.ValidFrom:yyyy-MM-dd} 起的价格已发布；调价请另选生效日期。");
        Task<bool> Taken() => db.PriceListItems.IgnoreQueryFilters().AnyAsync(p => p.SupplierId == supplierId && p.Code == item.Code && p.ValidFrom == item.ValidFrom, cancellationToken);
        if (await Taken())
        {
            throw duplicate;
        }

        db.PriceListItems.Add(item);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, item.Id, StatusCodes.Status201Created, now);
        }

        return await CatalogueWrites.SaveNewAsync(db, item.Id, Taken, duplicate, caller.UserId, idempotencyKey, fingerprint, cancellationToken);
    }
}
