using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Security;

namespace AfterSales.Web.Features.Calendars;

/// <summary>One working frame as sent: "HH:mm" to "HH:mm" ("24:00" for the end of the day).</summary>
public sealed record FrameInput(string? From, string? To);

/// <summary>Weekly working hours as sent; a day left out or empty is a day off.</summary>
public sealed record WeeklyHoursInput(
    IReadOnlyList<FrameInput>? Monday = null,
    IReadOnlyList<FrameInput>? Tuesday = null,
    IReadOnlyList<FrameInput>? Wednesday = null,
    IReadOnlyList<FrameInput>? Thursday = null,
    IReadOnlyList<FrameInput>? Friday = null,
    IReadOnlyList<FrameInput>? Saturday = null,
    IReadOnlyList<FrameInput>? Sunday = null)
{
    public IReadOnlyList<FrameInput>? For(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };
}

/// <summary>A public holiday as sent: both ends inclusive, dates as yyyy-MM-dd.</summary>
public sealed record HolidayInput(string? Name, DateOnly? From, DateOnly? To);

/// <summary>
/// A whole calendar as <c>POST /calendars</c> and <c>PUT /calendars/{id}</c> take it. Id only on create (on PUT it may be
/// left out or must equal the route's). Time zone defaults to Asia/Shanghai (R-SLA-2).
/// </summary>
public sealed record CalendarInput(
    string? Id,
    string? Name,
    string? TimeZoneId,
    bool? AlwaysOpen,
    WeeklyHoursInput? WeeklyHours,
    IReadOnlyList<HolidayInput>? Holidays,
    IReadOnlyList<DateOnly>? MakeUpWorkingDays);

/// <summary>
/// One year of public holidays and 调休 make-up working days in the format of the State Council data file
/// (<c>{"year": 2027, "holidays": [{"name", "from", "to"}], "makeUpWorkingDays": ["2027-…"]}</c>).
/// </summary>
public sealed record HolidayYearInput(int? Year, IReadOnlyList<HolidayInput>? Holidays, IReadOnlyList<DateOnly>? MakeUpWorkingDays);

