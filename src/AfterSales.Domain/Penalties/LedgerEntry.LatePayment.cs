using AfterSales.Domain.Common;
using AfterSales.Domain.Invoices;

namespace AfterSales.Domain.Penalties;

/// <summary>
/// Late-payment charges of invoices in the money ledger (R-FEE-1, issue 4 invoices). A charge is one line per invoice
/// and day (unique index on invoice + charge date); a waiver is a second, negative line that names the one it
/// reverses (unique: one reversal per charge) — the charge itself is never edited.
/// </summary>
public sealed partial class LedgerEntry
{
    /// <summary>The invoice a late-payment charge or its reversal belongs to.</summary>
    public Guid? InvoiceId { get; private set; }

    /// <summary>The overdue day a late-payment charge is for (a date in the service zone).</summary>
    public DateOnly? ChargeDate { get; private set; }

    /// <summary>On a reversing entry: the line it reverses.</summary>
    public Guid? ReversesEntryId { get; private set; }

    /// <summary>The customer pays, the supplier that issued the invoice receives.</summary>
    public static LedgerEntry ForLatePayment(Guid id, Invoice invoice, LatePaymentCharge charge, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = LedgerEntryKind.LatePaymentCharge,
        OrganizationId = invoice.CustomerId,
        CounterpartyOrganizationId = invoice.SupplierId,
        Account = PenaltyAccount.CustomerLatePayment,
        Amount = charge.Amount,
        ServiceRequestId = invoice.ServiceRequestId,
        ServiceRequestNumber = invoice.ServiceRequestNumber,
        InvoiceId = invoice.Id,
        ChargeDate = charge.ChargeDate,
        RuleCode = "late-payment",
        RuleId = "R-FEE-1",
        Explanation = $"{invoice.Number} {charge.Explanation}",
        CreatedAt = now,
        CreatedBy = "系统",
    };

    /// <summary>
    /// 免除逾期付款违约金: a platform operator waives a charge with a reason. The answer is a new line of the negative
    /// amount that names the charge it reverses; the charge stays as it was.
    /// </summary>
    public LedgerEntry ReverseLatePayment(Guid id, string reason, string by, DateTimeOffset now)
    {
        if (Kind != LedgerEntryKind.LatePaymentCharge)
        {
            throw new WorkflowRuleViolation("R-FEE-1", "只有逾期付款违约金可以这样冲销。");
        }

        var why = InvalidInput.Text(reason, "reason", "免除原因", 400);
        return new LedgerEntry
        {
            Id = id,
            Kind = LedgerEntryKind.LatePaymentChargeReversal,
            OrganizationId = OrganizationId,
            CounterpartyOrganizationId = CounterpartyOrganizationId,
            Account = Account,
            Amount = new Money.Money(-Amount.Amount, Amount.Currency),
            ServiceRequestId = ServiceRequestId,
            ServiceRequestNumber = ServiceRequestNumber,
            InvoiceId = InvoiceId,
            ChargeDate = ChargeDate,
            ReversesEntryId = Id,
            RuleCode = "late-payment-waiver",
            RuleId = "R-FEE-1",
            Explanation = $"冲销 {ChargeDate:yyyy-MM-dd} 逾期付款违约金。原因：{why}",
            CreatedAt = now,
            CreatedBy = by,
            WaiverReason = why,
        };
    }
}
