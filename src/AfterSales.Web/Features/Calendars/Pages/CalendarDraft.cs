using System.Globalization;
using System.Text.Json;
using AfterSales.Domain.Common;
using AfterSales.Web.Http;

namespace AfterSales.Web.Features.Calendars.Pages;

/// <summary>
/// The editor's working copy of a calendar. Rows keep the order they are shown in, and the input sent keeps that order,
/// so a refusal naming <c>weeklyHours.monday[1]</c> or <c>holidays[2].to</c> points at the row on screen.
/// </summary>
public sealed class CalendarDraft
{
    private static readonly JsonSerializerOptions _jsonOptions = CreateJsonOptions();

    public string? Name { get; set; }

    public string? TimeZoneId { get; set; }

    public bool AlwaysOpen { get; set; }

    public Dictionary<DayOfWeek, List<FrameDraft>> Days { get; } = CalendarShapes.MondayFirst.ToDictionary(day => day, _ => new List<FrameDraft>());

    public List<HolidayDraft> Holidays { get; } = [];

    public List<DateOnly> MakeUpDays { get; } = [];

    public static CalendarDraft From(CalendarView view)
    {
        var draft = new CalendarDraft { Name = view.Name, TimeZoneId = view.TimeZoneId, AlwaysOpen = view.AlwaysOpen };
        if (!view.AlwaysOpen)
        {
            foreach (var day in CalendarShapes.MondayFirst)
            {
                draft.Days[day].AddRange(CalendarShapes.Frames(view.WeeklyHours, day).Select(f => new FrameDraft { From = Span(f.From), To = Span(f.To) }));
            }
        }

        draft.Holidays.AddRange(view.Holidays.Select(h => new HolidayDraft { Name = h.Name, From = h.From.ToDateTime(TimeOnly.MinValue), To = h.To.ToDateTime(TimeOnly.MinValue) }));
        draft.MakeUpDays.AddRange(view.MakeUpWorkingDays);
        return draft;
    }

    public CalendarInput ToInput(string? id = null)
    {
        IReadOnlyList<FrameInput> Day(DayOfWeek day) => [.. Days[day].Select(f => new FrameInput(Text(f.From, end: false), Text(f.To, end: true)))];
        return new CalendarInput(
            id,
            Name,
            TimeZoneId,
            AlwaysOpen,
            new WeeklyHoursInput(Day(DayOfWeek.Monday), Day(DayOfWeek.Tuesday), Day(DayOfWeek.Wednesday), Day(DayOfWeek.Thursday),
                Day(DayOfWeek.Friday), Day(DayOfWeek.Saturday), Day(DayOfWeek.Sunday)),
            [.. Holidays.Select(h => new HolidayInput(h.Name, Date(h.From), Date(h.To)))],
            [.. MakeUpDays]);
    }

    /// <summary>
    /// One year pasted in the data file's format, read the way the API reads it. A JSON error names where it is
    /// (<c>holidays[1].to</c>), so the admin finds the line to fix.
    /// </summary>
    public static HolidayYearInput ParseYear(string? json)
    {
        InvalidInput.Require(!string.IsNullOrWhiteSpace(json), "json", "请粘贴一年的节假日 JSON。");
        try
        {
            return JsonSerializer.Deserialize<HolidayYearInput>(json!, _jsonOptions) ?? throw new InvalidInput("json", "JSON 须为一个对象：{ \"year\": …, \"holidays\": […] }。");
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "json" : ex.Path.TrimStart('$', '.');
            throw new InvalidInput(field.Length == 0 ? "json" : field,
                string.Format(CultureInfo.InvariantCulture, "JSON 格式有误（第 {0} 行）：日期须为 yyyy-MM-dd，年份为数字，括号和引号须成对。", (ex.LineNumber ?? 0) + 1));
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };
        ApiJson.Configure(options);
        return options;
    }

    private static TimeSpan? Span(string text) =>
        CalendarChecks.ParseTime(text) is { } time ? (time == TimeOnly.MaxValue ? TimeSpan.Zero : time.ToTimeSpan()) : null;

    // The time picker has no 24:00; an end of 00:00 can only mean the end of the day, since a frame ends after it starts.
    private static string? Text(TimeSpan? span, bool end) => span is { } value
        ? end && value == TimeSpan.Zero ? "24:00" : TimeOnly.FromTimeSpan(value).ToString("HH:mm", CultureInfo.InvariantCulture)
        : null;

    private static DateOnly? Date(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;
}

public sealed class FrameDraft
{
    public TimeSpan? From { get; set; } = new(9, 0, 0);

    public TimeSpan? To { get; set; } = new(18, 0, 0);
}

public sealed class HolidayDraft
{
    public string? Name { get; set; }

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }
}
