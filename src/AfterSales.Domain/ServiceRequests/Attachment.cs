namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// 附件: a file on a request. The content lives in the attachment store under a server-generated name;
/// the client's file name is kept only for display and download (R-IN-4).
/// </summary>
public sealed class Attachment
{
    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        StoredName = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
    }

    public Attachment(Guid id, Guid serviceRequestId, AttachmentKind kind, string fileName, string contentType, long sizeBytes, string storedName, string sha256, DateTimeOffset uploadedAt, string uploadedBy, Guid? uploadedByOrganizationId)
    {
        Id = id;
        ServiceRequestId = serviceRequestId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StoredName = storedName;
        Sha256 = sha256;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
        UploadedByOrganizationId = uploadedByOrganizationId;
    }

    public Guid Id { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string FileName { get; private set; }

    /// <summary>The type found by sniffing the content, not the one the client claimed.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string StoredName { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }

    public Guid? UploadedByOrganizationId { get; private set; }
}

/// <summary>
/// 时间线: one entry per step — who, in which role, when, from which status to which, and why (R-X-4).
/// Also the event history deadlines can be recomputed from (R-SLA-1).
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        Action = string.Empty;
        ActorName = string.Empty;
        ActorRole = string.Empty;
    }

    public TimelineEntry(Guid id, Guid serviceRequestId, int sequence, DateTimeOffset at, Actor actor, string action, ServiceRequestStatus? from, ServiceRequestStatus? to, string? note)
    {
        Id = id;
        ServiceRequestId = serviceRequestId;
        Sequence = sequence;
        At = at;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        ActorOrganizationId = actor.OrganizationId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public string ActorRole { get; private set; }

    public Guid? ActorOrganizationId { get; private set; }

    /// <summary>Action name in camelCase (e.g. "receive", "attachmentAdded", "deadlineBreached").</summary>
    public string Action { get; private set; }

    public ServiceRequestStatus? FromStatus { get; private set; }

    public ServiceRequestStatus? ToStatus { get; private set; }

    public string? Note { get; private set; }
}
