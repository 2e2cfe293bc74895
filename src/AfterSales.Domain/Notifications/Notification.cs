namespace AfterSales.Domain.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>即将超时: a deadline reached its warning point (R-SLA-3).</summary>
    DeadlineAtRisk,

    /// <summary>已超时: a deadline was breached.</summary>
    DeadlineBreached,

    /// <summary>超时升级: a breach went up the escalation chain.</summary>
    DeadlineEscalated,

    /// <summary>应提供备用机: a critical fault was not fixed in time (R-EXE-7).</summary>
    LoanerOwed,

    /// <summary>维保提醒: a planned maintenance visit is due in 7 days (R-RV-2).</summary>
    MaintenanceDue,
}

/// <summary>
/// 站内通知: one message to one user (R-X-1, in-app). Written in the same SaveChanges as the event it reports, once
/// per recipient and event (unique dedup key), so a retry or a second instance never sends it twice.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
        Title = string.Empty;
        Body = string.Empty;
        DedupKey = string.Empty;
    }

    public Notification(Guid id, Guid recipientUserId, Guid organizationId, NotificationKind kind, string title, string body, Guid? serviceRequestId, string? link, string dedupKey, DateTimeOffset createdAt)
    {
        Id = id;
        RecipientUserId = recipientUserId;
        OrganizationId = organizationId;
        Kind = kind;
        Title = title;
        Body = body;
        ServiceRequestId = serviceRequestId;
        Link = link;
        DedupKey = dedupKey;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid RecipientUserId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public Guid? ServiceRequestId { get; private set; }

    public string? Link { get; private set; }

    /// <summary>The event it reports, e.g. "{deadlineId}:breach" — unique per recipient.</summary>
    public string DedupKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
