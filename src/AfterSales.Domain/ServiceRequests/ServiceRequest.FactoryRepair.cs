using AfterSales.Domain.Deadlines;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// The request-level timers of a return-to-factory work order (R-EXE-5): <see cref="DeadlineKind.FactoryPickup"/> from
/// the work order's creation to the pickup booked, <see cref="DeadlineKind.FactoryReturn"/> from receipt at the factory
/// to the unit shipped back. Opened and closed by verbs (like the ruling's objection window), so breaches, warnings,
/// escalation and penalties flow through the deadline monitor like any other kind. A request may have several such
/// work orders: each timer is told apart by the instant it started.
/// </summary>
public sealed partial class ServiceRequest
{
    /// <summary>
    /// Opens <paramref name="kind"/> counted from <paramref name="start"/>, when the request's policy sets a target for it.
    /// A timer already past due at <paramref name="now"/> is recorded as breached at once. Returns the due instant, or null.
    /// </summary>
    public DateTimeOffset? OpenFactoryTimer(DeadlineKind kind, DateTimeOffset start, DateTimeOffset now, ServiceRules rules)
    {
        EnsureFactoryKind(kind);
        if (_deadlines.Any(d => d.Kind == kind && d.StartedAt == start))
        {
            return _deadlines.First(d => d.Kind == kind && d.StartedAt == start).DueAt;
        }

        var spec = DeadlineCatalog.For(kind);
        if (spec.TargetFor(this, rules.Policy) is not { } target)
        {
            return null;
        }

        var deadline = Open(spec, target, start, rules);
        if (deadline.TryRecordBreach(now))
        {
            OnBreached(deadline, now, rules);
        }

        UpdateNextDue();
        return deadline.DueAt;
    }

    /// <summary>Closes the open <paramref name="kind"/> timer that started at <paramref name="start"/>: met, or late with its breach and penalties.</summary>
    public void CloseFactoryTimer(DeadlineKind kind, DateTimeOffset start, DateTimeOffset now, ServiceRules rules)
    {
        EnsureFactoryKind(kind);
        var deadline = _deadlines.FirstOrDefault(d => d.Kind == kind && d.IsOpen && d.StartedAt == start);
        if (deadline is null)
        {
            return;
        }

        if (deadline.Close(now))
        {
            OnBreached(deadline, now, rules);
        }

        AssessOnClose(deadline, now, rules);
        UpdateNextDue();
    }

    private static void EnsureFactoryKind(DeadlineKind kind)
    {
        if (kind is not (DeadlineKind.FactoryPickup or DeadlineKind.FactoryReturn))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only the return-to-factory timers are opened by a work order.");
        }
    }
}
