using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Invoices;

/// <summary>
/// Where an invoice stands (R-FEE-1). <see cref="Overdue"/> is never stored: an unpaid or partly paid invoice is
/// overdue from the day after its due date, so the status is read against today's date in the service zone.
/// </summary>
public enum InvoiceStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    Overdue,
    Void,
}

/// <summary>
/// One line of an invoice, copied from the accepted quote. Quote prices are what the customer confirmed and pays,
/// i.e. tax-inclusive (价税合计); the line splits that amount into 金额 (net) and 税额 (tax) as a Chinese VAT invoice
/// does: net = amount ÷ (1 + rate) 四舍五入 to the fen, tax = amount − net, so the lines always add up to the quote.
/// </summary>
public sealed record InvoiceLine(QuoteLineKind Kind, string Description, decimal Quantity, Money.Money UnitPrice, Money.Money Amount, Money.Money NetAmount, Money.Money Tax)
{
    public static InvoiceLine From(QuoteLine line, decimal taxRatePercent)
    {
        var amount = line.LineTotal;
        var net = new Money.Money(Money.Money.Round(amount.Amount / (1m + (taxRatePercent / 100m))), amount.Currency);
        return new InvoiceLine(line.Kind, line.Description, line.Quantity, line.UnitPrice, amount, net, amount - net);
    }
}

/// <summary>
/// 发票 (R-FEE-1): issued when the customer accepts paid work (验收合格 after a confirmed quote). Lines from the
/// accepted quote, the policy's tax rate, due date = acceptance date + the policy's payment term; payments recorded
/// against it until it is paid; the supplier may void it with a reason. Late-payment charges are ledger lines
/// (<see cref="LatePaymentCharges"/>), not fields of the invoice, so they are recorded once per day and never edited.
/// </summary>
public sealed class Invoice
{
    private readonly List<InvoicePayment> _payments = [];
    private List<InvoiceLine> _lines = [];

