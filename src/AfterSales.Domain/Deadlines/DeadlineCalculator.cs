namespace AfterSales.Domain.Deadlines;

/// <summary>
/// Pure deadline arithmetic: when a target that starts at an instant falls due on a calendar (R-SLA-2).
/// </summary>
public static class DeadlineCalculator
{
    public static DateTimeOffset DueAt(DateTimeOffset start, DeadlineTarget target, WorkingCalendar calendar) => target.Unit switch
    {
        DeadlineUnit.Minutes => start.AddMinutes(target.Amount),
        DeadlineUnit.Hours => start.AddHours(target.Amount),
        DeadlineUnit.Days => start.AddDays(target.Amount),
        DeadlineUnit.WorkingHours => calendar.AddWorkingTime(start, TimeSpan.FromHours(target.Amount)),
        DeadlineUnit.WorkingDays => calendar.AddWorkingDays(start, target.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Unit, "Unknown deadline unit."),
    };

    /// <summary>
    /// The due instant of a target that started at <paramref name="start"/> and stood still during
    /// <paramref name="pauses"/> (R-SLA-1: a deadline waiting on the customer resumes with the time it had left).
    /// Pure, so a deadline can be recomputed from its history at any time — after a calendar edit or a level change.
    /// Returns null while the last pause is still open.
    /// </summary>
    public static DateTimeOffset? DueAt(DateTimeOffset start, DeadlineTarget target, WorkingCalendar calendar, IReadOnlyList<PauseInterval> pauses)
    {
        var due = DueAt(start, target, calendar);
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.From >= due)
            {
                // A pause that begins after the deadline fell due cannot give back time that had already run out.
                continue;
            }

            if (pause.To is not { } resumed)
            {
                return null;
            }

            var left = Remaining(pause.From, due, target, calendar);
            due = target.RunsOnWorkingTime ? calendar.AddWorkingTime(resumed, left) : resumed + left;
        }

        return due;
    }

    /// <summary>The time a deadline still had at <paramref name="at"/>: working time for working units, clock time otherwise.</summary>
    public static TimeSpan Remaining(DateTimeOffset at, DateTimeOffset due, DeadlineTarget target, WorkingCalendar calendar) =>
        due <= at ? TimeSpan.Zero : target.RunsOnWorkingTime ? calendar.WorkingTimeBetween(at, due) : due - at;

    /// <summary>
    /// The instant at which a deadline is "at risk": <paramref name="percent"/> of the way from start to due (R-SLA-3).
    /// </summary>
    public static DateTimeOffset WarningAt(DateTimeOffset start, DateTimeOffset due, int percent)
    {
        var span = due - start;
        return start + TimeSpan.FromTicks(span.Ticks / 100 * Math.Clamp(percent, 0, 100));
    }
}
