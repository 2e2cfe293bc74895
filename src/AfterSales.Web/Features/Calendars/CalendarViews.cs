using System.Globalization;
using AfterSales.Domain.Deadlines;

namespace AfterSales.Web.Features.Calendars;

/// <summary>One working frame of a day as the API writes it: "09:00"–"18:00"; a frame that runs to midnight ends at "24:00".</summary>
public sealed record FrameView(string From, string To);

/// <summary>Weekly working hours, Monday first; a day off has no frames.</summary>
public sealed record WeeklyHoursView(
    IReadOnlyList<FrameView> Monday,
    IReadOnlyList<FrameView> Tuesday,
    IReadOnlyList<FrameView> Wednesday,
    IReadOnlyList<FrameView> Thursday,
    IReadOnlyList<FrameView> Friday,
    IReadOnlyList<FrameView> Saturday,
    IReadOnlyList<FrameView> Sunday);

public sealed record HolidayView(string Name, DateOnly From, DateOnly To);

/// <summary>
/// A calendar in a list: which years its holiday data covers and which of this year and next it lacks — the same
/// gap the ready check reports as Degraded (R-SLA-2).
/// </summary>
public sealed record CalendarSummary(
    string Id,
    string Name,
    string TimeZoneId,
    bool AlwaysOpen,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<int> CoveredYears,
    IReadOnlyList<int> MissingYears,
    int HolidayCount,
    int MakeUpWorkingDayCount);

/// <summary>One calendar whole, as the editor and <c>GET /calendars/{id}</c> show it.</summary>
public sealed record CalendarView(
    string Id,
    string Name,
    string TimeZoneId,
    bool AlwaysOpen,
    WeeklyHoursView WeeklyHours,
    IReadOnlyList<HolidayView> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<int> CoveredYears,
    IReadOnlyList<int> MissingYears,
    int OpenRequests);

/// <summary>What a save did: the calendar as stored and how many open requests had their deadlines recomputed on it.</summary>
public sealed record CalendarSaved(CalendarView Calendar, int RecomputedRequests, int ChangedRequests);

/// <summary>How a preview counts: working time, plain clock time, or whole working days ("3 个工作日").</summary>
public enum DueMode
{
    Working,
    Clock,
    WorkingDays,
}

/// <summary>The answer of the due-date preview: when a target started at <c>start</c> falls due on this calendar version.</summary>
public sealed record DuePreview(DateTimeOffset Start, string? Duration, int? Days, DueMode Mode, DateTimeOffset DueAt, string CalendarId, int CalendarVersion);

/// <summary>The conversions between the stored calendar and its views, in one place.</summary>
public static class CalendarShapes
{
    public static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The JSON name of a weekday in <c>weeklyHours</c> ("monday" …), used in the field names of refusals.</summary>
    public static string Key(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>"HH:mm"; the end of the day (<see cref="TimeOnly.MaxValue"/>) is written "24:00".</summary>
    public static string Format(TimeOnly time) =>
        time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static WeeklyHoursView Weekly(CalendarDefinition definition)
    {
        IReadOnlyList<FrameView> Day(DayOfWeek day) => definition.AlwaysOpen
            ? [new FrameView("00:00", "24:00")]
            : definition.WeeklyHours.TryGetValue(day, out var frames) ? [.. frames.Select(f => new FrameView(Format(f.From), Format(f.To)))] : [];
        return new WeeklyHoursView(Day(DayOfWeek.Monday), Day(DayOfWeek.Tuesday), Day(DayOfWeek.Wednesday), Day(DayOfWeek.Thursday),
            Day(DayOfWeek.Friday), Day(DayOfWeek.Saturday), Day(DayOfWeek.Sunday));
    }

    public static IReadOnlyList<FrameView> Frames(WeeklyHoursView weekly, DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => weekly.Monday,
        DayOfWeek.Tuesday => weekly.Tuesday,
        DayOfWeek.Wednesday => weekly.Wednesday,
        DayOfWeek.Thursday => weekly.Thursday,
        DayOfWeek.Friday => weekly.Friday,
        DayOfWeek.Saturday => weekly.Saturday,
        _ => weekly.Sunday,
    };

    /// <summary>Years the holiday data reaches into: any day of a holiday or a make-up working day (as <see cref="WorkingCalendar.CoversYear"/> counts).</summary>
    public static IReadOnlyList<int> CoveredYears(CalendarDefinition definition) =>
    [
        .. definition.Holidays.SelectMany(h => Enumerable.Range(h.From.Year, h.To.Year - h.From.Year + 1))
            .Concat(definition.MakeUpWorkingDays.Select(d => d.Year))
            .Distinct()
            .Order(),
    ];

    /// <summary>This year and next when the calendar lacks their holidays; a 24×7 calendar needs none (R-SLA-2).</summary>
    public static IReadOnlyList<int> MissingYears(CalendarDefinition definition, int currentYear)
    {
        if (definition.AlwaysOpen)
        {
            return [];
        }

        var covered = CoveredYears(definition);
        return [.. new[] { currentYear, currentYear + 1 }.Where(year => !covered.Contains(year))];
    }
}