    private Invoice()
    {
        Number = string.Empty;
        ServiceRequestNumber = string.Empty;
        Currency = Money.Money.Cny;
        IssuedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>INV-2026-000001, gap-free per year.</summary>
    public string Number { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    /// <summary>Who pays.</summary>
    public Guid CustomerId { get; private set; }

    /// <summary>Who issued it and is paid.</summary>
    public Guid SupplierId { get; private set; }

    public string Currency { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    /// <summary>Tax rate in percent, from the request's policy version when the invoice was issued (e.g. 13).</summary>
    public decimal TaxRatePercent { get; private set; }

    public Money.Money NetAmount { get; private set; }

    public Money.Money TaxAmount { get; private set; }

    /// <summary>价税合计: what the customer owes.</summary>
    public Money.Money Total { get; private set; }

    public Money.Money PaidAmount { get; private set; }

    /// <summary>验收合格 instant the invoice follows from.</summary>
    public DateTimeOffset AcceptedAt { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedBy { get; private set; }

    public int PaymentTermDays { get; private set; }

    /// <summary>Last day to pay, a date in the service zone; from the next day the invoice is overdue.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>Late-payment charge per day in percent of the outstanding amount (preset 000: 0.05); null = none.</summary>
    public decimal? LatePaymentPercentPerDay { get; private set; }

    /// <summary>Stored status: unpaid, partly paid, paid or void (overdue is derived, see <see cref="StatusOn"/>).</summary>
    public InvoiceStatus Status { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public string? VoidedBy { get; private set; }

    public string? VoidReason { get; private set; }

    /// <summary>Optimistic concurrency: two payments recorded at once cannot both pass the over-payment check.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<InvoicePayment> Payments => _payments;

    public Money.Money Outstanding => Status == InvoiceStatus.Void ? Money.Money.Zero(Currency) : Total - PaidAmount;

    /// <summary>The status as of <paramref name="today"/> (a date in the service zone).</summary>
    public InvoiceStatus StatusOn(DateOnly today) =>
        Status is InvoiceStatus.Unpaid or InvoiceStatus.PartiallyPaid && today > DueDate ? InvoiceStatus.Overdue : Status;

    /// <summary>
    /// Issues the invoice of a request whose paid work the customer has just accepted. Refused unless the request
    /// was accepted after a confirmed quote (R-FEE-1: "customer pays after acceptance").
    /// </summary>
    public static Invoice Issue(Guid id, string number, ServiceRequest request, InvoiceTerms terms, DateTimeOffset now)
    {
        if (!NeedsInvoice(request))
        {
            throw new WorkflowRuleViolation("R-FEE-1", "只有客户确认报价并验收合格的付费服务才开具发票。");
        }

        InvalidInput.Require(terms.TaxRatePercent is >= 0 and < 100, "taxRatePercent", "税率须在 0–100% 之间。");
        InvalidInput.Require(terms.PaymentTermDays >= 0, "paymentTermDays", "付款期限不能为负数。");
        var quote = request.Judgement!.Quote!;
        var lines = quote.Lines.Select(l => InvoiceLine.From(l, terms.TaxRatePercent)).ToList();
        var acceptedAt = request.Acceptance!.At;
        return new Invoice
        {
            Id = id,
            Number = number,
            ServiceRequestId = request.Id,
            ServiceRequestNumber = request.Number,
            CustomerId = request.CustomerId,
            SupplierId = request.SupplierId,
            Currency = quote.Currency,
            _lines = lines,
            TaxRatePercent = terms.TaxRatePercent,
            NetAmount = Money.Money.Sum(lines.Select(l => l.NetAmount), quote.Currency),
            TaxAmount = Money.Money.Sum(lines.Select(l => l.Tax), quote.Currency),
            Total = Money.Money.Sum(lines.Select(l => l.Amount), quote.Currency),
            PaidAmount = Money.Money.Zero(quote.Currency),
            AcceptedAt = acceptedAt,
            IssuedAt = now,
            IssuedBy = "系统",
            PaymentTermDays = terms.PaymentTermDays,
            DueDate = ServiceZone.DateOf(acceptedAt).AddDays(terms.PaymentTermDays),
            LatePaymentPercentPerDay = terms.LatePaymentPercentPerDay,
            Status = quote.Total.Amount == 0 ? InvoiceStatus.Paid : InvoiceStatus.Unpaid,
        };
    }

    /// <summary>A request owes an invoice once the customer confirmed its quote and accepted the work.</summary>
    public static bool NeedsInvoice(ServiceRequest request) =>
        request.Judgement?.Quote is not null && request.QuoteDecision is { Accepted: true } && request.Acceptance is not null;

    /// <summary>收款登记: a part or the whole of what is outstanding; more than that is refused (no over-payment).</summary>
    public InvoicePayment RecordPayment(Guid paymentId, Money.Money amount, string? method, string? reference, string by, DateTimeOffset now)
    {
        if (Status == InvoiceStatus.Void)
        {
            throw new TransitionRefused("recordPayment", "void", "发票已作废，不能登记收款。");
        }

        if (Status == InvoiceStatus.Paid)
        {
            throw new TransitionRefused("recordPayment", "paid", "发票已结清，不能再登记收款。");
        }

        InvalidInput.Require(amount.Currency == Currency, "amount.currency", $"收款币种须与发票一致（{Currency}）。");
        InvalidInput.Require(Money.Money.Round(amount.Amount) == amount.Amount, "amount", "金额最多两位小数（分）。");
        InvalidInput.Require(amount.Amount > 0, "amount", "收款金额必须大于 0。");
        var outstanding = Outstanding;
        if (amount.Amount > outstanding.Amount)
        {
            throw new WorkflowRuleViolation("R-FEE-1", $"收款金额 {amount.AmountText} 超过未付金额 {outstanding.AmountText}，不能超额收款。");
        }

        var payment = new InvoicePayment(paymentId, Id, amount, InvalidInput.OptionalText(method, "method", "付款方式", 50),
            InvalidInput.OptionalText(reference, "reference", "付款凭证号", 200), now, by);
        _payments.Add(payment);
        PaidAmount += amount;
        Status = PaidAmount.Amount >= Total.Amount ? InvoiceStatus.Paid : InvoiceStatus.PartiallyPaid;
        Version++;
        return payment;
    }

    /// <summary>作废: the supplier withdraws the invoice with a reason; refused once money has been received.</summary>
    public void Void(string reason, string by, DateTimeOffset now)
    {
        if (Status == InvoiceStatus.Void)
        {
            throw new TransitionRefused("void", "void", "发票已作废。");
        }

        if (PaidAmount.Amount > 0)
        {
            throw new WorkflowRuleViolation("R-FEE-1", "发票已有收款记录，不能作废。");
        }

        VoidReason = InvalidInput.Text(reason, "reason", "作废原因", 500);
        VoidedAt = now;
        VoidedBy = by;
        Status = InvoiceStatus.Void;
        Version++;
    }

    /// <summary>What was still owed at the start of <paramref name="date"/> (payments recorded on earlier days count).</summary>
    public Money.Money OutstandingAtStartOf(DateOnly date) =>
        Total - Money.Money.Sum(_payments.Where(p => ServiceZone.DateOf(p.RecordedAt) < date).Select(p => p.Amount), Currency);
}

/// <summary>What a policy says about invoices (R-FEE-1): tax rate, payment term, late-payment charge.</summary>
public sealed record InvoiceTerms(decimal TaxRatePercent, int PaymentTermDays, decimal? LatePaymentPercentPerDay)
{
    public static InvoiceTerms From(Policies.PolicyFigures figures) => new(figures.InvoiceTaxRatePercent, figures.PaymentTermDays, figures.LatePaymentPercentPerDay);
}

/// <summary>收款记录: one payment against an invoice; never edited.</summary>
public sealed class InvoicePayment
{
    private InvoicePayment()
    {
        RecordedBy = string.Empty;
    }

    public InvoicePayment(Guid id, Guid invoiceId, Money.Money amount, string? method, string? reference, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = id;
        InvoiceId = invoiceId;
        Amount = amount;
        Method = method;
        Reference = reference;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Money.Money Amount { get; private set; }

    public string? Method { get; private set; }

    public string? Reference { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }
}
