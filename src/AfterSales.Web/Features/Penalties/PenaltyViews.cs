using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;

namespace AfterSales.Web.Features.Penalties;

/// <summary>
/// One ledger line as the API and the pages show it (R-PEN-3): a penalty names its request, breach, deadline kind and
/// rule with the arithmetic; a deposit payment names who recorded it. A waived line stays, with who waived it and why.
/// The supplier is whose money it is (the supplier or dealer that pays the penalty or paid the deposit); the
/// counterparty who receives it (the customer for compensation, the platform for a deposit payment; none for internal fines).
/// </summary>
public sealed record LedgerRow(
    Guid Id,
    LedgerEntryKind Kind,
    Guid SupplierId,
    string SupplierName,
    Guid? CounterpartyId,
    string? CounterpartyName,
    PenaltyAccount Account,
    Domain.Money.Money Amount,
    Guid? RequestId,
    string? RequestNumber,
    Guid? BreachId,
    DeadlineKind? DeadlineKind,
    string? DeadlineKindLabel,
    string RuleCode,
    string RuleId,
    string Explanation,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    bool Waived,
    DateTimeOffset? WaivedAt,
    string? WaivedBy,
    string? WaiverReason);

/// <summary>
/// Where one supplier stands (R-PEN-1, R-PEN-2), from the lines the caller may see; waived penalties do not count.
/// A deposit never goes negative: what the deductions exceed it by is a receivable from the supplier.
/// </summary>
public sealed record SupplierBalance(
    Guid SupplierId,
    string SupplierName,
    Domain.Money.Money DepositPaid,
    Domain.Money.Money Deducted,
    Domain.Money.Money DepositBalance,
    Domain.Money.Money Receivable,
    Domain.Money.Money CompensationOwed,
    Domain.Money.Money InternalFines,
    Domain.Money.Money Waived,
    int PenaltyCount);

/// <summary>The money ledger: a page of lines, newest first, and every visible supplier's balances.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerRow> Items, string? Next, IReadOnlyList<SupplierBalance> Balances);

/// <summary>What one rule of a policy would charge for a deadline kind met late by the given time.</summary>
public sealed record PenaltyPreviewItem(string RuleCode, string RuleId, string Name, PenaltyBasis Basis, PenaltyAccount Account, Domain.Money.Money Amount, string Explanation);

/// <summary>The penalty preview of a policy (issue 3 §8): every rule that charges the kind, and their total.</summary>
public sealed record PenaltyPreview(
    Guid PolicyId,
    string PolicyName,
    DeadlineKind Kind,
    string KindLabel,
    string Late,
    Domain.Money.Money OrderAmount,
    IReadOnlyList<PenaltyPreviewItem> Items,
    Domain.Money.Money Total);

/// <summary>Filters shared by the penalty list and the ledger; all optional.</summary>
public sealed record LedgerFilter(
    Guid? SupplierId = null,
    Guid? RequestId = null,
    string? RequestNumber = null,
    DeadlineKind? DeadlineKind = null,
    PenaltyAccount? Account = null,
    bool? Waived = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    LedgerEntryKind? EntryKind = null);
