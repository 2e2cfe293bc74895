using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Penalties;

/// <summary>
/// 登记保证金缴纳 (R-PEN-2): a platform admin records that a supplier paid into its deposit; the platform deducts
/// late-response penalties from it. A ledger line, in CNY to the fen; a retry with the same Idempotency-Key
/// records it once.
/// </summary>
public sealed class RecordDeposit(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="SupplierId">The supplier (or dealer) that paid.</param>
    /// <param name="Amount">What it paid, e.g. { "amount": "10000.00", "currency": "CNY" }.</param>
    /// <param name="Note">Bank reference or remark (required).</param>
    public sealed record Command(Guid? SupplierId, Domain.Money.Money? Amount, string? Note);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (caller.Party != PartyKind.Platform || !caller.Has(Permissions.DepositsRecord))
        {
            throw new ActionNotPermitted("recordDeposit", "只有平台管理员可以登记保证金缴纳。");
        }

        var fingerprint = CatalogueWrites.Fingerprint("recordDeposit", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        InvalidInput.Require(command.SupplierId is not null, "supplierId", "请选择缴纳保证金的供应商。");
        var payer = await db.Organizations.AsNoTracking().Where(o => o.Id == command.SupplierId).Select(o => (PartyKind?)o.Kind).SingleOrDefaultAsync(cancellationToken);
        InvalidInput.Require(payer is PartyKind.Supplier or PartyKind.Dealer, "supplierId", "供应商不存在。");
        InvalidInput.Require(command.Amount is not null, "amount", "请填写缴纳金额。");
        var amount = command.Amount!.Value;
        InvalidInput.Require(amount.Currency == Domain.Money.Money.Cny, "amount.currency", "保证金以人民币（CNY）计。");
        InvalidInput.Require(Domain.Money.Money.Round(amount.Amount) == amount.Amount, "amount", "金额最多两位小数（分）。");

        var now = clock.GetUtcNow();
        var entry = LedgerEntry.ForDepositTopUp(Guid.CreateVersion7(now), command.SupplierId!.Value, caller.OrganizationId, amount, command.Note ?? string.Empty, now, caller.DisplayName);
        db.LedgerEntries.Add(entry);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, entry.Id, StatusCodes.Status201Created, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A duplicate with the same key won the race: its line is the answer.
            return await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }

        return entry.Id;
    }
}
