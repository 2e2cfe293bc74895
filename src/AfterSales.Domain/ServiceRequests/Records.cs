using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>Who did something: shown on the timeline (who, role, when) and checked against the workflow.</summary>
public sealed record Actor(Guid? UserId, string Name, string Role, Guid? OrganizationId, PartyKind? Party, IReadOnlySet<string> Permissions)
{
    /// <summary>The system itself: intake validation, the deadline monitor.</summary>
    public static Actor System { get; } = new(null, "系统", "system", null, PartyKind.Platform, new HashSet<string>());

    public bool Has(string permission) => Permissions.Contains(permission);
}

/// <summary>对接人 (R-IN-3).</summary>
public sealed record ContactPerson(string Name, string Phone);

/// <summary>What the customer tells us when filing (R-IN-3).</summary>
public sealed record ServiceRequestDetails(
    ServiceType Type,
    string Symptom,
    DateTimeOffset? OccurredAt,
    string? Impact,
    string? SelfChecks,
    ServiceMode RequestedResolution,
    Urgency Urgency,
    ContactPerson Contact,
    RequestChannel Channel,
    FaultLevel? FaultLevel = null,
    ServiceLevel? ServiceLevel = null);

/// <summary>The parties and records a request is bound to; the order amount is kept for per-day penalties (R-PEN-1).</summary>
public sealed record ServiceRequestParties(
    Guid CustomerId,
    Guid SupplierId,
    Guid? DealerId,
    Guid OrderId,
    string OrderNumber,
    Guid? AssetId,
    string? AssetSerial,
    Money.Money? OrderAmount = null);

/// <summary>售后服务方案 (R-JDG-2): mode, time, staff, steps.</summary>
public sealed record ServicePlan(ServiceMode Mode, DateTimeOffset? ScheduledAt, IReadOnlyList<string> Staff, string Steps);

/// <summary>One itemised line of a 付费服务报价单 (R-QUO-1).</summary>
public sealed record QuoteLine(QuoteLineKind Kind, string Description, decimal Quantity, Money.Money UnitPrice)
{
    /// <summary>
    /// A price is money in fen: a unit price given with more digits is rounded 四舍五入 when the line is made, so the
    /// line total is the same before and after the quote is stored (storage keeps amounts to the fen).
    /// </summary>
    public Money.Money UnitPrice { get; init; } = UnitPrice with { Amount = Money.Money.Round(UnitPrice.Amount) };

    public Money.Money LineTotal => UnitPrice.Times(Quantity);

    /// <summary>The price-list item the line was built from (R-QUO-1 basis), if any; its code and unit are copied.</summary>
    public Guid? PriceListItemId { get; init; }

    public string? Code { get; init; }

    public string? Unit { get; init; }
}

/// <summary>付费服务报价单 (R-QUO-1, R-QUO-4).</summary>
public sealed record Quote(IReadOnlyList<QuoteLine> Lines, string Currency, int? PartsLeadTimeDays, string? PaymentTerms)
{
    /// <summary>报价有效期: the last day (Asia/Shanghai) the customer may accept it; null = no limit.</summary>
    public DateOnly? ValidUntil { get; init; }

    public Money.Money Total => Money.Money.Sum(Lines.Select(l => l.LineTotal), Currency);
}

/// <summary>责任判定 (R-JDG-1..3).</summary>
public sealed record Judgement(
    Responsibility Responsibility,
    JudgementOutcome Outcome,
    string? Analysis,
    ServicePlan? Plan,
    Quote? Quote,
    string? Exclusion,
    DateTimeOffset JudgedAt,
    string JudgedBy);

/// <summary>The customer's electronic decision on a quote (R-QUO-1: who, when, from which session).</summary>
public sealed record QuoteDecision(bool Accepted, DateTimeOffset At, string By, string? Reason)
{
    public Guid? UserId { get; init; }

    public ClientSession? Session { get; init; }
}

/// <summary>A part used during service.</summary>
public sealed record PartUsed(string Name, string? PartNumber, int Quantity);

/// <summary>服务记录: what was done, parts, result.</summary>
public sealed record ServiceRecord(string WorkDone, IReadOnlyList<PartUsed> PartsUsed, string Result, DateTimeOffset CompletedAt, string CompletedBy);

/// <summary>验收评分 (R-ACC-1), each 1–5.</summary>
public sealed record ServiceRating(int Timeliness, int Expertise, int Attitude)
{
    public decimal Average => Math.Round((Timeliness + Expertise + Attitude) / 3m, 1, MidpointRounding.AwayFromZero);
}

/// <summary>售后服务验收单 (R-ACC-1).</summary>
public sealed record AcceptanceRecord(ServiceRating Rating, string? Comment, DateTimeOffset At, string By);

/// <summary>验收不合格 (R-ACC-2): failed items with evidence.</summary>
public sealed record RejectionRecord(IReadOnlyList<string> FailedItems, IReadOnlyList<Guid> EvidenceAttachmentIds, DateTimeOffset At, string By);

/// <summary>回访记录 (R-RV-1).</summary>
public sealed record RevisitRecord(RevisitChannel Channel, int Satisfaction, string? Notes, bool Reopened, DateTimeOffset At, string By);

/// <summary>What a deadline change asks the outside world to hear about: warnings, breaches, escalations, loaners (R-SLA-3, R-X-1).</summary>
public enum DeadlineAlertType
{
    AtRisk,
    Breached,
    Escalated,
    LoanerOwed,
}

/// <summary>
/// A deadline event for notification: the aggregate raises it, the application turns it into messages to the
/// right people in the same save. <see cref="Notify"/> says whom an escalation step tells.
/// </summary>
public sealed record DeadlineAlert(Guid DeadlineId, DeadlineKind Kind, DeadlineParty OwedBy, DeadlineAlertType Type, int Level, Policies.EscalationTarget Notify, DateTimeOffset DueAt);

/// <summary>What one monitor pass did to a request (or, summed, to all of them).</summary>
public readonly record struct MonitorOutcome(int Breaches, int Escalations, int Warnings)
{
    /// <summary>Windows (异议期) that ended in deemed acceptance (R-DSP-2).</summary>
    public int Lapses { get; init; }

    public int Total => Breaches + Escalations + Warnings + Lapses;

    public static MonitorOutcome operator +(MonitorOutcome a, MonitorOutcome b) =>
        new(a.Breaches + b.Breaches, a.Escalations + b.Escalations, a.Warnings + b.Warnings) { Lapses = a.Lapses + b.Lapses };
}
