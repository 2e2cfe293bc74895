using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using Xunit;

namespace AfterSales.Domain.Tests.Assets;

/// <summary>生产高峰时段 (R-EXE-1): written as a service department writes them, and checked against a remote window.</summary>
public sealed class ProductionPeaksTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    [Theory]
    [InlineData("08:00-11:30, 13:30-17:00", "08:00–11:30，13:30–17:00")]
    [InlineData("13:30～17:00；8:00至11:30", "08:00–11:30，13:30–17:00")]
    [InlineData("  ", null)]
    public void Periods_are_read_in_the_usual_ways_and_written_in_order(string text, string? expected)
    {
        Assert.Equal(expected, ProductionPeaks.Parse(text)?.ToString());
    }

    [Theory]
    [InlineData("8点到12点", "不是有效的时段")]
    [InlineData("22:00-06:00", "跨零点")]
    [InlineData("08:00-12:00, 11:00-14:00", "重叠")]
    public void A_malformed_or_overlapping_period_is_refused_naming_the_field(string text, string message)
    {
        var refusal = Assert.Throws<InvalidInput>(() => ProductionPeaks.Parse(text));
        Assert.Equal((ProductionPeaks.Field, true), (refusal.Field, refusal.Message.Contains(message, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("10:00", "11:00", "08:00–11:30")]
    [InlineData("11:30", "13:30", "")]
    [InlineData("11:00", "14:00", "08:00–11:30，13:30–17:00")]
    [InlineData("17:00", null, "")]
    [InlineData("07:30", null, "08:00–11:30")]
    public void A_window_touches_the_peaks_it_overlaps_in_Shanghai_time(string start, string? end, string touched)
    {
        var peaks = ProductionPeaks.Parse("08:00-11:30, 13:30-17:00")!;

        var result = peaks.Touched(At(start), end is null ? null : At(end));

        Assert.Equal(touched, string.Join("，", result));
    }

    [Fact]
    public void A_window_across_midnight_is_checked_on_the_next_day_too()
    {
        var peaks = ProductionPeaks.Parse("08:00-11:30")!;

        Assert.Single(peaks.Touched(At("20:00"), ServiceZone.At(Day.AddDays(1), new TimeOnly(9, 0))));
        Assert.Empty(peaks.Touched(At("20:00"), ServiceZone.At(Day.AddDays(1), new TimeOnly(7, 0))));
    }

    private static DateTimeOffset At(string time) => ServiceZone.At(Day, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
}
