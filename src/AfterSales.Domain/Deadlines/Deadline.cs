namespace AfterSales.Domain.Deadlines;

/// <summary>
/// 时效: one timer on a record, a row with its kind, start, due instant and state ("deadlines are data").
/// Opened and closed by its owner's transitions; breached by the monitor or by a late close, once.
/// </summary>
public sealed class Deadline
{
    private List<PauseInterval> _pauses = [];

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

    /// <summary>When it falls due: derived from start, target, pauses and calendar, kept for the monitor's index.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>From this instant the deadline is "at risk" (R-SLA-3).</summary>
    public DateTimeOffset WarningAt { get; private set; }

    public DeadlineState State { get; private set; }

    /// <summary>When the stop event happened (met, or late).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the breach was recorded (R-SLA-4: once).</summary>
    public DateTimeOffset? BreachRecordedAt { get; private set; }

    /// <summary>Set while the request waits on the customer; the clock stands still (R-SLA-1).</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    public IReadOnlyList<PauseInterval> Pauses => _pauses;

    /// <summary>When the "at risk" warning went out (R-SLA-3), once.</summary>
    public DateTimeOffset? WarnedAt { get; private set; }

    /// <summary>How far up the escalation chain a breach has gone (0: not escalated; R-SLA-3).</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>When the next escalation step is due; null when there is none.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public bool IsPaused => PausedAt is not null;

    public bool IsBreached => BreachRecordedAt is not null;

    public bool IsAtRisk(DateTimeOffset now) => IsOpen && !IsPaused && !IsBreached && now >= WarningAt;

    /// <summary>How late the deadline was met, or is so far; zero when on time.</summary>
    public TimeSpan LateBy(DateTimeOffset now) => (ClosedAt ?? now) > DueAt ? (ClosedAt ?? now) - DueAt : TimeSpan.Zero;

    /// <summary>Records the breach if the deadline is open, running and past due; true only the first time.</summary>
    internal bool TryRecordBreach(DateTimeOffset now)
    {
        if (IsBreached || IsPaused || now <= DueAt)
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
        if (IsPaused)
        {
            // Closed while waiting on the customer: the pause ends with it, and no time ran meanwhile.
            _pauses = [.. _pauses[..^1], _pauses[^1] with { To = now }];
            PausedAt = null;
        }

        ClosedAt = now;
        NextEscalationAt = null;
        var newlyBreached = TryRecordBreach(now);
        if (!IsBreached)
        {
            State = DeadlineState.Met;
        }

        return newlyBreached;
    }

    /// <summary>
    /// A window (异议期) ended with nobody acting: it closes at its due instant as met — the silence is an answer, not a
    /// lateness (R-DSP-2). The caller records what the silence means.
    /// </summary>
    internal void Lapse()
    {
        ClosedAt = DueAt;
        NextEscalationAt = null;
        State = DeadlineState.Met;
    }

    /// <summary>The request now waits on the customer: the clock stops (R-SLA-1).</summary>
    internal void Pause(DateTimeOffset now)
    {
        if (!IsOpen || IsPaused || IsBreached)
        {
            return;
        }

        _pauses = [.. _pauses, new PauseInterval(now, null)];
        PausedAt = now;
        State = DeadlineState.Paused;
    }

    /// <summary>The customer answered: the clock runs again with the time that was left.</summary>
    internal void Resume(DateTimeOffset now, WorkingCalendar calendar, int warningPercent)
    {
        if (!IsPaused)
        {
            return;
        }

        _pauses = [.. _pauses[..^1], _pauses[^1] with { To = now }];
        PausedAt = null;
        State = DeadlineState.Running;
        Recompute(Target, calendar, warningPercent);
    }

    /// <summary>
    /// Derives the due instant again from the start, the pauses and the calendar — after a calendar edit or when the
    /// request's level changes the target (the GLPI/ServiceNow complaint: due dates that go stale).
    /// </summary>
    internal void Recompute(DeadlineTarget target, WorkingCalendar calendar, int warningPercent)
    {
        if (!IsOpen || IsBreached)
        {
            return;
        }

        Target = target;
        var closedPauses = _pauses.Where(p => p.To is not null).ToList();
        var due = DeadlineCalculator.DueAt(StartedAt, target, calendar, closedPauses) ?? DueAt;
        DueAt = due;
        WarningAt = DeadlineCalculator.WarningAt(StartedAt, due, warningPercent);
    }

    /// <summary>The due instant this deadline would have under another target, from the same start and pauses; nothing changes.</summary>
    internal DateTimeOffset DueAtUnder(DeadlineTarget target, WorkingCalendar calendar) =>
        !IsOpen || IsBreached ? DueAt
        : DeadlineCalculator.DueAt(StartedAt, target, calendar, [.. _pauses.Where(p => p.To is not null)]) ?? DueAt;

    /// <summary>Marks the "at risk" warning as sent; true only the first time.</summary>
    internal bool TryWarn(DateTimeOffset now)
    {
        if (WarnedAt is not null || !IsAtRisk(now))
        {
            return false;
        }

        WarnedAt = now;
        return true;
    }

    /// <summary>Moves the breach one step up the escalation chain and schedules the next step, if any.</summary>
    internal void Escalate(int level, DateTimeOffset? next)
    {
        EscalationLevel = level;
        NextEscalationAt = next;
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

    /// <summary>A breach takes its deadline's id: there is at most one per deadline, and penalties name it.</summary>
    public DeadlineBreach(Deadline deadline, Guid supplierId, DateTimeOffset recordedAt)
    {
        Id = deadline.Id;
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
