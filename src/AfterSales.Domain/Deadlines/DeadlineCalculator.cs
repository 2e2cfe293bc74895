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
    /// The instant at which a deadline is "at risk": <paramref name="percent"/> of the way from start to due (R-SLA-3).
    /// </summary>
    public static DateTimeOffset WarningAt(DateTimeOffset start, DateTimeOffset due, int percent)
    {
        var span = due - start;
        return start + TimeSpan.FromTicks(span.Ticks / 100 * Math.Clamp(percent, 0, 100));
    }
}
