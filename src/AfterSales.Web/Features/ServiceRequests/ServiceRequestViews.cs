using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;

namespace AfterSales.Web.Features.ServiceRequests;

public sealed record PartyRef(Guid Id, string Name);

public sealed record PolicyRef(Guid Id, string Name, int Version);

public sealed record ValidationView(IReadOnlyList<AttachmentKind> Missing);

public sealed record WarrantyView(WarrantyStatus Status, DateOnly? Start, DateOnly? End, int? TermMonths, IReadOnlyList<string> Basis, string Explanation);

public sealed record DeadlineView(
    Guid Id,
    DeadlineKind Kind,
    string Label,
    DeadlineParty OwedBy,
    string Target,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DeadlineState State,
    DateTimeOffset? ClosedAt,
    bool AtRisk);

public sealed record TimelineView(int Sequence, DateTimeOffset At, string Actor, string Role, string Action, ServiceRequestStatus? From, ServiceRequestStatus? To, string? Note);

public sealed record AttachmentView(Guid Id, AttachmentKind Kind, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, string Url);

public sealed record QuoteLineView(QuoteLineKind Kind, string Description, decimal Quantity, Domain.Money.Money UnitPrice, Domain.Money.Money LineTotal)
{
    // Quotes feature (R-QUO-1 basis): the price-list item the line was priced from.
    public Guid? PriceListItemId { get; init; }

    public string? Code { get; init; }

    public string? Unit { get; init; }
}

public sealed record QuoteView(IReadOnlyList<QuoteLineView> Lines, Domain.Money.Money Total, string Currency, int? PartsLeadTimeDays, string? PaymentTerms, QuoteDecision? Decision)
{
    /// <summary>报价有效期 (quotes feature).</summary>
    public DateOnly? ValidUntil { get; init; }
}

public sealed record JudgementView(Responsibility Responsibility, JudgementOutcome Outcome, string? Analysis, ServicePlan? Plan, string? Exclusion, DateTimeOffset JudgedAt, string JudgedBy);

/// <summary>One service request as the API and the detail page show it.</summary>
public sealed record ServiceRequestView(
    Guid Id,
    string Number,
    ServiceRequestStatus Status,
    string StatusLabel,
    ServiceType Type,
    RequestChannel Channel,
    PartyRef Customer,
    PartyRef Supplier,
    PartyRef? Dealer,
    string OrderNumber,
    string? AssetSerial,
    PolicyRef Policy,
    string Symptom,
    DateTimeOffset? OccurredAt,
    string? Impact,
    string? SelfChecks,
    ServiceMode RequestedResolution,
    Urgency Urgency,
    ContactPerson Contact,
    WarrantyView? Warranty,
    ValidationView Validation,
    string? IntakeAnswer,
    string? ReceiptNote,
    Responsibility? Responsibility,
    JudgementView? Judgement,
    QuoteView? Quote,
    ServiceRecord? ServiceRecord,
    AcceptanceRecord? Acceptance,
    IReadOnlyList<RejectionRecord> Rejections,
    RevisitRecord? Revisit,
    string? CancelReason,
    IReadOnlyList<AttachmentKind> MissingVouchers,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<string> AllowedActions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    FaultLevel? FaultLevel = null,
    ServiceLevel? ServiceLevel = null,
    DateTimeOffset? LoanerOwedSince = null,
    IReadOnlyList<PenaltyView>? Penalties = null)
{
    /// <summary>争议与仲裁 (R-DSP-1..3): both parties' submissions, the appraisal, the ruling, objections and review.</summary>
    public DisputeCase? Dispute { get; init; }

    /// <summary>When the judgement (and quote) was deemed accepted because the dispute window passed in silence (R-DSP-2).</summary>
    public DateTimeOffset? JudgementDeemedAcceptedAt { get; init; }
}

/// <summary>A penalty a late deadline of this request caused (R-PEN-3), as the parties to it see it.</summary>
public sealed record PenaltyView(Guid Id, DeadlineKind? Kind, string RuleId, string Explanation, Domain.Money.Money Amount, Domain.Penalties.PenaltyAccount Account, bool Waived, string? WaiverReason, DateTimeOffset CreatedAt);

/// <summary>One row of a request list: enough to triage by status and nearest deadline.</summary>
public sealed record ServiceRequestSummary(
    Guid Id,
    string Number,
    ServiceRequestStatus Status,
    string StatusLabel,
    ServiceType Type,
    Urgency Urgency,
    string CustomerName,
    string SupplierName,
    string OrderNumber,
    string? AssetSerial,
    string Symptom,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDueAt,
    DeadlineView? NextDeadline,
    bool HasBreach);
