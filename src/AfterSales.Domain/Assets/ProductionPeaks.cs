using System.Globalization;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Assets;

/// <summary>One daily production peak at a site, in Asia/Shanghai wall-clock time; <see cref="To"/> after <see cref="From"/>.</summary>
public sealed record PeakPeriod(TimeOnly From, TimeOnly To)
{
    public override string ToString() => $"{From:HH\\:mm}–{To:HH\\:mm}";
}

/// <summary>
/// 生产高峰时段 (R-EXE-1 [000] "远程服务时间避开客户生产高峰"): the daily periods in which the customer's line must not be
/// disturbed at a site. Written as the service department says it — "08:00-11:30, 13:30-17:00" — and checked against
/// an agreed remote window every day the window covers.
/// </summary>
public sealed record ProductionPeaks(IReadOnlyList<PeakPeriod> Periods)
{
    public const string Field = "productionPeaks";

    /// <summary>Reads "08:00-11:30, 13:30-17:00" (also with "～", "–", "至", "；" or "、"); blank is none. Refuses overlaps.</summary>
    public static ProductionPeaks? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        InvalidInput.Require(text.Length <= 200, Field, "生产高峰时段最多 200 个字符。");
        var periods = new List<PeakPeriod>();
        foreach (var part in text.Split([',', '，', ';', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split(['-', '–', '～', '~', '至'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            InvalidInput.Require(bounds.Length == 2 && TryTime(bounds[0], out _) && TryTime(bounds[1], out _), Field,
                $"「{part}」不是有效的时段，请写成 08:00-11:30 这样的格式，多个时段用逗号分隔。");
            TryTime(bounds[0], out var from);
            TryTime(bounds[1], out var to);
            InvalidInput.Require(to > from, Field, $"时段「{part}」的结束时间须晚于开始时间（跨零点的时段请拆成两段）。");
            periods.Add(new PeakPeriod(from, to));
        }

        periods.Sort((a, b) => a.From.CompareTo(b.From));
        for (var i = 1; i < periods.Count; i++)
        {
            InvalidInput.Require(periods[i].From >= periods[i - 1].To, Field, $"时段 {periods[i - 1]} 与 {periods[i]} 重叠。");
        }

        return periods.Count == 0 ? null : new ProductionPeaks(periods);
    }

    /// <summary>
    /// The peaks the window [start, end) touches, on any day it covers; a window without an end is taken as one hour.
    /// Empty when it avoids them all.
    /// </summary>
    public IReadOnlyList<PeakPeriod> Touched(DateTimeOffset start, DateTimeOffset? end)
    {
        var from = ServiceZone.ToLocal(start).DateTime;
        var to = ServiceZone.ToLocal(end ?? start.AddHours(1)).DateTime;
        var touched = new List<PeakPeriod>();
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            foreach (var period in Periods.Where(p => !touched.Contains(p)))
            {
                var peakStart = day.ToDateTime(period.From);
                var peakEnd = day.ToDateTime(period.To);
                if (from < peakEnd && peakStart < to)
                {
                    touched.Add(period);
                }
            }
        }

        return touched;
    }

    public override string ToString() => string.Join("，", Periods);

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
