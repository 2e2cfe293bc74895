using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Policies;

/// <summary>
/// Every figure the service loop reads from a policy. Nothing in the workflow hard-codes a number:
/// the five presets (<see cref="PolicyPresets"/>) carry each seed's own figures.
/// </summary>
public sealed record PolicyFigures
{
    public static PolicyFigures Empty { get; } = new();

    /// <summary>Working calendar the working-time deadlines run on (R-SLA-2).</summary>
    public string CalendarId { get; init; } = WorkingCalendars.Cn918Id;

    /// <summary>Deadline targets by kind; a kind missing here opens no deadline (R-SLA-1).</summary>
    public IReadOnlyDictionary<DeadlineKind, DeadlineTarget> Deadlines { get; init; } = new Dictionary<DeadlineKind, DeadlineTarget>();

    /// <summary>
    /// 异地到场 (R-EXE-2 [003] "同城24小时内到达，异地48小时"): the on-site arrival target when the engineer sent comes from
    /// another city than the site's; null = the same target as in <see cref="Deadlines"/> wherever the engineer comes from.
    /// </summary>
    public DeadlineTarget? OtherCityArrival { get; init; }

    /// <summary>Percentage of a deadline's span at which it is shown as "at risk" (R-SLA-3, default 80 %).</summary>
    public int WarningPercent { get; init; } = 80;

    /// <summary>Targets by fault level and service level (R-IN-8), for the level deadline kinds.</summary>
    public IReadOnlyList<LevelTarget> LevelTargets { get; init; } = [];

    /// <summary>
    /// Escalation chain once a deadline is breached (R-SLA-3). Product default: the handler at once, the supplier's
    /// manager after 1 hour, the platform after 4 hours; a preset may set its own.
    /// </summary>
    public IReadOnlyList<EscalationStep> Escalation { get; init; } =
    [
        new(TimeSpan.Zero, EscalationTarget.Handler),
        new(TimeSpan.FromHours(1), EscalationTarget.SupplierManager),
        new(TimeSpan.FromHours(4), EscalationTarget.Platform),
    ];

    /// <summary>What late deadlines cost (R-PEN-1, R-PEN-2, R-EXE-8); empty means no penalties.</summary>
    public IReadOnlyList<Penalties.PenaltyRule> Penalties { get; init; } = [];

    public WarrantyTerms Warranty { get; init; } = new();

    public AttachmentLimits Attachments { get; init; } = new();

    /// <summary>Attachment kinds a request of a type must carry before it reaches the supplier (R-IN-4, R-IN-5).</summary>
    public IReadOnlyDictionary<ServiceType, IReadOnlyList<AttachmentKind>> RequiredMaterials { get; init; } =
        new Dictionary<ServiceType, IReadOnlyList<AttachmentKind>>();

    /// <summary>Voucher set the supplier uploads before archiving (R-ARC-1).</summary>
    public IReadOnlyList<AttachmentKind> VoucherKinds { get; init; } = [AttachmentKind.ServiceReport, AttachmentKind.SitePhoto];

    /// <summary>Paid work above this amount needs a signed service agreement (R-QUO-3); null = never.</summary>
    public decimal? AgreementThresholdCny { get; init; }

    /// <summary>
    /// 鉴定费承担 (R-DSP-3): who pays a third-party appraisal when the product meets the standard. When it fails, the
    /// supplier pays ([001] "货品如果不符合质量标准，鉴定费由我方承担"); the seeds do not say the other case, so the
    /// claimant (the customer) pays by default.
    /// </summary>
    public Organizations.PartyKind AppraisalFeePayerIfStandardMet { get; init; } = Organizations.PartyKind.Customer;

    /// <summary>Record retention in years after closing (R-ARC-2); <see cref="RetentionAfterWarrantyYears"/> wins when set.</summary>
    public int RetentionYears { get; init; } = 3;

    /// <summary>Retention counted from warranty end instead (seed 003: warranty end + 2 years).</summary>
    public int? RetentionAfterWarrantyYears { get; init; }

    /// <summary>Revisit satisfaction at or below this reopens handling (R-RV-1).</summary>
    public int ReopenAtSatisfaction { get; init; } = 2;

    // Issue 4 invoices (R-FEE-1): tax rate, payment term and late-payment charge of the invoices paid work produces.

    /// <summary>VAT rate in percent on invoices for paid service; product default 13 % (no seed states one).</summary>
    public decimal InvoiceTaxRatePercent { get; init; } = 13m;

    /// <summary>Days after acceptance (验收) the customer has to pay; product default 30 (no seed states one).</summary>
    public int PaymentTermDays { get; init; } = 30;

    /// <summary>Late-payment charge per overdue day in percent of the outstanding amount (seed 000: 0.05); null = none.</summary>
    public decimal? LatePaymentPercentPerDay { get; init; }

    /// <summary>Free-text commitments of the seed that have no workflow yet, shown on the policy page.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Warranty terms (R-WTY-1, R-WTY-2, R-WTY-3, R-WTY-5).</summary>
public sealed record WarrantyTerms
{
    /// <summary>Term where neither contract nor category says otherwise: 12 months [003].</summary>
    public int DefaultMonths { get; init; } = 12;

    /// <summary>Term per product category code, e.g. equipment 12, parts 6 [000].</summary>
    public IReadOnlyDictionary<string, int> MonthsByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Own term of a part replaced or repaired under service [000]: 3 months.</summary>
    public int RepairedPartMonths { get; init; } = 3;

    /// <summary>Days after sale within which a dealer must return the 三包回执卡 [004]; null = not required.</summary>
    public int? DealerCardDays { get; init; }

    /// <summary>Same fault this many times within <see cref="RepeatFaultWindowMonths"/> → free replacement [001].</summary>
    public int RepeatFaultCount { get; init; } = 2;

    public int RepeatFaultWindowMonths { get; init; } = 1;

    public int TermFor(string category, int? productMonths, int? contractMonths) =>
        contractMonths ?? productMonths ?? (MonthsByCategory.TryGetValue(category, out var months) ? months : DefaultMonths);
}

/// <summary>Attachment limits per policy (R-IN-4).</summary>
public sealed record AttachmentLimits
{
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    public long MaxVideoBytes { get; init; } = 200L * 1024 * 1024;

    public int MaxFilesPerRequest { get; init; } = 50;
}
