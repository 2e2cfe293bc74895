using System.Globalization;
using AfterSales.Domain.Deadlines;
using Xunit;

namespace AfterSales.Domain.Tests.Deadlines;

/// <summary>
/// Working time for "working" deadline units (R-SLA-2). Instants are written as ISO strings with their
/// offset, and results are compared as text so that both the instant and the +08:00 offset are checked.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo _shanghai = WorkingCalendars.Cn918.Zone;

    private static WorkingCalendar Cn918 => WorkingCalendars.Cn918;

    [Fact]
    public void Eight_working_hours_from_the_eve_of_National_Day_end_on_9_October()
    {
        // 09-30 gives 1 h, 10-01..10-08 are the National Day holiday, Thursday 10-09 gives the other 7 h.
        var due = Cn918.AddWorkingTime(At("2025-09-30T17:00:00+08:00"), TimeSpan.FromHours(8));

        AssertInstant("2025-10-09T16:00:00+08:00", due);
    }

    [Fact]
    public void Eight_working_hours_from_a_Friday_afternoon_end_on_the_make_up_Sunday()
    {
        // Saturday 09-27 is off, Sunday 09-28 is a make-up working day (调休).
        var due = Cn918.AddWorkingTime(At("2025-09-26T17:00:00+08:00"), TimeSpan.FromHours(8));

        AssertInstant("2025-09-28T16:00:00+08:00", due);
    }

    [Theory]
    [InlineData("2025-09-16T07:30:00+08:00", 2, "2025-09-16T11:00:00+08:00")]
    [InlineData("2025-09-16T19:00:00+08:00", 2, "2025-09-17T11:00:00+08:00")]
    [InlineData("2025-09-20T10:00:00+08:00", 3, "2025-09-22T12:00:00+08:00")]
    [InlineData("2025-09-19T17:30:00+08:00", 1, "2025-09-22T09:30:00+08:00")]
    [InlineData("2025-09-16T16:00:00+08:00", 10, "2025-09-17T17:00:00+08:00")]
    [InlineData("2025-09-16T10:15:00+08:00", 0.25, "2025-09-16T10:30:00+08:00")]
    [InlineData("2025-09-16T01:00:00Z", 1, "2025-09-16T10:00:00+08:00")]
    [InlineData("2025-09-16T09:00:00-05:00", 1, "2025-09-17T10:00:00+08:00")]
    public void Working_hours_start_counting_at_the_next_working_instant_and_skip_nights_and_weekends(
        string start, double hours, string expected)
    {
        var due = Cn918.AddWorkingTime(At(start), TimeSpan.FromHours(hours));

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-15T09:00:00+08:00", 9, "2025-09-15T18:00:00+08:00")]
    [InlineData("2025-09-15T17:00:00+08:00", 1, "2025-09-15T18:00:00+08:00")]
    [InlineData("2025-09-26T17:00:00+08:00", 1, "2025-09-26T18:00:00+08:00")]
    [InlineData("2025-09-15T08:00:00+08:00", 18, "2025-09-16T18:00:00+08:00")]
    public void Working_hours_that_run_out_at_the_end_of_a_day_end_at_18_00_not_the_next_morning(
        string start, double hours, string expected)
    {
        var due = Cn918.AddWorkingTime(At(start), TimeSpan.FromHours(hours));

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2026-02-13T17:00:00+08:00", 2, "2026-02-14T10:00:00+08:00")]
    [InlineData("2026-02-14T17:00:00+08:00", 2, "2026-02-24T10:00:00+08:00")]
    [InlineData("2026-02-14T09:00:00+08:00", 9, "2026-02-14T18:00:00+08:00")]
    [InlineData("2026-02-20T12:00:00+08:00", 1, "2026-02-24T10:00:00+08:00")]
    [InlineData("2026-02-27T17:00:00+08:00", 1.5, "2026-02-28T09:30:00+08:00")]
    [InlineData("2026-02-28T17:00:00+08:00", 2, "2026-03-02T10:00:00+08:00")]
    public void Working_hours_skip_the_2026_Spring_Festival_and_work_its_make_up_Saturdays(
        string start, double hours, string expected)
    {
        var due = Cn918.AddWorkingTime(At(start), TimeSpan.FromHours(hours));

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-20T10:00:00+02:00")]
    [InlineData("2025-10-01T12:00:00+08:00")]
    [InlineData("2025-09-16T11:00:00+08:00")]
    public void Adding_no_working_time_returns_the_start_unchanged(string start)
    {
        var due = Cn918.AddWorkingTime(At(start), TimeSpan.Zero);

        AssertInstant(start, due);
    }

    [Theory]
    [InlineData("2025-09-30T10:00:00+08:00", 1, "2025-10-09T10:00:00+08:00")]
    [InlineData("2025-09-26T15:00:00+08:00", 1, "2025-09-28T15:00:00+08:00")]
    [InlineData("2025-10-09T10:00:00+08:00", 2, "2025-10-11T10:00:00+08:00")]
    [InlineData("2025-09-19T10:00:00+08:00", 1, "2025-09-22T10:00:00+08:00")]
    [InlineData("2026-02-13T11:00:00+08:00", 2, "2026-02-24T11:00:00+08:00")]
    [InlineData("2025-09-15T09:00:00+08:00", 5, "2025-09-22T09:00:00+08:00")]
    public void Working_days_keep_the_time_of_day_and_skip_holidays_and_weekends_but_not_make_up_days(
        string start, int days, string expected)
    {
        var due = Cn918.AddWorkingDays(At(start), days);

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-20T10:00:00+08:00", 1, "2025-09-23T09:00:00+08:00")]
    [InlineData("2025-09-16T07:00:00+08:00", 3, "2025-09-19T09:00:00+08:00")]
    [InlineData("2025-09-16T19:00:00+08:00", 0, "2025-09-17T09:00:00+08:00")]
    [InlineData("2025-10-03T10:00:00+08:00", 0, "2025-10-09T09:00:00+08:00")]
    [InlineData("2025-09-16T10:00:00+08:00", 0, "2025-09-16T10:00:00+08:00")]
    [InlineData("2025-09-16T02:00:00Z", 1, "2025-09-17T10:00:00+08:00")]
    public void Working_days_from_outside_working_time_count_from_the_start_of_the_next_frame(
        string start, int days, string expected)
    {
        var due = Cn918.AddWorkingDays(At(start), days);

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-18T10:00:00+08:00", 1, "2025-09-19T10:00:00+08:00")]
    [InlineData("2025-09-18T16:00:00+08:00", 1, "2025-09-19T15:00:00+08:00")]
    [InlineData("2025-09-17T17:30:00+08:00", 2, "2025-09-19T15:00:00+08:00")]
    [InlineData("2025-09-19T14:00:00+08:00", 1, "2025-09-22T14:00:00+08:00")]
    public void Working_days_landing_on_a_shorter_day_end_when_that_day_ends(
        string start, int days, string expected)
    {
        var calendar = Custom(
            new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>
            {
                [DayOfWeek.Monday] = [Frame("09:00", "18:00")],
                [DayOfWeek.Tuesday] = [Frame("09:00", "18:00")],
                [DayOfWeek.Wednesday] = [Frame("09:00", "18:00")],
                [DayOfWeek.Thursday] = [Frame("09:00", "18:00")],
                [DayOfWeek.Friday] = [Frame("09:00", "15:00")],
            });

        var due = calendar.AddWorkingDays(At(start), days);

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-19T17:00:00+08:00", "2025-09-22T10:00:00+08:00", 2)]
    [InlineData("2025-09-30T17:00:00+08:00", "2025-10-09T16:00:00+08:00", 8)]
    [InlineData("2025-09-26T17:00:00+08:00", "2025-09-28T16:00:00+08:00", 8)]
    [InlineData("2026-02-13T09:00:00+08:00", "2026-02-25T09:00:00+08:00", 27)]
    [InlineData("2025-09-15T00:00:00+08:00", "2025-09-22T00:00:00+08:00", 45)]
    [InlineData("2025-09-22T08:00:00+08:00", "2025-09-22T20:00:00+08:00", 9)]
    [InlineData("2025-09-22T01:30:00Z", "2025-09-22T02:00:00Z", 0.5)]
    [InlineData("2025-09-22T10:00:00+08:00", "2025-09-22T09:00:00+08:00", 0)]
    [InlineData("2025-09-22T10:00:00+08:00", "2025-09-22T10:00:00+08:00", 0)]
    public void Working_time_between_two_instants_counts_only_working_frames_across_weekends_and_holidays(
        string from, string to, double expectedHours)
    {
        var worked = Cn918.WorkingTimeBetween(At(from), At(to));

        Assert.Equal(TimeSpan.FromHours(expectedHours), worked);
    }

    [Theory]
    [InlineData("2025-09-30T17:00:00+08:00", 8)]
    [InlineData("2025-09-27T03:00:00+08:00", 13)]
    [InlineData("2026-02-11T12:34:00+08:00", 40)]
    [InlineData("2025-01-01T00:00:00+08:00", 20000)]
    public void Working_time_between_a_start_and_its_due_instant_is_the_working_time_that_was_added(
        string start, double hours)
    {
        var amount = TimeSpan.FromHours(hours);
        var due = Cn918.AddWorkingTime(At(start), amount);

        Assert.Equal(amount, Cn918.WorkingTimeBetween(At(start), due));
    }

    [Theory]
    [InlineData("2025-10-01T03:00:00+08:00", 30, "2025-10-02T09:00:00+08:00")]
    [InlineData("2025-09-27T23:30:00+08:00", 0.5, "2025-09-28T00:00:00+08:00")]
    [InlineData("2025-12-31T20:00:00Z", 1, "2026-01-01T05:00:00+08:00")]
    [InlineData("2026-02-16T12:00:00+08:00", 100, "2026-02-20T16:00:00+08:00")]
    public void The_always_open_calendar_adds_working_time_as_clock_time(string start, double hours, string expected)
    {
        var calendar = WorkingCalendars.AlwaysOpen;

        var due = calendar.AddWorkingTime(At(start), TimeSpan.FromHours(hours));

        AssertInstant(expected, due);
        Assert.Equal(At(start) + TimeSpan.FromHours(hours), due);
        Assert.Equal(TimeSpan.FromHours(hours), calendar.WorkingTimeBetween(At(start), due));
    }

    [Theory]
    [InlineData("2025-10-01T10:00:00+08:00", 3, "2025-10-04T10:00:00+08:00")]
    [InlineData("2025-09-27T23:00:00+08:00", 1, "2025-09-28T23:00:00+08:00")]
    [InlineData("2025-09-27T23:00:00+08:00", 0, "2025-09-27T23:00:00+08:00")]
    public void The_always_open_calendar_adds_working_days_as_calendar_days(string start, int days, string expected)
    {
        var due = WorkingCalendars.AlwaysOpen.AddWorkingDays(At(start), days);

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-15T11:00:00+08:00", 2, "2025-09-15T14:30:00+08:00")]
    [InlineData("2025-09-15T12:00:00+08:00", 3, "2025-09-15T16:30:00+08:00")]
    [InlineData("2025-09-15T12:30:00+08:00", 0.5, "2025-09-15T14:00:00+08:00")]
    [InlineData("2025-09-15T09:00:00+08:00", 3, "2025-09-15T12:00:00+08:00")]
    [InlineData("2025-09-15T09:00:00+08:00", 7.5, "2025-09-15T18:00:00+08:00")]
    [InlineData("2025-09-15T17:00:00+08:00", 2, "2025-09-16T10:00:00+08:00")]
    public void Working_hours_on_a_calendar_with_a_lunch_break_skip_the_break(string start, double hours, string expected)
    {
        var due = LunchBreakCalendar().AddWorkingTime(At(start), TimeSpan.FromHours(hours));

        AssertInstant(expected, due);
    }

    [Theory]
    [InlineData("2025-09-15T11:00:00+08:00", "2025-09-15T14:00:00+08:00", 1.5)]
    [InlineData("2025-09-15T12:00:00+08:00", "2025-09-15T13:30:00+08:00", 0)]
    [InlineData("2025-09-15T00:00:00+08:00", "2025-09-16T00:00:00+08:00", 7.5)]
    public void Working_time_on_a_calendar_with_a_lunch_break_leaves_the_break_out(string from, string to, double expectedHours)
    {
        var worked = LunchBreakCalendar().WorkingTimeBetween(At(from), At(to));

        Assert.Equal(TimeSpan.FromHours(expectedHours), worked);
    }

    [Theory]
    [InlineData("2025-09-15T11:59:00+08:00", true)]
    [InlineData("2025-09-15T12:00:00+08:00", false)]
    [InlineData("2025-09-15T12:45:00+08:00", false)]
    [InlineData("2025-09-15T13:30:00+08:00", true)]
    public void An_instant_in_the_lunch_break_is_not_working_time(string instant, bool expected)
    {
        Assert.Equal(expected, LunchBreakCalendar().IsWorkingInstant(At(instant)));
    }

    [Theory]
    [InlineData("2025-09-22T09:00:00+08:00", true)]
    [InlineData("2025-09-22T17:59:59+08:00", true)]
    [InlineData("2025-09-22T18:00:00+08:00", false)]
    [InlineData("2025-09-22T08:59:59+08:00", false)]
    [InlineData("2025-09-28T12:00:00+08:00", true)]
    [InlineData("2025-10-01T12:00:00+08:00", false)]
    [InlineData("2025-09-27T12:00:00+08:00", false)]
    [InlineData("2025-09-22T01:00:00Z", true)]
    public void An_instant_is_working_time_when_it_falls_inside_a_frame_of_a_working_day(string instant, bool expected)
    {
        Assert.Equal(expected, Cn918.IsWorkingInstant(At(instant)));
    }

    [Theory]
    [InlineData("2025-10-01", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2025-09-27", false)]
    [InlineData("2025-09-29", true)]
    public void A_day_is_a_working_day_unless_it_is_a_holiday_or_an_ordinary_weekend_day(string date, bool expected)
    {
        Assert.Equal(expected, Cn918.IsWorkingDay(Day(date)));
    }

    [Fact]
    public void A_make_up_Sunday_works_the_hours_of_a_Monday_and_a_holiday_works_none()
    {
        Assert.Equal([Frame("09:00", "18:00")], Cn918.FramesOn(Day("2025-09-28")));
        Assert.Empty(Cn918.FramesOn(Day("2025-10-01")));
        Assert.Empty(Cn918.FramesOn(Day("2025-09-27")));
    }

    [Theory]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    [InlineData(2024, false)]
    public void The_cn_9_18_calendar_covers_only_the_years_its_holiday_data_lists(int year, bool expected)
    {
        Assert.Equal(expected, Cn918.CoversYear(year));
    }

    [Fact]
    public void The_always_open_calendar_covers_every_year_and_has_no_holidays()
    {
        var calendar = WorkingCalendars.AlwaysOpen;

        Assert.True(calendar.IsAlwaysOpen);
        Assert.True(calendar.CoversYear(2099));
        Assert.Empty(calendar.Holidays);
        Assert.True(calendar.IsWorkingDay(Day("2025-10-01")));
        Assert.True(calendar.IsWorkingInstant(At("2025-10-01T03:00:00+08:00")));
    }

    [Fact]
    public void The_built_in_calendars_are_found_by_their_ids()
    {
        Assert.Same(WorkingCalendars.Cn918, WorkingCalendars.BuiltIn[WorkingCalendars.Cn918Id]);
        Assert.Same(WorkingCalendars.AlwaysOpen, WorkingCalendars.BuiltIn[WorkingCalendars.AlwaysOpenId]);
        Assert.Equal("cn-9-18", WorkingCalendars.Cn918.Id);
        Assert.Equal("24x7", WorkingCalendars.AlwaysOpen.Id);
        Assert.False(WorkingCalendars.Cn918.IsAlwaysOpen);
        Assert.Equal(TimeSpan.FromHours(8), _shanghai.GetUtcOffset(At("2025-07-01T00:00:00Z")));
        Assert.Empty(WorkingCalendars.Cn918.WeeklyHours[DayOfWeek.Saturday]);
        Assert.Equal([Frame("09:00", "18:00")], WorkingCalendars.Cn918.WeeklyHours[DayOfWeek.Friday]);
    }

    [Fact]
    public void The_embedded_holiday_data_lists_the_2025_and_2026_holidays_and_make_up_days()
    {
        var (holidays, makeUpWorkingDays) = WorkingCalendars.ChinaMainlandHolidays();

        Assert.Equal(13, holidays.Count);
        Assert.Equal(11, makeUpWorkingDays.Count);
        Assert.Contains(new Holiday("春节", Day("2026-02-15"), Day("2026-02-23")), holidays);
        Assert.Contains(Day("2025-09-28"), makeUpWorkingDays);
        Assert.Equal(makeUpWorkingDays, WorkingCalendars.Cn918.MakeUpWorkingDays);
    }

    [Fact]
    public void Working_time_in_a_daylight_saving_zone_comes_back_in_the_offset_in_force_at_the_due_instant()
    {
        // Europe/Berlin moves from +01:00 to +02:00 on Sunday 2025-03-30.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        IReadOnlyList<TimeFrame> nineToFive = [Frame("09:00", "17:00")];
        var calendar = new WorkingCalendar(
            "de-9-17",
            "Berlin 09:00–17:00",
            berlin,
            new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>
            {
                [DayOfWeek.Monday] = nineToFive,
                [DayOfWeek.Tuesday] = nineToFive,
                [DayOfWeek.Wednesday] = nineToFive,
                [DayOfWeek.Thursday] = nineToFive,
                [DayOfWeek.Friday] = nineToFive,
            },
            [],
            []);

        var due = calendar.AddWorkingTime(At("2025-03-28T16:00:00+01:00"), TimeSpan.FromHours(2));

        AssertInstant("2025-03-31T10:00:00+02:00", due);
        AssertInstant("2025-03-31T10:00:00+02:00", calendar.AddWorkingDays(At("2025-03-28T10:00:00+01:00"), 1));
    }

    [Fact]
    public void A_calendar_without_any_working_hours_refuses_to_look_for_working_time()
    {
        var calendar = Custom(new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>());
        var start = At("2025-09-22T10:00:00+08:00");

        var addTime = Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingTime(start, TimeSpan.FromHours(1)));
        Assert.Contains("no working hours", addTime.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingDays(start, 1));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(start, start.AddDays(30)));
        Assert.False(calendar.IsWorkingDay(Day("2025-09-22")));
    }

    [Fact]
    public void Negative_working_time_and_negative_working_days_are_rejected()
    {
        var start = At("2025-09-22T10:00:00+08:00");

        Assert.Throws<ArgumentOutOfRangeException>(() => Cn918.AddWorkingTime(start, TimeSpan.FromMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn918.AddWorkingDays(start, -1));
    }

    [Theory]
    [InlineData("18:00", "09:00", "09:00", "10:00")]
    [InlineData("09:00", "09:00", "10:00", "11:00")]
    [InlineData("09:00", "12:00", "11:00", "14:00")]
    public void Frames_that_run_backwards_or_overlap_are_rejected(string from1, string to1, string from2, string to2)
    {
        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>
        {
            [DayOfWeek.Monday] = [Frame(from1, to1), Frame(from2, to2)],
        };

        Assert.Throws<ArgumentException>(() => Custom(weekly));
    }

    [Fact]
    public void A_holiday_that_ends_before_it_starts_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            "bad",
            "bad",
            _shanghai,
            new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>(),
            [new Holiday("backwards", Day("2025-10-08"), Day("2025-10-01"))],
            []));
    }

    private static WorkingCalendar LunchBreakCalendar()
    {
        IReadOnlyList<TimeFrame> withLunch = [Frame("09:00", "12:00"), Frame("13:30", "18:00")];
        return Custom(new Dictionary<DayOfWeek, IReadOnlyList<TimeFrame>>
        {
            [DayOfWeek.Monday] = withLunch,
            [DayOfWeek.Tuesday] = withLunch,
            [DayOfWeek.Wednesday] = withLunch,
            [DayOfWeek.Thursday] = withLunch,
            [DayOfWeek.Friday] = withLunch,
        });
    }

    private static WorkingCalendar Custom(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeFrame>> weeklyHours) =>
        new("custom", "custom", _shanghai, weeklyHours, [], []);

    private static TimeFrame Frame(string from, string to) =>
        new(TimeOnly.ParseExact(from, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(to, "HH:mm", CultureInfo.InvariantCulture));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertInstant(string expectedIso, DateTimeOffset actual) =>
        Assert.Equal(expectedIso, actual.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}
