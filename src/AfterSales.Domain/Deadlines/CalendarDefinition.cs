using AfterSales.Domain.Common;

namespace AfterSales.Domain.Deadlines;

/// <summary>
/// 工作日历 as stored and edited by the platform (R-SLA-2): weekly working hours per weekday (several frames a day),
/// a time zone, public holidays and 调休 make-up working days as data. <see cref="ToCalendar"/> gives the
/// <see cref="WorkingCalendar"/> the deadline arithmetic runs on; every edit bumps <see cref="Version"/>, so cached
/// calendars and the deadlines computed on them are recomputed.
/// </summary>
public sealed class CalendarDefinition
{
    private CalendarDefinition()
    {
        Id = string.Empty;
        Name = string.Empty;
        TimeZoneId = ServiceZone.DefaultId;
        UpdatedBy = string.Empty;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public string TimeZoneId { get; private set; }

    /// <summary>全天候: working time is clock time; weekly hours and holidays do not apply.</summary>
    public bool AlwaysOpen { get; private set; }

    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> WeeklyHours { get; private set; } = new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>();

    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];

    public IReadOnlyList<DateOnly> MakeUpWorkingDays { get; private set; } = [];

    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public static CalendarDefinition From(WorkingCalendar calendar, DateTimeOffset now, string by) => new()
    {
        Id = calendar.Id,
        Name = calendar.Name,
        TimeZoneId = calendar.Zone.Id,
        AlwaysOpen = calendar.IsAlwaysOpen,
        WeeklyHours = calendar.IsAlwaysOpen ? new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>() : calendar.WeeklyHours.ToDictionary(p => p.Key, p => p.Value),
        Holidays = [.. calendar.Holidays],
        MakeUpWorkingDays = [.. calendar.MakeUpWorkingDays],
        Version = 1,
        UpdatedAt = now,
        UpdatedBy = by,
    };

    /// <summary>A new calendar; checked by building it, so a calendar that cannot compute a deadline is refused.</summary>
    public static CalendarDefinition Create(string id, string name, string timeZoneId, bool alwaysOpen, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> weeklyHours,
        IReadOnlyList<Holiday> holidays, IReadOnlyList<DateOnly> makeUpWorkingDays, DateTimeOffset now, string by)
    {
        var definition = new CalendarDefinition { Id = InvalidInput.Text(id, "id", "日历编号", 40), Version = 0 };
        definition.Update(name, timeZoneId, alwaysOpen, weeklyHours, holidays, makeUpWorkingDays, now, by);
        return definition;
    }

    public void Update(string name, string timeZoneId, bool alwaysOpen, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> weeklyHours,
        IReadOnlyList<Holiday> holidays, IReadOnlyList<DateOnly> makeUpWorkingDays, DateTimeOffset now, string by)
    {
        Name = InvalidInput.Text(name, "name", "日历名称", 100);
        TimeZoneId = InvalidInput.Text(timeZoneId, "timeZoneId", "时区", 60);
        AlwaysOpen = alwaysOpen;
        WeeklyHours = weeklyHours.ToDictionary(p => p.Key, p => (IReadOnlyList<TimeFrame>)[.. p.Value.OrderBy(f => f.From)]);
        Holidays = [.. holidays.OrderBy(h => h.From)];
        MakeUpWorkingDays = [.. makeUpWorkingDays.Distinct().Order()];
        try
        {
            _ = ToCalendar();
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidInput("timeZoneId", $"未知时区：{TimeZoneId}。");
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInput("weeklyHours", $"工作时段或节假日无效：{ex.Message}");
        }

        if (!AlwaysOpen && WeeklyHours.Values.All(frames => frames.Count == 0))
        {
            throw new InvalidInput("weeklyHours", "工作日历至少需要一个工作时段。");
        }

        Version++;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    public WorkingCalendar ToCalendar()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        return AlwaysOpen
            ? WorkingCalendar.AlwaysOpen(Id, Name, zone)
            : new WorkingCalendar(Id, Name, zone, WeeklyHours, Holidays, MakeUpWorkingDays);
    }
}
