using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Calendars;

/// <summary>
/// 时效预览: when a target that starts at an instant falls due on a calendar's current version — the check an admin runs
/// after editing a calendar (issue 3: 8 working hours from 2025-09-30 17:00 end on 2025-10-09 16:00 across National Day).
/// Working time and working days run on the calendar, clock time around the clock; the arithmetic is the deadlines' own.
/// </summary>
public sealed partial class PreviewDueAt(AppDbContext db)
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);
    private const int MaxDays = 366;

    /// <summary>Duration for working and clock mode; Days for working-days mode.</summary>
    public sealed record Query(DateTimeOffset Start, TimeSpan? Duration, DueMode Mode, int? Days);

    public async Task<DuePreview> HandleAsync(string calendarId, Query query, CancellationToken cancellationToken)
    {
        var definition = await db.Calendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == calendarId, cancellationToken) ?? throw new NotFound("工作日历");
        var calendar = definition.ToCalendar();
        DateTimeOffset due;
        if (query.Mode == DueMode.WorkingDays)
        {
            InvalidInput.Require(query.Days is not null, "days", "按工作日计算时请填写 days，例如 days=3 表示 3 个工作日。");
            InvalidInput.Require(query.Days is >= 0 and <= MaxDays, "days", $"days 须在 0 到 {MaxDays} 之间。");
            InvalidInput.Require(query.Duration is null, "duration", "按工作日计算时请只填写 days，不填 duration。");
            due = calendar.AddWorkingDays(query.Start, query.Days!.Value);
        }
        else
        {
            InvalidInput.Require(query.Days is null, "days", "days 只用于 mode=workingDays；工作时间或自然时间请填写 duration。");
            InvalidInput.Require(query.Duration is not null, "duration", "请填写时长 duration（ISO-8601，例如 PT8H、P3D、PT30M）。");
            var duration = query.Duration!.Value;
            InvalidInput.Require(duration >= TimeSpan.Zero && duration <= MaxDuration, "duration", "时长须在 0 到 366 天之间。");
            due = query.Mode == DueMode.Clock ? TimeZoneInfo.ConvertTime(query.Start + duration, calendar.Zone) : calendar.AddWorkingTime(query.Start, duration);
        }

        return new DuePreview(query.Start, query.Duration is { } d ? XmlConvert.ToString(d) : null, query.Days, query.Mode, due, definition.Id, definition.Version);
    }

    /// <summary>
    /// An ISO-8601 instant with its offset. In a query string an unencoded "+08:00" arrives as " 08:00" (a plus is a
    /// space there), so that space is read back as the plus it was.
    /// </summary>
    public static DateTimeOffset ParseStart(string? text)
    {
        InvalidInput.Require(!string.IsNullOrWhiteSpace(text), "start", "请填写开始时间 start，例如 2025-09-30T17:00:00+08:00。");
        var value = SpacedOffset().Replace(text!.Trim(), "+$1");
        InvalidInput.Require(WithOffset().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "start",
            $"开始时间「{text}」须为带时区偏移的 ISO-8601 时间，例如 2025-09-30T17:00:00+08:00。");
        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    /// <summary>An ISO-8601 duration such as PT8H, P3D or PT30M; null when not given.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return XmlConvert.ToTimeSpan(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidInput("duration", $"时长「{text}」须为 ISO-8601 格式，例如 PT8H（8 小时）、P3D（3 天）、PT30M（30 分钟）。");
        }
        catch (OverflowException)
        {
            throw new InvalidInput("duration", "时长过大。");
        }
    }

    [GeneratedRegex(@"(?<=T[\d:.]+) (\d{2}:?\d{2})$")]
    private static partial Regex SpacedOffset();

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex WithOffset();
}
