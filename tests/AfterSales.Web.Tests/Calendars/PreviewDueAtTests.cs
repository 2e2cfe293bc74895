using System.Net;
using AfterSales.Web.Features.Calendars;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Calendars;

/// <summary>
/// GET /calendars/{id}/due, the preview admins check a calendar with (issue 3), on the shipped cn-9-18: 09:00–18:00
/// Monday–Friday in Asia/Shanghai with mainland China holidays and 调休 make-up days (R-SLA-2).
/// </summary>
public sealed class PreviewDueAtTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Eight_working_hours_from_the_eve_of_National_Day_end_on_9_October_at_16_00()
    {
        var supplier = await App.ClientForAsync("supplier.agent");

        // The query exactly as the issue writes it: the unencoded "+08:00" arrives as a space and still means +08:00.
        var preview = await supplier.GetAsync<DuePreview>("/api/v1/calendars/cn-9-18/due?start=2025-09-30T17:00:00+08:00&duration=PT8H&mode=working");

        Assert.Equal(DateTimeOffset.Parse("2025-10-09T16:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), preview.DueAt);
        Assert.Equal(TimeSpan.FromHours(8), preview.DueAt.Offset);
        Assert.Equal((DueMode.Working, "PT8H", "cn-9-18"), (preview.Mode, preview.Duration, preview.CalendarId));
        Assert.Equal(new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.FromHours(8)), preview.Start);
        Assert.Equal((await supplier.CalendarAsync("cn-9-18")).Version, preview.CalendarVersion);
    }

    [Fact]
    public async Task Eight_working_hours_from_a_Friday_evening_end_on_the_make_up_Sunday()
    {
        var customer = await App.ClientForAsync("customer");

        var preview = await customer.GetAsync<DuePreview>("/api/v1/calendars/cn-9-18/due?start=2025-09-26T17%3A00%3A00%2B08%3A00&duration=PT8H&mode=working");

        Assert.Equal(new DateTimeOffset(2025, 9, 28, 16, 0, 0, TimeSpan.FromHours(8)), preview.DueAt);
    }

    [Fact]
    public async Task Clock_mode_adds_plain_time_through_the_night_and_the_holiday()
    {
        var platform = await App.ClientForAsync("platform");

        var preview = await platform.GetAsync<DuePreview>("/api/v1/calendars/cn-9-18/due?start=2025-09-30T17:00:00%2B08:00&duration=PT8H&mode=clock");

        Assert.Equal(new DateTimeOffset(2025, 10, 1, 1, 0, 0, TimeSpan.FromHours(8)), preview.DueAt);
        Assert.Equal(DueMode.Clock, preview.Mode);
    }

    [Fact]
    public async Task Three_working_days_skip_the_holiday_and_end_on_the_make_up_Saturday_at_the_same_time_of_day()
    {
        var platform = await App.ClientForAsync("platform");

        var preview = await platform.GetAsync<DuePreview>("/api/v1/calendars/cn-9-18/due?start=2025-09-30T17:00:00%2B08:00&mode=workingDays&days=3");

        // 10-01…10-08 are the National Day holiday; 10-09 (Thu), 10-10 (Fri) and the make-up Saturday 10-11 are working days.
        Assert.Equal(new DateTimeOffset(2025, 10, 11, 17, 0, 0, TimeSpan.FromHours(8)), preview.DueAt);
        Assert.Equal((DueMode.WorkingDays, 3, (string?)null), (preview.Mode, preview.Days, preview.Duration));
    }

    [Fact]
    public async Task Working_time_on_the_24x7_calendar_is_clock_time()
    {
        var platform = await App.ClientForAsync("platform");

        var preview = await platform.GetAsync<DuePreview>("/api/v1/calendars/24x7/due?start=2025-09-30T17:00:00%2B08:00&duration=PT30M");

        Assert.Equal(new DateTimeOffset(2025, 9, 30, 17, 30, 0, TimeSpan.FromHours(8)), preview.DueAt);
        Assert.Equal(DueMode.Working, preview.Mode);
    }

    [Theory]
    [InlineData("duration=PT8H&mode=working", "start")]
    [InlineData("start=2025-09-30T17:00:00&duration=PT8H", "start")]
    [InlineData("start=yesterday&duration=PT8H", "start")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&duration=8h", "duration")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&duration=-PT8H", "duration")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&mode=working", "duration")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&duration=PT8H&mode=fast", "mode")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&mode=workingDays", "days")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&mode=workingDays&days=three", "days")]
    [InlineData("start=2025-09-30T17:00:00%2B08:00&duration=PT8H&days=3", "days")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var platform = await App.ClientForAsync("platform");

        var problem = await (await platform.GetAsync($"/api/v1/calendars/cn-9-18/due?{query}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_calendar_is_a_404()
    {
        var platform = await App.ClientForAsync("platform");

        await (await platform.GetAsync("/api/v1/calendars/mars-sol/due?start=2025-09-30T17:00:00%2B08:00&duration=PT8H", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
