using AfterSales.Domain.WorkOrders;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>One work order (工单) as the API and the pages show it (issue 6 §1).</summary>
public sealed record WorkOrderView(
    Guid Id,
    string Number,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    WorkOrderKind Kind,
    string KindLabel,
    WorkOrderStatus Status,
    string StatusLabel,
    string Summary,
    string? RequiredSkill,
    CertificateType? RequiredCertificate,
    string? RequiredCertificateLabel,
    string? SiteCity,
    string? SiteAddress,
    string? MapUrl,
    string? SiteAccess,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? ScheduledEnd,
    string? RemoteToolLink,
    Guid? AssigneeUserId,
    string? AssigneeName,
    string? AssigneeBaseCity,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? ArrivalDueAt,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    int? LateMinutes,
    bool Late,
    DateTimeOffset? AuthorizedAt,
    string? AuthorizedBy,
    decimal? TestRunHours,
    string? TestRunResult,
    string? Cause,
    string? Prevention,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    Guid? SignatureAttachmentId,
    RemoteOutcome? Outcome,
    string? ConfirmationNote,
    Guid? FollowUpOfId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<WorkOrderEntryView> Timeline)
{
    /// <summary>生产高峰时段 at the site, e.g. "08:00–11:30，13:30–17:00": remote windows avoid them (R-EXE-1).</summary>
    public string? SiteProductionPeaks { get; init; }
}

/// <summary>One entry of a work order's timeline.</summary>
public sealed record WorkOrderEntryView(int Sequence, DateTimeOffset At, string Actor, string Action, string Label, WorkOrderStatus? From, WorkOrderStatus? To, string? Note);

/// <summary>An engineer's profile (R-EXE-2) with their current load.</summary>
public sealed record EngineerView(
    Guid UserId,
    string Name,
    string BaseCity,
    string? CalendarId,
    IReadOnlyList<string> Skills,
    IReadOnlyList<CertificateView> Certificates,
    int OpenWorkOrders,
    int Version);

/// <summary>A qualification certificate and whether it is valid today.</summary>
public sealed record CertificateView(CertificateType Type, string Label, string Number, DateOnly ExpiresOn, bool Valid);

/// <summary>One line of the dispatch board: open on-site work with its due arrival and the engineers suggested for it.</summary>
public sealed record DispatchBoardRow(WorkOrderView WorkOrder, IReadOnlyList<DispatchSuggestion> Suggestions);
