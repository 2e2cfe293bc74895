using System.Net;
using AfterSales.Web.Features.Calendars;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Calendars;

/// <summary>POST /calendars and the reads: a calendar with several frames a day, in its own time zone (R-SLA-2).</summary>
public sealed class CreateCalendarTests(AfterSalesApp app) : ApiTest(app)
{
    private static readonly object[] SplitShift = [new { from = "08:30", to = "12:00" }, new { from = "13:30", to = "17:30" }];

    [Fact]
    public async Task The_admin_creates_a_calendar_with_two_frames_a_day_and_its_preview_skips_the_lunch_break()
    {
        var admin = await App.ClientForAsync("admin");

        var created = await (await admin.PostJsonAsync("/api/v1/calendars", new
        {
            id = "split-shift",
            name = "双班制 08:30–12:00 / 13:30–17:30",
            weeklyHours = new { monday = SplitShift, tuesday = SplitShift, wednesday = SplitShift, thursday = SplitShift, friday = SplitShift },
            holidays = new[] { new { name = "厂休", from = "2026-12-31", to = "2027-01-01" } },
            makeUpWorkingDays = Array.Empty<string>(),
        })).ReadAsync<CalendarView>(HttpStatusCode.Created);
        var supplier = await App.ClientForAsync("supplier.agent");
        var preview = await supplier.GetAsync<DuePreview>("/api/v1/calendars/split-shift/due?start=2026-11-23T11:00:00%2B08:00&duration=PT8H");

        Assert.Equal(("split-shift", "Asia/Shanghai", 1), (created.Id, created.TimeZoneId, created.Version));
        Assert.Equal([new FrameView("08:30", "12:00"), new FrameView("13:30", "17:30")], created.WeeklyHours.Monday);
        Assert.Empty(created.WeeklyHours.Saturday);
        Assert.Equal([2026, 2027], created.CoveredYears);
        Assert.Empty(created.MissingYears);
        Assert.Equal(0, created.OpenRequests);
        // Monday 11:00–12:00 and 13:30–17:30 give 5 h; Tuesday 08:30–11:30 the remaining 3 h.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.FromHours(8)), preview.DueAt);
    }

    [Fact]
    public async Task Every_signed_in_user_lists_the_calendars_with_the_years_they_cover()
    {
        var customer = await App.ClientForAsync("customer");

        var page = await customer.GetAsync<Page<CalendarSummary>>("/api/v1/calendars");

        var cn = Assert.Single(page.Items, c => c.Id == "cn-9-18");
        Assert.Equal([2025, 2026], cn.CoveredYears);
        // The fake clock is in 2026: next year's holidays are not announced yet, as the ready check says too.
        Assert.Equal([2027], cn.MissingYears);
        var always = Assert.Single(page.Items, c => c.Id == "24x7");
        Assert.True(always.AlwaysOpen);
        Assert.Empty(always.MissingYears);
    }

    [Fact]
    public async Task The_list_pages_by_id_and_a_bad_cursor_is_a_400()
    {
        var admin = await App.ClientForAsync("admin");
        (await admin.PostJsonAsync("/api/v1/calendars", new { id = "paging-check", name = "分页", weeklyHours = new { friday = SplitShift } })).EnsureSuccessStatusCode();
        var all = await admin.GetAsync<Page<CalendarSummary>>("/api/v1/calendars");

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await admin.GetAsync<Page<CalendarSummary>>($"/api/v1/calendars?page[size]=1{(next is null ? string.Empty : $"&page[after]={next}")}");
            Assert.InRange(page.Items.Count, 0, 1);
            seen.AddRange(page.Items.Select(c => c.Id));
            next = page.Next;
        }
        while (next is not null);
        var problem = await (await admin.GetAsync("/api/v1/calendars?page[after]=%%%", Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(all.Items.Select(c => c.Id), seen);
        Assert.Contains("paging-check", seen);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page[after]", out _));
    }

    [Fact]
    public async Task The_calendar_shows_weekly_hours_holidays_make_up_days_and_its_version_as_ETag()
    {
        var dealer = await App.ClientForAsync("dealer");

        using var response = await dealer.GetAsync("/api/v1/calendars/cn-9-18", Ct);
        var calendar = await response.ReadAsync<CalendarView>();

        Assert.Equal($"\"{calendar.Version}\"", response.Headers.ETag?.Tag);
        Assert.Equal([new FrameView("09:00", "18:00")], calendar.WeeklyHours.Friday);
        Assert.Empty(calendar.WeeklyHours.Sunday);
        Assert.Contains(calendar.Holidays, h => h.Name == "国庆节、中秋节" && h.From == new DateOnly(2025, 10, 1) && h.To == new DateOnly(2025, 10, 8));
        Assert.Contains(new DateOnly(2025, 9, 28), calendar.MakeUpWorkingDays);
    }

    [Fact]
    public async Task A_taken_id_is_a_409_naming_it_and_a_malformed_id_a_400()
    {
        var admin = await App.ClientForAsync("admin");
        var body = new { id = "cn-9-18", name = "重复", weeklyHours = new { monday = SplitShift } };

        var taken = await (await admin.PostJsonAsync("/api/v1/calendars", body)).ProblemAsync(HttpStatusCode.Conflict);
        var malformed = await (await admin.PostJsonAsync("/api/v1/calendars", body with { id = "CN 9/18" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(taken.GetProperty("errors").TryGetProperty("id", out _));
        Assert.True(malformed.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("platform")]
    [InlineData("supplier.manager")]
    public async Task Only_the_platform_admin_creates_calendars(string user)
    {
        var client = await App.ClientForAsync(user);

        using var response = await client.PostJsonAsync("/api/v1/calendars", new { id = $"by-{user.Replace('.', '-')}", name = "试用", weeklyHours = new { monday = SplitShift } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
