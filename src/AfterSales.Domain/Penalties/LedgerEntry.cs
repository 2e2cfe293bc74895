using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;

namespace AfterSales.Domain.Penalties;

/// <summary>What a ledger line records.</summary>
public enum LedgerEntryKind
{
    /// <summary>违约金: a penalty for a breached deadline; charged to the payer.</summary>
    Penalty,

    /// <summary>保证金缴纳: a supplier pays into its deposit.</summary>
    DepositTopUp,

    /// <summary>逾期付款违约金 (R-FEE-1): one overdue day of a customer's invoice; issue 4 invoices.</summary>
    LatePaymentCharge,

    /// <summary>违约金冲销: the reversing entry of a waived late-payment charge (negative amount, never an edit).</summary>
    LatePaymentChargeReversal,

    /// <summary>鉴定费 (R-DSP-3): a third-party appraisal's fee, charged to the party the result names.</summary>
    AppraisalFee,
}

/// <summary>
/// 台账: one line of money the after-sales loop moves — a penalty with its cause (the breach and the rule), or a
/// deposit payment (R-PEN-3). A penalty is recorded once per breach and rule (unique index) and is never deleted:
/// a waiver keeps the line and says who waived it and why.
/// </summary>
public sealed partial class LedgerEntry
{
    private LedgerEntry()
    {
        RuleCode = string.Empty;
        RuleId = string.Empty;
        Explanation = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Whose money: the supplier for its penalties and deposit.</summary>
    public Guid OrganizationId { get; private set; }

    /// <summary>Who receives it: the customer for compensation, the platform for deposit deductions; null for internal fines.</summary>
    public Guid? CounterpartyOrganizationId { get; private set; }

    public PenaltyAccount Account { get; private set; }

    public Money.Money Amount { get; private set; }

    public Guid? ServiceRequestId { get; private set; }

    public string? ServiceRequestNumber { get; private set; }

    public Guid? BreachId { get; private set; }

    public DeadlineKind? DeadlineKind { get; private set; }

    public string RuleCode { get; private set; }

    public string RuleId { get; private set; }

    public string Explanation { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? WaivedAt { get; private set; }

    public string? WaivedBy { get; private set; }

    public string? WaiverReason { get; private set; }

    public bool IsWaived => WaivedAt is not null;

    public static LedgerEntry ForPenalty(Guid id, PenaltyAssessment assessment, Guid payerId, Guid? counterpartyId, Guid serviceRequestId, string serviceRequestNumber,
        Deadline breached, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = LedgerEntryKind.Penalty,
        OrganizationId = payerId,
        CounterpartyOrganizationId = counterpartyId,
        Account = assessment.Rule.Account,
        Amount = assessment.Amount,
        ServiceRequestId = serviceRequestId,
        ServiceRequestNumber = serviceRequestNumber,
        BreachId = breached.Id,
        DeadlineKind = breached.Kind,
        RuleCode = assessment.Rule.Code,
        RuleId = assessment.Rule.RuleId,
        Explanation = assessment.Explanation,
        CreatedAt = now,
        CreatedBy = "系统",
    };

    /// <summary>
    /// 鉴定费 (R-DSP-3): the party the appraisal found against pays the agency's fee — the supplier when the product
    /// fails the standard [001], else whoever the policy names. The agency is outside the platform: no counterparty.
    /// </summary>
    public static LedgerEntry ForAppraisalFee(Guid id, Guid payerId, Guid serviceRequestId, string serviceRequestNumber, Money.Money fee, string explanation,
        DateTimeOffset now, string by) => new()
    {
        Id = id,
        Kind = LedgerEntryKind.AppraisalFee,
        OrganizationId = payerId,
        Account = PenaltyAccount.AppraisalFee,
        Amount = fee.Rounded(),
        ServiceRequestId = serviceRequestId,
        ServiceRequestNumber = serviceRequestNumber,
        RuleCode = "appraisal-fee",
        RuleId = "R-DSP-3",
        Explanation = explanation,
        CreatedAt = now,
        CreatedBy = by,
    };

    public static LedgerEntry ForDepositTopUp(Guid id, Guid supplierId, Guid platformId, Money.Money amount, string note, DateTimeOffset now, string by)
    {
        InvalidInput.Require(amount.Amount > 0, "amount", "缴纳金额必须大于 0。");
        return new LedgerEntry
        {
            Id = id,
            Kind = LedgerEntryKind.DepositTopUp,
            OrganizationId = supplierId,
            CounterpartyOrganizationId = platformId,
            Account = PenaltyAccount.SupplierDeposit,
            Amount = amount.Rounded(),
            RuleCode = "deposit",
            RuleId = "R-PEN-2",
            Explanation = InvalidInput.Text(note, "note", "说明", 500),
            CreatedAt = now,
            CreatedBy = by,
        };
    }

    /// <summary>核减/免除: the line stays, marked waived with who and why (R-PEN-3: auditable).</summary>
    public void Waive(string reason, string by, DateTimeOffset now)
    {
        if (Kind != LedgerEntryKind.Penalty)
        {
            throw new WorkflowRuleViolation("R-PEN-3", "只有违约金可以免除。");
        }

        if (IsWaived)
        {
            throw new TransitionRefused("waive", "waived", "该笔违约金已免除。");
        }

        WaiverReason = InvalidInput.Text(reason, "reason", "免除原因", 500);
        WaivedAt = now;
        WaivedBy = by;
    }
}
