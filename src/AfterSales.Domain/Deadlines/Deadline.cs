namespace AfterSales.Domain.Deadlines;

/// <summary>
/// 时效: one timer on a record, a row with its kind, start, due instant and state ("deadlines are data").
/// Opened and closed by its owner's transitions; breached by the monitor or by a late close, once.
/// </summary>
public sealed class Deadline
{
    private Deadline()
    {
    }

    public Deadline(Guid id, Guid serviceRequestId, DeadlineKind kind, DeadlineParty owedBy, DeadlineTarget target, DateTimeOffset startedAt, DateTimeOffset dueAt, DateTimeOffset warningAt)
    {
        Id = id;
        ServiceRequestId = serviceRequestId;
        Kind = kind;
        OwedBy = owedBy;
        Target = target;
        StartedAt = startedAt;
        DueAt = dueAt;
        WarningAt = warningAt;
        State = DeadlineState.Running;
    }

    public Guid Id { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public DeadlineKind Kind { get; private set; }

    public DeadlineParty OwedBy { get; private set; }

    public DeadlineTarget Target { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>From this instant the deadline is "at risk" (R-SLA-3).</summary>
    public DateTimeOffset WarningAt { get; private set; }

    public DeadlineState State { get; private set; }

    /// <summary>When the stop event happened (met, or late).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the breach was recorded (R-SLA-4: once).</summary>
    public DateTimeOffset? BreachRecordedAt { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public bool IsBreached => BreachRecordedAt is not null;

    public bool IsAtRisk(DateTimeOffset now) => IsOpen && !IsBreached && now >= WarningAt;

    /// <summary>Records the breach if the deadline is open and past due; true only the first time.</summary>
    internal bool TryRecordBreach(DateTimeOffset now)
    {
        if (IsBreached || now <= DueAt)
        {
            return false;
        }

        BreachRecordedAt = now;
        State = DeadlineState.Breached;
        return true;
    }

    /// <summary>The stop event: met if on time; a late close records the breach if the monitor has not yet.</summary>
    internal bool Close(DateTimeOffset now)
    {
        ClosedAt = now;
        var newlyBreached = TryRecordBreach(now);
        if (!IsBreached)
        {
            State = DeadlineState.Met;
        }

        return newlyBreached;
    }
}

/// <summary>
/// 超时记录: one row per breached deadline, unique on the deadline (R-SLA-4: recorded exactly once, with
/// any number of app instances and across restarts). Penalties and ratings read these.
/// </summary>
public sealed class DeadlineBreach
{
    private DeadlineBreach()
    {
    }

    public DeadlineBreach(Guid id, Deadline deadline, Guid supplierId, DateTimeOffset recordedAt)
    {
        Id = id;
        DeadlineId = deadline.Id;
        ServiceRequestId = deadline.ServiceRequestId;
        SupplierId = supplierId;
        Kind = deadline.Kind;
        OwedBy = deadline.OwedBy;
        DueAt = deadline.DueAt;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid DeadlineId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public Guid SupplierId { get; private set; }

    public DeadlineKind Kind { get; private set; }

    public DeadlineParty OwedBy { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
