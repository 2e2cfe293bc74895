using System.Globalization;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Ratings;

/// <summary>
/// 评级月份 (R-RAT-1): a calendar month in the service zone (Asia/Shanghai). It starts at local midnight on the 1st
/// and ends where the next month starts: a request accepted at 00:30 on 1 November in Shanghai counts for November
/// although it is still 31 October in UTC.
/// </summary>
public readonly record struct RatingMonth : IComparable<RatingMonth>
{
    public RatingMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The first instant of the month in the service zone.</summary>
    public DateTimeOffset Start => ServiceZone.At(new DateOnly(Year, Month, 1), TimeOnly.MinValue);

    /// <summary>The first instant after the month (the next month's start).</summary>
    public DateTimeOffset End => Next.Start;

    public RatingMonth Next => AddMonths(1);

    public RatingMonth Previous => AddMonths(-1);

    /// <summary>The month an instant falls in, in the service zone.</summary>
    public static RatingMonth Of(DateTimeOffset instant)
    {
        var date = ServiceZone.DateOf(instant);
        return new RatingMonth(date.Year, date.Month);
    }

    /// <summary>Reads "yyyy-MM" (e.g. 2026-10); anything else is 400 naming <paramref name="field"/>.</summary>
    public static RatingMonth Parse(string? text, string field = "month")
    {
        InvalidInput.Require(TryParse(text, out var month), field, "月份格式应为 yyyy-MM，例如 2026-10。");
        return month;
    }

    public static bool TryParse(string? text, out RatingMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year < 2000 || year > 9998 || m < 1 || m > 12)
        {
            return false;
        }

        month = new RatingMonth(year, m);
        return true;
    }

    public RatingMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new RatingMonth(index / 12, (index % 12) + 1);
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public int CompareTo(RatingMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(RatingMonth left, RatingMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(RatingMonth left, RatingMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(RatingMonth left, RatingMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RatingMonth left, RatingMonth right) => left.CompareTo(right) >= 0;

    /// <summary>"yyyy-MM", the form the API and the database use.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>"2026年10月" for Chinese text.</summary>
    public string ToChinese() => string.Create(CultureInfo.InvariantCulture, $"{Year}年{Month}月");
}
