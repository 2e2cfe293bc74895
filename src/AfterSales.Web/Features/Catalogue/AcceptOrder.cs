using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>
/// 确认验收 (R-ORD-2, R-WTY-1): the customer of an order signs its acceptance. The order becomes 已验收 — from then
/// on requests may be filed against it — and every asset of the order takes the acceptance date (Asia/Shanghai),
/// which starts its warranty.
/// </summary>
public sealed class AcceptOrder(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="AcceptedAt">When the acceptance was signed; now when left out. Not in the future, not before the order.</param>
    public sealed record Command(DateTimeOffset? AcceptedAt = null);

    public async Task<Guid> HandleAsync(string number, Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var order = await db.PurchaseOrders.SingleOrDefaultAsync(o => o.Number == number.Trim(), cancellationToken) ?? throw new NotFound("采购订单");
        if (!caller.Has(Permissions.OrdersAccept) || caller.Party != PartyKind.Customer || order.CustomerId != caller.OrganizationId)
        {
            throw new ActionNotPermitted("accept", "只有该订单的客户可以确认验收。");
        }

        var fingerprint = CatalogueWrites.Fingerprint($"acceptOrder:{order.Id}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow();
        var before = order.Status;
        order.Accept(command.AcceptedAt ?? now, now);
        var acceptedOn = order.AcceptanceDate()!.Value;

        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, order.Id, StatusCodes.Status200OK, now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CatalogueWrites.ClaimOrderAsync(db, order.Id, before, cancellationToken);

        // Read after the claim, so an asset registered a moment ago is not missed. Authorised on the order above:
        // every asset of the order is the customer's, whoever registered it.
        var assets = await db.Assets.IgnoreQueryFilters().Where(a => a.OrderId == order.Id).ToListAsync(cancellationToken);
        foreach (var asset in assets)
        {
            asset.RecordAcceptance(acceptedOn);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order.Id;
    }
}
