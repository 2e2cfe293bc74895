using System.Globalization;
using System.Text.Json;

namespace AfterSales.Domain.Deadlines;

/// <summary>
/// The calendars every installation has (R-SLA-2). A policy names its calendar by id; "working" units
/// run on <see cref="Cn918"/> unless the policy says otherwise.
/// </summary>
public static class WorkingCalendars
{
    public const string AlwaysOpenId = "24x7";
    public const string Cn918Id = "cn-9-18";

    private const string ChinaZoneId = "Asia/Shanghai";
    private const string HolidaysResource = "AfterSales.Domain.Deadlines.cn-holidays.json";

    // Declared before the calendars: static initializers run in text order and Cn918 reads both.
    private static readonly TimeZoneInfo _chinaZone = FindChinaZone();

    private static readonly Lazy<(IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays)> _chinaMainlandHolidays =
        new(LoadChinaMainlandHolidays);

    public static WorkingCalendar AlwaysOpen { get; } = WorkingCalendar.AlwaysOpen(AlwaysOpenId, "全天候 7×24", _chinaZone);

    public static WorkingCalendar Cn918 { get; } = CreateCn918();

    public static IReadOnlyDictionary<string, WorkingCalendar> BuiltIn { get; } =
        new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal)
        {
            [AlwaysOpenId] = AlwaysOpen,
            [Cn918Id] = Cn918,
        }.AsReadOnly();

    /// <summary>
    /// Mainland China public holidays and make-up working days (调休) as the State Council announces them
    /// each year, read once from the JSON embedded in this assembly.
    /// </summary>
    public static (IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays) ChinaMainlandHolidays() =>
        _chinaMainlandHolidays.Value;

    private static WorkingCalendar CreateCn918()
    {
        IReadOnlyList<TimeFrame> nineToSix = [new TimeFrame(new TimeOnly(9, 0), new TimeOnly(18, 0))];
        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>
        {
            [DayOfWeek.Monday] = nineToSix,
            [DayOfWeek.Tuesday] = nineToSix,
            [DayOfWeek.Wednesday] = nineToSix,
            [DayOfWeek.Thursday] = nineToSix,
            [DayOfWeek.Friday] = nineToSix,
        };
        var (holidays, makeUpWorkingDays) = ChinaMainlandHolidays();
        return new WorkingCalendar(Cn918Id, "中国大陆工作日 09:00–18:00", _chinaZone, weekly, holidays, makeUpWorkingDays);
    }

    // China has kept UTC+8 without daylight saving since 1991, so a fixed-offset zone is exact where the
    // host has no time zone database (slim containers).
    private static TimeZoneInfo FindChinaZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ChinaZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ChinaZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }

    private static (IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays) LoadChinaMainlandHolidays()
    {
        using var stream = typeof(WorkingCalendars).Assembly.GetManifestResourceStream(HolidaysResource)
            ?? throw new InvalidOperationException($"Embedded resource '{HolidaysResource}' is missing from the domain assembly.");
        using var document = JsonDocument.Parse(stream);

        var holidays = new List<Holiday>();
        var makeUpWorkingDays = new List<DateOnly>();
        foreach (var year in document.RootElement.GetProperty("years").EnumerateObject())
        {
            if (year.Value.TryGetProperty("holidays", out var holidayArray))
            {
                foreach (var holiday in holidayArray.EnumerateArray())
                {
                    holidays.Add(new Holiday(
                        holiday.GetProperty("name").GetString() ?? string.Empty,
                        ParseDate(holiday.GetProperty("from")),
                        ParseDate(holiday.GetProperty("to"))));
                }
            }

            if (year.Value.TryGetProperty("makeUpWorkingDays", out var makeUpArray))
            {
                foreach (var day in makeUpArray.EnumerateArray())
                {
                    makeUpWorkingDays.Add(ParseDate(day));
                }
            }
        }

        return (
            holidays.OrderBy(h => h.From).ToArray().AsReadOnly(),
            makeUpWorkingDays.Order().ToArray().AsReadOnly());
    }

    private static DateOnly ParseDate(JsonElement element) =>
        DateOnly.ParseExact(element.GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
