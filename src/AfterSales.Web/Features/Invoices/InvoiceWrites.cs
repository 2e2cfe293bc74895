using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Invoices;

/// <summary>
/// 收款登记 (R-FEE-1): the supplier that issued an invoice records a payment — part or whole of what is outstanding;
/// more is refused (422 R-FEE-1). Late-payment charges due up to today are booked first, so a payment never makes
/// the worker miss a day. The request's timeline records the payment.
/// </summary>
public sealed class RecordInvoicePayment(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Amount">What was paid, e.g. { "amount": "1000.00", "currency": "CNY" }.</param>
    /// <param name="Method">How (bank transfer, …), optional.</param>
    /// <param name="Reference">Bank reference or receipt number, optional.</param>
    public sealed record Command(Domain.Money.Money? Amount, string? Method, string? Reference);

    public async Task<Guid> HandleAsync(Guid id, Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = Catalogue.CatalogueWrites.Fingerprint($"invoicePayment:{id}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is not null)
        {
            return id;
        }

        var invoice = await InvoiceWrites.LoadAsync(db, id, cancellationToken);
        InvoiceWrites.EnsureSupplier(caller, invoice, "recordPayment", "只有开票的供应商可以登记收款。");
        InvalidInput.Require(command.Amount is not null, "amount", "请填写收款金额。");
        var now = clock.GetUtcNow();
        InvoiceWrites.BookLateCharges(db, invoice, await InvoiceWrites.ChargedDaysAsync(db, invoice.Id, cancellationToken), now);
        var payment = invoice.RecordPayment(Guid.CreateVersion7(now), command.Amount!.Value, command.Method, command.Reference, caller.DisplayName, now);
        db.InvoicePayments.Add(payment);
        var request = await db.ServiceRequests.SingleAsync(r => r.Id == invoice.ServiceRequestId, cancellationToken);
        request.NoteInvoice(caller.ToActor(), "invoicePayment",
            $"发票 {invoice.Number} 收款 {payment.Amount}{(payment.Reference is null ? string.Empty : $"（{payment.Reference}）")}，未付 {invoice.Outstanding}", now);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, id, StatusCodes.Status200OK, now);
        }

        await InvoiceWrites.SaveAsync(db, cancellationToken);
        return id;
    }
}

/// <summary>作废发票: the supplier withdraws an invoice with a reason, before any money was received.</summary>
public sealed class VoidInvoice(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Reason">Why (required, up to 500 characters).</param>
    public sealed record Command(string? Reason);

    public async Task<Guid> HandleAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var invoice = await InvoiceWrites.LoadAsync(db, id, cancellationToken);
        InvoiceWrites.EnsureSupplier(caller, invoice, "void", "只有开票的供应商可以作废发票。");
        var now = clock.GetUtcNow();
        InvoiceWrites.BookLateCharges(db, invoice, await InvoiceWrites.ChargedDaysAsync(db, invoice.Id, cancellationToken), now);
        invoice.Void(command.Reason ?? string.Empty, caller.DisplayName, now);
        var request = await db.ServiceRequests.SingleAsync(r => r.Id == invoice.ServiceRequestId, cancellationToken);
        request.NoteInvoice(caller.ToActor(), "invoiceVoided", $"发票 {invoice.Number} 已作废。原因：{invoice.VoidReason}", now);
        await InvoiceWrites.SaveAsync(db, cancellationToken);
        return id;
    }
}

/// <summary>
/// 免除逾期付款违约金 (R-FEE-1, R-PEN-3): a platform operator or admin waives one day's charge with a reason, as a
/// reversing ledger line — the charge is never edited. Twice is 409 (one reversal per charge, unique index).
/// </summary>
public sealed class WaiveLateCharge(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Reason">Why the charge is waived (required, up to 400 characters).</param>
    public sealed record Command(string? Reason);

    public async Task<Guid> HandleAsync(Guid invoiceId, Guid chargeId, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var charge = await db.LedgerEntries.SingleOrDefaultAsync(l => l.Id == chargeId && l.InvoiceId == invoiceId && l.Kind == LedgerEntryKind.LatePaymentCharge, cancellationToken)
            ?? throw new NotFound("逾期付款违约金");
        var invoice = await InvoiceWrites.LoadAsync(db, invoiceId, cancellationToken);
        if (caller.Party != PartyKind.Platform || !caller.Has(Permissions.PenaltiesWaive))
        {
            throw new ActionNotPermitted("waiveLateCharge", "只有平台运营或平台管理员可以免除逾期付款违约金。");
        }

        if (await db.LedgerEntries.AnyAsync(l => l.ReversesEntryId == chargeId, cancellationToken))
        {
            throw new TransitionRefused("waiveLateCharge", "waived", "该笔逾期付款违约金已免除。");
        }

        var now = clock.GetUtcNow();
        var reversal = charge.ReverseLatePayment(Guid.CreateVersion7(now), command.Reason ?? string.Empty, caller.DisplayName, now);
        db.LedgerEntries.Add(reversal);
        var request = await db.ServiceRequests.SingleAsync(r => r.Id == invoice.ServiceRequestId, cancellationToken);
        request.NoteInvoice(caller.ToActor(), "lateChargeWaived",
            $"发票 {invoice.Number} {charge.ChargeDate:yyyy-MM-dd} 逾期付款违约金 {charge.Amount} 已冲销。原因：{reversal.WaiverReason}", now);
        await InvoiceWrites.SaveAsync(db, cancellationToken);
        return reversal.Id;
    }
}

/// <summary>What the invoice writes share: loading, the supplier check, booking due late charges, saving.</summary>
internal static class InvoiceWrites
{
    public static async Task<Invoice> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Invoices.Include(i => i.Payments).SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFound("发票");

    public static void EnsureSupplier(Caller caller, Invoice invoice, string action, string message)
    {
        if (caller.Party != PartyKind.Supplier || caller.OrganizationId != invoice.SupplierId || !caller.Has(Permissions.InvoicesManage))
        {
            throw new ActionNotPermitted(action, message);
        }
    }

    public static async Task<HashSet<DateOnly>> ChargedDaysAsync(AppDbContext db, Guid invoiceId, CancellationToken cancellationToken) =>
        [.. await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.InvoiceId == invoiceId && l.Kind == LedgerEntryKind.LatePaymentCharge && l.ChargeDate != null)
            .Select(l => l.ChargeDate!.Value).ToListAsync(cancellationToken)];

    /// <summary>Adds a ledger line for every overdue day not yet charged up to today; returns how many.</summary>
    public static int BookLateCharges(AppDbContext db, Invoice invoice, IReadOnlySet<DateOnly> charged, DateTimeOffset now)
    {
        var due = LatePaymentCharges.Due(invoice, ServiceZone.DateOf(now), charged);
        foreach (var charge in due)
        {
            db.LedgerEntries.Add(LedgerEntry.ForLatePayment(Guid.CreateVersion7(now), invoice, charge, now));
        }

        return due.Count;
    }

    public static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent payment, void, waiver or the late-charge worker got there first; the client reloads.
            throw new ConcurrencyConflict();
        }
    }
}
