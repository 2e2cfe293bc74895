using AfterSales.Data;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Invoices;

/// <summary>
/// 开具发票 (R-FEE-1: "customer pays after acceptance"): when the customer accepts paid work (a confirmed quote), the
/// request's invoice is issued in the same transaction as the acceptance — number INV-YYYY-NNNNNN, the quote's
/// lines, the tax rate, payment term and late-payment figure of the request's own policy version. One invoice per
/// request (unique index), so a retried acceptance issues none twice.
/// </summary>
public sealed class IssueInvoice(AppDbContext db, TimeProvider clock, ServiceRulesCatalog rulesCatalog)
{
    /// <summary>Runs <paramref name="accept"/> (the acceptance use case) and issues the invoice it calls for, all or nothing.</summary>
    public async Task<Guid> AfterAcceptanceAsync(Func<Task<Guid>> accept, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requestId = await accept();
        await IssueForAsync(requestId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return requestId;
    }

    /// <summary>Issues the invoice of an accepted paid request if it has none yet; returns it, or null when none is owed.</summary>
    public async Task<Invoice?> IssueForAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await db.Invoices.IgnoreQueryFilters().AnyAsync(i => i.ServiceRequestId == requestId, cancellationToken))
        {
            return null;
        }

        var request = await db.ServiceRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == requestId, cancellationToken);
        if (!Invoice.NeedsInvoice(request))
        {
            return null;
        }

        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var now = clock.GetUtcNow();
        var number = await RequestNumbers.NextAsync(db, "INV", now, cancellationToken);
        var invoice = Invoice.Issue(Guid.CreateVersion7(now), number, request, InvoiceTerms.From(rules.Policy), now);
        db.Invoices.Add(invoice);
        request.NoteInvoice(Actor.System, "invoiceIssued",
            $"已开具发票 {number}：价税合计 {invoice.Total}（税率 {invoice.TaxRatePercent:0.##}%），应于 {invoice.DueDate:yyyy-MM-dd} 前付款", now);
        await db.SaveChangesAsync(cancellationToken);
        return invoice;
    }
}
