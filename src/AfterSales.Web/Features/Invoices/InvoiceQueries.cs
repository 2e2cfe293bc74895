using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Invoices;

/// <summary>Filters of the invoice list; all optional.</summary>
public sealed record InvoiceFilter(InvoiceStatus? Status = null, bool? Overdue = null, string? Search = null);

/// <summary>
/// Read side of invoices (R-FEE-1). Which invoices a caller sees is the query filter: the customer who pays, the
/// supplier who issued, the platform all — another organisation's invoice is simply not there (404).
/// </summary>
public sealed class InvoiceQueries(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public const string RecordPaymentAction = "recordPayment";
    public const string VoidAction = "void";
    public const string WaiveLateChargeAction = "waiveLateCharge";

    public async Task<Page<InvoiceListItem>> ListAsync(InvoiceFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var today = Today;
        var query = db.Invoices.AsNoTracking();
        var open = new[] { InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid };

        // Overdue is not stored: an open invoice is overdue from the day after its due date.
        query = filter.Status switch
        {
            null => query,
            InvoiceStatus.Overdue => query.Where(i => open.Contains(i.Status) && i.DueDate < today),
            InvoiceStatus.Unpaid or InvoiceStatus.PartiallyPaid => query.Where(i => i.Status == filter.Status && i.DueDate >= today),
            _ => query.Where(i => i.Status == filter.Status),
        };
        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(i => open.Contains(i.Status) && i.DueDate < today)
                : query.Where(i => !open.Contains(i.Status) || i.DueDate >= today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            InvalidInput.Require(term.Length <= 100, "search", "搜索词不能超过 100 个字符。");
            query = query.Where(i => i.Number.Contains(term) || i.ServiceRequestNumber.Contains(term));
        }

        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(i => i.IssuedAt < key || (i.IssuedAt == key && i.Id < c.Id));
        }

        var invoices = await query.OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = invoices.Take(size).ToList();
        var names = await NamesAsync(page.SelectMany(i => new[] { i.CustomerId, i.SupplierId }), cancellationToken);
        var items = page.Select(i => new InvoiceListItem(i.Id, i.Number, i.ServiceRequestId, i.ServiceRequestNumber, i.CustomerId, names.GetValueOrDefault(i.CustomerId, string.Empty),
            i.SupplierId, names.GetValueOrDefault(i.SupplierId, string.Empty), i.StatusOn(today), i.Total, i.Outstanding, i.DueDate, i.IssuedAt)).ToList();
        return new Page<InvoiceListItem>(items, invoices.Count > size ? Cursor.Encode(items[^1].IssuedAt.UtcTicks, items[^1].Id) : null);
    }

    public async Task<InvoiceView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFound("发票");
        return await ViewAsync(invoice, cancellationToken);
    }

    /// <summary>The invoice of a request (by id or number); 404 when the request has none or the caller cannot see it.</summary>
    public async Task<InvoiceView> ForRequestAsync(string idOrNumber, CancellationToken cancellationToken)
    {
        var requestId = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), idOrNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFound("售后单");
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).SingleOrDefaultAsync(i => i.ServiceRequestId == requestId, cancellationToken)
            ?? throw new NotFound("发票");
        return await ViewAsync(invoice, cancellationToken);
    }

    /// <summary>The invoice of a request, or null: for the request page, which shows it when there is one.</summary>
    public async Task<InvoiceView?> FindForRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).SingleOrDefaultAsync(i => i.ServiceRequestId == requestId, cancellationToken);
        return invoice is null ? null : await ViewAsync(invoice, cancellationToken);
    }

    private DateOnly Today => ServiceZone.DateOf(clock.GetUtcNow());

    private async Task<InvoiceView> ViewAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var today = Today;
        var names = await NamesAsync([invoice.CustomerId, invoice.SupplierId], cancellationToken);
        var lines = await db.LedgerEntries.AsNoTracking()
            .Where(l => l.InvoiceId == invoice.Id && (l.Kind == LedgerEntryKind.LatePaymentCharge || l.Kind == LedgerEntryKind.LatePaymentChargeReversal))
            .ToListAsync(cancellationToken);
        var reversals = lines.Where(l => l.ReversesEntryId is not null).ToDictionary(l => l.ReversesEntryId!.Value);
        var charges = lines.Where(l => l.Kind == LedgerEntryKind.LatePaymentCharge).OrderBy(l => l.ChargeDate).Select(l =>
        {
            var reversal = reversals.GetValueOrDefault(l.Id);
            return new LateChargeView(l.Id, l.ChargeDate!.Value, l.Amount, l.Explanation, l.CreatedAt, reversal is not null, reversal?.Id, reversal?.CreatedAt, reversal?.CreatedBy, reversal?.WaiverReason);
        }).ToList();
        var status = invoice.StatusOn(today);
        var caller = callers.Required;
        var allowed = new List<string>();
        var supplierManages = caller.Party == PartyKind.Supplier && caller.OrganizationId == invoice.SupplierId && caller.Has(Permissions.InvoicesManage);
        if (supplierManages && invoice.Status is InvoiceStatus.Unpaid or InvoiceStatus.PartiallyPaid)
        {
            allowed.Add(RecordPaymentAction);
        }

        if (supplierManages && invoice.Status != InvoiceStatus.Void && invoice.PaidAmount.Amount == 0)
        {
            allowed.Add(VoidAction);
        }

        if (caller.Party == PartyKind.Platform && caller.Has(Permissions.PenaltiesWaive) && charges.Any(c => !c.Waived))
        {
            allowed.Add(WaiveLateChargeAction);
        }

        return new InvoiceView(
            invoice.Id,
            invoice.Number,
            invoice.ServiceRequestId,
            invoice.ServiceRequestNumber,
            invoice.CustomerId,
            names.GetValueOrDefault(invoice.CustomerId, string.Empty),
            invoice.SupplierId,
            names.GetValueOrDefault(invoice.SupplierId, string.Empty),
            status,
            invoice.Currency,
            [.. invoice.Lines.Select(l => new InvoiceLineView(l.Kind, l.Description, l.Quantity, l.UnitPrice, l.Amount, l.NetAmount, l.Tax))],
            invoice.TaxRatePercent,
            invoice.NetAmount,
            invoice.TaxAmount,
            invoice.Total,
            invoice.PaidAmount,
            invoice.Outstanding,
            invoice.AcceptedAt,
            invoice.IssuedAt,
            invoice.PaymentTermDays,
            invoice.DueDate,
            status == InvoiceStatus.Overdue ? today.DayNumber - invoice.DueDate.DayNumber : 0,
            invoice.LatePaymentPercentPerDay,
            [.. invoice.Payments.OrderBy(p => p.RecordedAt).Select(p => new InvoicePaymentView(p.Id, p.Amount, p.Method, p.Reference, p.RecordedAt, p.RecordedBy))],
            charges,
            Domain.Money.Money.Sum(lines.Select(l => l.Amount), invoice.Currency),
            invoice.VoidedAt,
            invoice.VoidedBy,
            invoice.VoidReason,
            invoice.Version,
            allowed);
    }

    // The parties' names: a customer may read the name of the supplier that invoiced it and the other way round.
    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}
