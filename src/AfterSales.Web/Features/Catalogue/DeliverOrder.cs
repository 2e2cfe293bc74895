using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>标记到货: the supplier records that a placed order has been delivered; the customer then checks and accepts it.</summary>
public sealed class DeliverOrder(AppDbContext db, CallerContext callers)
{
    public async Task<Guid> HandleAsync(string number, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var order = await db.PurchaseOrders.SingleOrDefaultAsync(o => o.Number == number.Trim(), cancellationToken) ?? throw new NotFound("采购订单");
        var isItsSupplier = caller.Party == PartyKind.Platform || (caller.Party == PartyKind.Supplier && order.SupplierId == caller.OrganizationId);
        if (!caller.Has(Permissions.OrdersManage) || !isItsSupplier)
        {
            throw new ActionNotPermitted("deliver", "只有该订单的供应商可以标记到货。");
        }

        var before = order.Status;
        order.MarkDelivered();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CatalogueWrites.ClaimOrderAsync(db, order.Id, before, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order.Id;
    }
}
