using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>What the catalogue, order and asset writes share: who they act for, retries and races.</summary>
internal static class CatalogueWrites
{
    /// <summary>
    /// The supplier a catalogue write is for: a supplier's own staff act for their organisation; a platform admin
    /// (R-ROLE-3) names the supplier. Everyone else, or a role without the permission, is refused (R-ROLE-2).
    /// </summary>
    public static async Task<Guid> ActingSupplierAsync(AppDbContext db, Caller caller, string permission, Guid? supplierId, string action, string refusal, CancellationToken cancellationToken)
    {
        if (!caller.Has(permission) || caller.Party is not (PartyKind.Supplier or PartyKind.Platform))
        {
            throw new ActionNotPermitted(action, refusal);
        }

        if (caller.Party == PartyKind.Supplier)
        {
            if (supplierId is { } named && named != caller.OrganizationId)
            {
                throw new ActionNotPermitted(action, "只能为本单位操作。");
            }

            return caller.OrganizationId;
        }

        InvalidInput.Require(supplierId is not null, "supplierId", "平台代为操作时须指定供应商。");
        var isSupplier = await db.Organizations.AnyAsync(o => o.Id == supplierId && o.Kind == PartyKind.Supplier, cancellationToken);
        InvalidInput.Require(isSupplier, "supplierId", "供应商不存在。");
        return supplierId!.Value;
    }

    /// <summary>The operation and a hash of its input: the same Idempotency-Key with another body is refused (API.md).</summary>
    public static string Fingerprint(string operation, object command) =>
        operation + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command))))[..32];

    /// <summary>
    /// Saves a new record whose business key is unique. Checking first gives the friendly 409; the unique index
    /// still decides a race between two identical creates, and then the loser gets the same 409 (or, retrying with
    /// the same Idempotency-Key, the winner's result).
    /// </summary>
    public static async Task<Guid> SaveNewAsync(AppDbContext db, Guid id, Func<Task<bool>> taken, DuplicateRecord duplicate, Guid userId, string? idempotencyKey, string fingerprint,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (idempotencyKey is not null && await Idempotency.FindAsync(db, userId, idempotencyKey, fingerprint, cancellationToken) is { } winner)
            {
                return winner;
            }

            if (await taken())
            {
                throw duplicate;
            }

            throw;
        }
    }

    /// <summary>
    /// Takes the order row for this unit of work and checks it is still in the status the change was decided on.
    /// The no-op update holds the row until commit, so two acceptances (or two registrations on one line, R-AST-1)
    /// of the same order run one after the other on every provider; the one that finds the order changed gets 409.
    /// </summary>
    public static async Task ClaimOrderAsync(AppDbContext db, Guid orderId, OrderStatus expected, CancellationToken cancellationToken)
    {
        var claimed = await db.PurchaseOrders.IgnoreQueryFilters()
            .Where(o => o.Id == orderId && o.Status == expected)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, expected), cancellationToken);
        if (claimed == 0)
        {
            throw new ConcurrencyConflict();
        }
    }
}
