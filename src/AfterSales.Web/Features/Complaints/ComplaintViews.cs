using AfterSales.Domain.Complaints;
using AfterSales.Domain.Organizations;

namespace AfterSales.Web.Features.Complaints;

/// <summary>One line of the complaint ledger (投诉台账, R-CMP-1) as the API and the pages show it.</summary>
public sealed record ComplaintRow(
    Guid Id,
    string Number,
    ComplaintStatus Status,
    string StatusLabel,
    ComplaintSubject Subject,
    string SubjectLabel,
    ComplaintChannel Channel,
    string ChannelLabel,
    Guid ComplainantOrganizationId,
    string ComplainantOrganizationName,
    PartyKind ComplainantParty,
    string FiledBy,
    Guid? RequestId,
    string? RequestNumber,
    Guid? PersonUserId,
    string? PersonName,
    Guid? RespondentSupplierId,
    string? RespondentSupplierName,
    Guid? RespondentDealerId,
    string? RespondentDealerName,
    string Content,
    string? DesiredOutcome,
    DateTimeOffset FiledAt,
    DateTimeOffset VerificationDueAt,
    bool VerificationOverdue,
    bool VerifiedLate,
    DateTimeOffset? VerifiedAt,
    string? VerifiedBy,
    ComplaintResponsibility? Responsibility,
    string? ResponsibilityLabel,
    string? VerificationNote,
    Guid? StaffAtFaultUserId,
    string? StaffAtFaultName,
    string? RejectionReason,
    DateTimeOffset? HandledAt,
    string? HandledBy,
    string? HandlingNotes,
    CompensationKind? Compensation,
    string? CompensationLabel,
    Domain.Money.Money? CompensationAmount,
    DateTimeOffset? ClosedAt,
    bool? Satisfied,
    string? FeedbackComment,
    int ReopenCount,
    int Version);

/// <summary>One step of a complaint's history (处理过程): what, who, when.</summary>
public sealed record ComplaintStepView(int Sequence, ComplaintStepKind Kind, string Label, ComplaintStatus Status, DateTimeOffset At, string Actor, string Note);

/// <summary>The actions the caller may take on a complaint now (for the pages' buttons).</summary>
public sealed record ComplaintAllowed(bool Verify, bool Reject, bool StartHandling, bool Handle, bool Close, bool Reopen, bool SuspendStaff, bool RecordRetraining);

/// <summary>A complaint with its history and what the caller may do next.</summary>
public sealed record ComplaintView(ComplaintRow Complaint, IReadOnlyList<ComplaintStepView> History, ComplaintAllowed Allowed, StaffSuspensionView? StaffSuspension);

/// <summary>Filters of the complaint ledger; all optional.</summary>
/// <param name="Status">Only complaints in this status.</param>
/// <param name="Responsibility">Only complaints with this responsible party.</param>
/// <param name="Overdue">true: still 待核实 past the 24 h (R-CMP-1); false: not overdue.</param>
/// <param name="Search">Part of the number, the content or the request number.</param>
/// <param name="FiledFrom">Filed at or after (inclusive).</param>
/// <param name="FiledTo">Filed before (exclusive).</param>
/// <param name="RequestId">Only complaints about this request.</param>
public sealed record ComplaintFilter(
    ComplaintStatus? Status = null,
    ComplaintResponsibility? Responsibility = null,
    bool? Overdue = null,
    string? Search = null,
    DateTimeOffset? FiledFrom = null,
    DateTimeOffset? FiledTo = null,
    Guid? RequestId = null);

/// <summary>A count under a key with its Chinese label.</summary>
public sealed record ComplaintCount(string Key, string Label, int Count);

/// <summary>
/// 投诉分析 (R-CMP-2, seed 003 §5.5: 定期分析投诉原因): counts by responsible party, month and status, and the average
/// hours from filing to verification and to closing, over the complaints the caller may see in the period.
/// </summary>
public sealed record ComplaintSummary(
    int Total,
    int VerificationOverdue,
    int VerifiedLate,
    IReadOnlyList<ComplaintCount> ByResponsibility,
    IReadOnlyList<ComplaintCount> ByMonth,
    IReadOnlyList<ComplaintCount> ByStatus,
    double? AverageHoursToVerify,
    double? AverageHoursToClose,
    int Satisfied,
    int Unsatisfied);

/// <summary>One suspension of a staff member (停岗待培训) and its retraining, if recorded.</summary>
public sealed record StaffSuspensionView(
    Guid Id,
    Guid UserId,
    string UserName,
    Guid ComplaintId,
    string? ComplaintNumber,
    string Reason,
    DateTimeOffset SuspendedAt,
    string SuspendedBy,
    bool Active,
    DateOnly? TrainedOn,
    string? Course,
    string? Trainer,
    DateTimeOffset? LiftedAt,
    string? LiftedBy)
{
    public static StaffSuspensionView From(StaffSuspension s) => new(
        s.Id, s.UserId, s.UserName, s.ComplaintId, s.ComplaintNumber, s.Reason, s.SuspendedAt, s.SuspendedBy, s.IsActive, s.TrainedOn, s.Course, s.Trainer, s.LiftedAt, s.LiftedBy);
}

/// <summary>Where a staff member stands: suspended or not, and every suspension with its retraining.</summary>
public sealed record StaffSuspensionStatus(Guid UserId, string Name, bool Suspended, IReadOnlyList<StaffSuspensionView> Suspensions);

/// <summary>A staff member the caller may name in a complaint.</summary>
public sealed record StaffChoice(Guid UserId, string Name, Guid OrganizationId, string OrganizationName);
