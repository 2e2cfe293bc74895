using AfterSales.Domain.Deadlines;

namespace AfterSales.Domain.Penalties;

/// <summary>How a penalty amount is worked out (R-PEN-1, R-PEN-2, R-EXE-8).</summary>
public enum PenaltyBasis
{
    /// <summary>A fixed amount per breach, e.g. 逾期响应扣 500 元/次 [000].</summary>
    FixedPerBreach,

    /// <summary>A share of the order amount per started day late, e.g. 每逾期 1 日赔偿订单金额的 0.1% [000].</summary>
    PercentOfOrderPerDayLate,
}

/// <summary>Which account a penalty is booked to.</summary>
public enum PenaltyAccount
{
    /// <summary>保证金扣除: the platform deducts from the supplier's deposit (R-PEN-2).</summary>
    SupplierDeposit,

    /// <summary>赔偿客户: compensation owed to the customer (R-PEN-1).</summary>
    CustomerCompensation,

    /// <summary>内部扣罚: an internal fine of the service department, e.g. an engineer late on site (R-EXE-8).</summary>
    InternalFine,

    /// <summary>逾期付款违约金: a customer's late payment of an invoice, owed to the supplier (R-FEE-1; issue 4 invoices).</summary>
    CustomerLatePayment,

    /// <summary>鉴定费: a third-party appraisal's fee, paid by the party the result names (R-DSP-3).</summary>
    AppraisalFee,
}

/// <summary>
/// One penalty a policy attaches to late deadlines: which kinds, how much, after what grace, to which account.
/// Figures come from the seeds through the presets; nothing here is a hard-coded number.
/// </summary>
public sealed record PenaltyRule(
    string Code,
    string NameZh,
    IReadOnlyList<DeadlineKind> Kinds,
    PenaltyBasis Basis,
    decimal Amount,
    PenaltyAccount Account,
    TimeSpan Grace,
    string RuleId)
{
    /// <summary>
    /// A fixed charge without grace is due the moment the breach is recorded (逾期响应扣 500 元/次); every other rule
    /// needs to know how late the deadline was met, so it is assessed when it closes. Each rule has one moment, so
    /// no rule charges a breach twice.
    /// </summary>
    public bool AssessedAtBreach => Basis == PenaltyBasis.FixedPerBreach && Grace == TimeSpan.Zero;
}
