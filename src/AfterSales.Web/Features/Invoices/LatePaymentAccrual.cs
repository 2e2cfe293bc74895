using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Invoices;

/// <summary>
/// Books late-payment charges (R-FEE-1, preset 000: 0.05 % per day) on overdue invoices into the money ledger.
/// Each pass takes the open invoices past due that have no charge for today yet, and books every missing day up
/// to today; the unique index on (invoice, charge date) keeps a day to one line across instances, retries and
/// restarts, and a worker that was down catches up with the same lines.
/// </summary>
public sealed class LatePaymentAccrual(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<LatePaymentAccrual> logger)
{
    public const int BatchSize = 200;

    /// <summary>One pass; returns how many charge lines were booked.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ServiceZone.DateOf(now);
        await using var db = contexts.CreateSystemContext();
        var open = new[] { InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid };
        var ids = await db.Invoices.AsNoTracking()
            .Where(i => open.Contains(i.Status) && i.DueDate < today && i.LatePaymentPercentPerDay != null &&
                !db.LedgerEntries.Any(l => l.InvoiceId == i.Id && l.Kind == LedgerEntryKind.LatePaymentCharge && l.ChargeDate == today))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id).Select(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);

        var booked = 0;
        foreach (var id in ids)
        {
            booked += await AccrueAsync(id, now, cancellationToken);
        }

        return booked;
    }

    private async Task<int> AccrueAsync(Guid invoiceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateSystemContext();
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).SingleAsync(i => i.Id == invoiceId, cancellationToken);
        var count = InvoiceWrites.BookLateCharges(db, invoice, await InvoiceWrites.ChargedDaysAsync(db, invoiceId, cancellationToken), now);
        if (count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return count;
        }
        catch (DbUpdateException ex)
        {
            // Another instance booked these days first (unique index); the next pass finds nothing missing.
            logger.LogInformation(ex, "Late-payment charges of invoice {InvoiceId} lost a race; will re-check next pass.", invoiceId);
            return 0;
        }
    }
}

/// <summary>Runs <see cref="LatePaymentAccrual"/> on an interval (Invoices:LateChargeIntervalSeconds, default 300; 0 turns it off).</summary>
public sealed class LatePaymentWorker(LatePaymentAccrual accrual, IConfiguration configuration, TimeProvider clock, ILogger<LatePaymentWorker> logger)
    : IntervalWorker(configuration, clock, logger, "Invoices:LateChargeIntervalSeconds", 300, "Late-payment")
{
    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var booked = await accrual.RunOnceAsync(cancellationToken);
        if (booked > 0)
        {
            logger.LogInformation("Late-payment charges: {Count} day(s) booked.", booked);
        }
    }
}
