using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Web.Features.Calendars;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Calendars;

/// <summary>
/// POST /calendars/{id}/years: the platform admin enters next year's State Council notice in the data file's format
/// (R-SLA-2). On the fake clock's 2026, cn-9-18 lacks 2027, so /health/ready says Degraded until it is imported.
/// </summary>
public sealed class ImportHolidayYearTests(AfterSalesApp app) : ApiTest(app)
{
    /// <summary>A test year in the shipped file's shape; the dates are this test's, not an announced schedule.</summary>
    private static readonly object Year2027 = new
    {
        year = 2027,
        holidays = new[]
        {
            new { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
            new { name = "春节", from = "2027-02-05", to = "2027-02-12" },
            new { name = "国庆节", from = "2027-10-01", to = "2027-10-07" },
        },
        makeUpWorkingDays = new[] { "2027-02-20", "2027-10-09" },
    };

    [Fact]
    public async Task Importing_2027_makes_the_ready_check_healthy_again()
    {
        using var anonymous = App.CreateClient();
        var admin = await App.ClientForAsync("admin");
        Assert.Equal("Degraded", await anonymous.GetStringAsync("/health/ready", Ct));
        var before = await admin.CalendarAsync(WorkingCalendars.Cn918Id);

        var saved = await (await admin.ImportYearAsync(WorkingCalendars.Cn918Id, Year2027, before.Version)).ReadAsync<CalendarSaved>();

        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready", Ct));
        Assert.Equal([2025, 2026, 2027], saved.Calendar.CoveredYears);
        Assert.Empty(saved.Calendar.MissingYears);
        Assert.Equal(before.Holidays.Count + 3, saved.Calendar.Holidays.Count);
        Assert.Contains(new DateOnly(2027, 10, 9), saved.Calendar.MakeUpWorkingDays);
        var list = await admin.GetAsync<Page<CalendarSummary>>("/api/v1/calendars");
        Assert.Empty(list.Items.Single(c => c.Id == WorkingCalendars.Cn918Id).MissingYears);

        // The imported days count at once: from Friday 2027-10-08 18:00, 8 working hours fill the make-up Saturday.
        var preview = await admin.GetAsync<DuePreview>("/api/v1/calendars/cn-9-18/due?start=2027-10-08T18:00:00%2B08:00&duration=PT8H");
        Assert.Equal(new DateTimeOffset(2027, 10, 9, 17, 0, 0, TimeSpan.FromHours(8)), preview.DueAt);
    }

    [Fact]
    public async Task Importing_a_year_again_replaces_that_years_entries_and_leaves_the_other_years()
    {
        var admin = await App.ClientForAsync("admin");
        var before = await admin.CalendarAsync(WorkingCalendars.Cn918Id);
        var other = before.Holidays.Count(h => h.From.Year != 2026);

        var saved = await (await admin.ImportYearAsync(WorkingCalendars.Cn918Id, new
        {
            year = 2026,
            holidays = new[] { new { name = "元旦", from = "2026-01-01", to = "2026-01-03" } },
            makeUpWorkingDays = new[] { "2026-01-04" },
        })).ReadAsync<CalendarSaved>();

        Assert.Equal(other + 1, saved.Calendar.Holidays.Count);
        Assert.DoesNotContain(saved.Calendar.Holidays, h => h.Name == "国庆节" && h.From.Year == 2026);
        Assert.Equal([new DateOnly(2026, 1, 4)], saved.Calendar.MakeUpWorkingDays.Where(d => d.Year == 2026));
        Assert.Contains(new DateOnly(2025, 9, 28), saved.Calendar.MakeUpWorkingDays);
    }

    [Theory]
    [InlineData("""{ "year": 1999, "holidays": [{ "name": "元旦", "from": "1999-01-01", "to": "1999-01-01" }] }""", "year")]
    [InlineData("""{ "year": 2028, "holidays": [] }""", "holidays")]
    [InlineData("""{ "year": 2028, "holidays": [{ "name": "元旦", "from": "2027-12-31", "to": "2028-01-01" }] }""", "holidays[0].from")]
    [InlineData("""{ "year": 2028, "holidays": [{ "name": "元旦", "from": "2028-01-01", "to": "2028-01-01" }, { "name": "春节", "from": "2028-01-30", "to": "2028-01-26" }] }""", "holidays[1].to")]
    [InlineData("""{ "year": 2028, "holidays": [{ "name": "元旦", "from": "2028-01-01", "to": "2028-01-01" }], "makeUpWorkingDays": ["2029-01-06"] }""", "makeUpWorkingDays[0]")]
    [InlineData("""{ "year": 2028, "holidays": [{ "name": "元旦", "from": "2028-01-01", "to": "2028-01-03" }], "makeUpWorkingDays": ["2028-01-08", "2028-01-02"] }""", "makeUpWorkingDays[1]")]
    [InlineData("""{ "year": 2028, "holidays": [{ "name": "元旦", "from": "2028-01-01", "to": "1 月 3 日" }] }""", "holidays[0].to")]
    public async Task A_bad_year_is_a_400_naming_the_field(string json, string field)
    {
        var admin = await App.ClientForAsync("admin");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var problem = await (await admin.PostAsync("/api/v1/calendars/cn-9-18/years", content, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_24x7_calendar_takes_no_holidays_and_the_operator_may_not_import()
    {
        var admin = await App.ClientForAsync("admin");
        var operatorClient = await App.ClientForAsync("platform");

        var problem = await (await admin.ImportYearAsync(WorkingCalendars.AlwaysOpenId, Year2027)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var refused = await operatorClient.ImportYearAsync(WorkingCalendars.Cn918Id, Year2027);

        Assert.Equal("R-SLA-2", problem.GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