/// <summary>A calendar's content, checked field by field: what <see cref="CalendarDefinition.Update"/> is given.</summary>
public sealed record CalendarContent(
    string Name,
    string TimeZoneId,
    bool AlwaysOpen,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> WeeklyHours,
    IReadOnlyList<Holiday> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>
/// Checks calendar input before the domain sees it, so a refusal names the exact field — <c>weeklyHours.monday[1]</c>
/// for a frame that overlaps an earlier one, <c>holidays[2].to</c> for a holiday that ends before it starts,
/// <c>timeZoneId</c> for a zone this host does not know (R-SLA-2).
/// </summary>
public static partial class CalendarChecks
{
    private const int MaxFramesPerDay = 12;
    private const int MaxHolidays = 2000;
    private const int MaxHolidayDays = 366;

    /// <summary>Calendars are the platform's (R-SLA-2): its admins edit them with policies.manage; a supplier manager holds that permission for its own policies only.</summary>
    public static void EnsureCanManage(Caller caller, string action)
    {
        if (caller.Party != PartyKind.Platform || !caller.Has(Permissions.PoliciesManage))
        {
            throw new ActionNotPermitted(action, "只有平台管理员可以维护工作日历。");
        }
    }

    public static string Id(string? id)
    {
        var value = InvalidInput.Text(id, "id", "日历编号", 40);
        InvalidInput.Require(IdPattern().IsMatch(value), "id", "日历编号只能包含小写字母、数字和连字符，并以字母或数字开头，例如 cn-9-18。");
        return value;
    }

    public static CalendarContent Content(CalendarInput input)
    {
        var name = InvalidInput.Text(input.Name, "name", "日历名称", 100);
        var zone = string.IsNullOrWhiteSpace(input.TimeZoneId) ? ServiceZone.DefaultId : input.TimeZoneId.Trim();
        InvalidInput.Require(zone.Length <= 60 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), "timeZoneId",
            $"未知时区：{zone}。请使用 IANA 时区名，例如 Asia/Shanghai。");
        var alwaysOpen = input.AlwaysOpen ?? false;
        var weekly = alwaysOpen ? new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>() : Weekly(input.WeeklyHours);
        var holidays = Holidays(input.Holidays, "holidays", year: null);
        var makeUps = MakeUpDays(input.MakeUpWorkingDays, "makeUpWorkingDays", year: null, holidays);
        return new CalendarContent(name, zone, alwaysOpen, weekly, holidays, makeUps);
    }

    /// <summary>
    /// One imported year replaces that year's entries: holidays that start in it and make-up days in it. A holiday
    /// belongs to the year it starts in, so a year-end holiday reaching into January stays with its year.
    /// </summary>
    public static CalendarContent WithYear(CalendarDefinition definition, HolidayYearInput input)
    {
        InvalidInput.Require(input.Year is >= 2000 and <= 2100, "year", "年份须在 2000 到 2100 之间。");
        var year = input.Year!.Value;
        InvalidInput.Require(input.Holidays is { Count: > 0 }, "holidays", $"请至少填写 {year} 年的一个节假日。");
        var imported = Holidays(input.Holidays, "holidays", year);
        var holidays = definition.Holidays.Where(h => h.From.Year != year).Concat(imported).OrderBy(h => h.From).ToList();
        var importedMakeUps = MakeUpDays(input.MakeUpWorkingDays, "makeUpWorkingDays", year, holidays);
        var makeUps = definition.MakeUpWorkingDays.Where(d => d.Year != year).Concat(importedMakeUps).Order().ToList();
        return new CalendarContent(definition.Name, definition.TimeZoneId, definition.AlwaysOpen, definition.WeeklyHours, holidays, makeUps);
    }

    /// <summary>"HH:mm" (or "24:00", the end of the day) → a time of day; null when the text is no such time.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var value = text?.Trim();
        if (value == "24:00")
        {
            return TimeOnly.MaxValue;
        }

        return TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>> Weekly(WeeklyHoursInput? input)
    {
        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>();
        foreach (var day in CalendarShapes.MondayFirst)
        {
            var given = input?.For(day) ?? [];
            var field = $"weeklyHours.{CalendarShapes.Key(day)}";
            InvalidInput.Require(given.Count <= MaxFramesPerDay, field, $"每天最多 {MaxFramesPerDay} 个工作时段。");
            var frames = new List<TimeFrame>();
            for (var i = 0; i < given.Count; i++)
            {
                var from = ParseTime(given[i]?.From);
                var to = ParseTime(given[i]?.To);
                InvalidInput.Require(from is { } f && f != TimeOnly.MaxValue, $"{field}[{i}].from", "开始时间须为 HH:mm，例如 09:00。");
                InvalidInput.Require(to is not null, $"{field}[{i}].to", "结束时间须为 HH:mm，例如 18:00（全天到 24:00）。");
                var frame = new TimeFrame(from!.Value, to!.Value);
                InvalidInput.Require(frame.From < frame.To, $"{field}[{i}].to", "结束时间须晚于开始时间。");
                var overlapped = frames.FindIndex(earlier => frame.From < earlier.To && earlier.From < frame.To);
                InvalidInput.Require(overlapped < 0, $"{field}[{i}]",
                    $"工作时段 {CalendarShapes.Format(frame.From)}–{CalendarShapes.Format(frame.To)} 与第 {overlapped + 1} 个时段重叠。");
                frames.Add(frame);
            }

            if (frames.Count > 0)
            {
                weekly[day] = frames;
            }
        }

        InvalidInput.Require(weekly.Count > 0, "weeklyHours", "工作日历至少需要一个工作时段（或设为全天候）。");
        return weekly;
    }

    private static List<Holiday> Holidays(IReadOnlyList<HolidayInput>? input, string field, int? year)
    {
        var given = input ?? [];
        InvalidInput.Require(given.Count <= MaxHolidays, field, $"节假日最多 {MaxHolidays} 条。");
        var holidays = new List<Holiday>();
        for (var i = 0; i < given.Count; i++)
        {
            var at = $"{field}[{i}]";
            var holiday = given[i];
            var name = InvalidInput.Text(holiday?.Name, $"{at}.name", "节假日名称", 50);
            InvalidInput.Require(holiday!.From is not null, $"{at}.from", "请填写开始日期（yyyy-MM-dd）。");
            InvalidInput.Require(holiday.To is not null, $"{at}.to", "请填写结束日期（yyyy-MM-dd）。");
            var (from, to) = (holiday.From!.Value, holiday.To!.Value);
            InvalidInput.Require(year is null || from.Year == year, $"{at}.from", $"节假日须从 {year} 年开始。");
            InvalidInput.Require(to >= from, $"{at}.to", $"结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}。");
            InvalidInput.Require(to.DayNumber - from.DayNumber < MaxHolidayDays, $"{at}.to", "一个节假日不能超过一年。");
            holidays.Add(new Holiday(name, from, to));
        }

        return holidays;
    }

    // A day cannot be both off and worked: the calendar would silently let the holiday win (WorkingCalendar.IsWorkingDay).
    private static List<DateOnly> MakeUpDays(IReadOnlyList<DateOnly>? input, string field, int? year, List<Holiday> holidays)
    {
        var given = input ?? [];
        InvalidInput.Require(given.Count <= MaxHolidays, field, $"调休上班日最多 {MaxHolidays} 个。");
        for (var i = 0; i < given.Count; i++)
        {
            var day = given[i];
            InvalidInput.Require(year is null || day.Year == year, $"{field}[{i}]", $"调休上班日须在 {year} 年内。");
            var holiday = holidays.FirstOrDefault(h => h.From <= day && day <= h.To);
            InvalidInput.Require(holiday is null, $"{field}[{i}]", $"调休上班日 {day:yyyy-MM-dd} 落在节假日「{holiday?.Name}」内。");
        }

        return [.. given.Distinct().Order()];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
