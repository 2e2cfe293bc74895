using AfterSales.Domain.Invoices;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.Invoices;

/// <summary>One line of an invoice: the quote line with its tax-inclusive amount split into net and tax (R-FEE-1).</summary>
public sealed record InvoiceLineView(QuoteLineKind Kind, string Description, decimal Quantity, Domain.Money.Money UnitPrice, Domain.Money.Money Amount, Domain.Money.Money NetAmount, Domain.Money.Money Tax);

/// <summary>A payment recorded against an invoice.</summary>
public sealed record InvoicePaymentView(Guid Id, Domain.Money.Money Amount, string? Method, string? Reference, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// One day's late-payment charge (a ledger line) and, when a platform operator waived it, the reversing line's
/// id, who and why. The charge itself is never edited.
/// </summary>
public sealed record LateChargeView(
    Guid Id,
    DateOnly ChargeDate,
    Domain.Money.Money Amount,
    string Explanation,
    DateTimeOffset CreatedAt,
    bool Waived,
    Guid? ReversalId,
    DateTimeOffset? WaivedAt,
    string? WaivedBy,
    string? WaiverReason);

/// <summary>An invoice in a list.</summary>
public sealed record InvoiceListItem(
    Guid Id,
    string Number,
    Guid RequestId,
    string RequestNumber,
    Guid CustomerId,
    string CustomerName,
    Guid SupplierId,
    string SupplierName,
    InvoiceStatus Status,
    Domain.Money.Money Total,
    Domain.Money.Money Outstanding,
    DateOnly DueDate,
    DateTimeOffset IssuedAt);

/// <summary>
/// 发票 (R-FEE-1) as the API and the pages show it: lines, tax, totals, payments, late-payment charges (net of
/// waivers), and what the caller may do with it.
/// </summary>
public sealed record InvoiceView(
    Guid Id,
    string Number,
    Guid RequestId,
    string RequestNumber,
    Guid CustomerId,
    string CustomerName,
    Guid SupplierId,
    string SupplierName,
    InvoiceStatus Status,
    string Currency,
    IReadOnlyList<InvoiceLineView> Lines,
    decimal TaxRatePercent,
    Domain.Money.Money NetAmount,
    Domain.Money.Money TaxAmount,
    Domain.Money.Money Total,
    Domain.Money.Money PaidAmount,
    Domain.Money.Money Outstanding,
    DateTimeOffset AcceptedAt,
    DateTimeOffset IssuedAt,
    int PaymentTermDays,
    DateOnly DueDate,
    int DaysOverdue,
    decimal? LatePaymentPercentPerDay,
    IReadOnlyList<InvoicePaymentView> Payments,
    IReadOnlyList<LateChargeView> LateCharges,
    Domain.Money.Money LateChargesTotal,
    DateTimeOffset? VoidedAt,
    string? VoidedBy,
    string? VoidReason,
    int Version,
    IReadOnlyList<string> AllowedActions);
