using AfterSales.Domain.Organizations;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>仲裁结果 (R-DSP-2): how the platform's ruling moves the request on (API.md: planned | quotePending | closed).</summary>
public enum ArbitrationOutcome
{
    /// <summary>按质保免费服务 → planned: the supplier serves free of charge.</summary>
    WarrantyService,

    /// <summary>付费服务（可调整报价）→ quotePending: the customer confirms the (adjusted) quote (R-QUO-1).</summary>
    PaidService,

    /// <summary>其他（如驳回申请、协商退货）→ closed, with the decision written out.</summary>
    Other,
}

/// <summary>第三方鉴定结论 (R-DSP-3).</summary>
public enum AppraisalResult
{
    /// <summary>不符合质量标准: the supplier pays the appraisal fee [001].</summary>
    FailsStandard,

    /// <summary>符合质量标准: the fee goes to whoever the policy names (default: the customer who claimed).</summary>
    MeetsStandard,
}

/// <summary>上级复核结论: a senior operator upholds or amends a ruling a party objected to (R-DSP-2).</summary>
public enum RulingReviewDecision
{
    Uphold,
    Amend,
}

/// <summary>One party's side of a dispute: what it says and the attachments that prove it (R-DSP-1).</summary>
public sealed record DisputeSubmission(PartyKind Party, string Text, IReadOnlyList<Guid> EvidenceAttachmentIds, DateTimeOffset At, string By);

/// <summary>费用分担: the supplier's share in percent; the customer bears the rest.</summary>
public sealed record CostAllocation(int SupplierPercent, string? Note)
{
    public int CustomerPercent => 100 - SupplierPercent;
}

/// <summary>《售后责任判定意见书》(R-DSP-2): the platform's ruling, printable as a letter.</summary>
public sealed record ArbitrationRuling(
    string LetterNumber,
    Responsibility Responsibility,
    ArbitrationOutcome Outcome,
    string Decision,
    string Reasoning,
    CostAllocation Costs,
    Quote? AdjustedQuote,
    ServiceRequestStatus ResultingStatus,
    DateTimeOffset RuledAt,
    string RuledBy);

/// <summary>第三方鉴定 (R-DSP-3): agency, the sample sent, the fee, and later the result with the report.</summary>
public sealed record ThirdPartyAppraisal(
    string Agency,
    string Sample,
    string? SampleTracking,
    Money.Money Fee,
    DateTimeOffset RequestedAt,
    string RequestedBy)
{
    public AppraisalResult? Result { get; init; }

    public string? Findings { get; init; }

    public IReadOnlyList<Guid> ReportAttachmentIds { get; init; } = [];

    /// <summary>Who was charged the fee (supplier or customer organisation), once the result is in.</summary>
    public PartyKind? FeePayer { get; init; }

    public DateTimeOffset? ResultAt { get; init; }

    public string? ResultBy { get; init; }
}

/// <summary>对判定意见书的异议: within the objection window, by the customer or the supplier; goes to a senior operator.</summary>
public sealed record RulingObjection(PartyKind Party, string Reason, DateTimeOffset At, string By);

/// <summary>上级复核 (R-DSP-2): the senior operator's answer to an objection.</summary>
public sealed record RulingReview(RulingReviewDecision Decision, string Note, DateTimeOffset At, string By);

/// <summary>
/// 争议 (R-DSP-1..3): the customer's claim, the supplier's answer, an optional third-party appraisal, the platform's
/// ruling, objections to it and their review. Stored whole with its request; every change goes through a verb of
/// <see cref="ServiceRequest"/>.
/// </summary>
public sealed record DisputeCase(DisputeSubmission Claim, ServiceRequestStatus RaisedFrom)
{
    /// <summary>The quote the judgement carried when disputed: a paid ruling without its own quote rules on this one.</summary>
    public Quote? DisputedQuote { get; init; }

    public DisputeSubmission? Answer { get; init; }

    public ThirdPartyAppraisal? Appraisal { get; init; }

    public ArbitrationRuling? Ruling { get; init; }

    /// <summary>Earlier rulings replaced by a senior operator's amendment, oldest first.</summary>
    public IReadOnlyList<ArbitrationRuling> SupersededRulings { get; init; } = [];

    public IReadOnlyList<RulingObjection> Objections { get; init; } = [];

    public RulingReview? Review { get; init; }

    /// <summary>视为认可: the objection window ended with no objection (R-DSP-2).</summary>
    public DateTimeOffset? RulingDeemedAcceptedAt { get; init; }

    public bool AwaitingReview => Objections.Count > 0 && Review is null;

    public bool AppraisalPending => Appraisal is { Result: null };
}
