using AfterSales.Data;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quotes;

/// <summary>
/// 调整价格 (R-QUO-2): the supplier edits a published item — name, unit, list price, price band, cost, end date, lead
/// time. Quotes already issued keep the prices they copied; the audit trail keeps the earlier values.
/// </summary>
public sealed class RevisePriceListItem(AppDbContext db, CallerContext callers)
{
    public sealed record Command(
        string? Name,
        string? Unit,
        Domain.Money.Money? UnitPrice,
        DateOnly? ValidTo = null,
        int? LeadTimeDays = null,
        Domain.Money.Money? MinPrice = null,
        Domain.Money.Money? MaxPrice = null,
        Domain.Money.Money? Cost = null);

    public async Task<Guid> HandleAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        var item = await PriceListOwner.LoadOwnAsync(db, callers.Required, id, "revisePrice", cancellationToken);
        item.Revise(command.Name, command.Unit, command.UnitPrice, command.ValidTo, command.LeadTimeDays, command.MinPrice, command.MaxPrice, command.Cost);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}

/// <summary>停用价格 (R-QUO-2): a retired item stays for history and can no longer be quoted.</summary>
public sealed class RetirePriceListItem(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var item = await PriceListOwner.LoadOwnAsync(db, caller, id, "retirePrice", cancellationToken);
        item.Retire(caller.DisplayName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }
}

internal static class PriceListOwner
{
    /// <summary>
    /// The item, if the caller may maintain it: the supplier's own staff with the catalogue permission, or the platform
    /// (R-ROLE-3). A customer who can read its supplier's prices is refused (403); an item not visible at all is 404.
    /// </summary>
    public static async Task<PriceListItem> LoadOwnAsync(AppDbContext db, Caller caller, Guid id, string action, CancellationToken cancellationToken)
    {
        var item = await db.PriceListItems.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound("价格表项目");
        var mayManage = caller.Has(Permissions.ProductsManage) &&
            (caller.Party == PartyKind.Platform || (caller.Party == PartyKind.Supplier && caller.OrganizationId == item.SupplierId));
        return mayManage ? item : throw new ActionNotPermitted(action, "您的角色不能维护价格表。");
    }
}
