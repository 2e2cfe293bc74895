using System.Net;
using System.Net.Http.Json;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Calendars;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Platform;
using Xunit;

namespace AfterSales.Web.Tests.Calendars;

/// <summary>
/// PUT /calendars/{id}: the platform admin edits a calendar (R-SLA-2); stale edits are refused, bad input names its field,
/// and the open deadlines counted on the calendar are recomputed so they stay right (issue 3).
/// </summary>
public sealed class UpdateCalendarTests(AfterSalesApp app) : ApiTest(app)
{
    private static readonly object[] NineToSix = [new { from = "09:00", to = "18:00" }];

    [Fact]
    public async Task Adding_a_holiday_inside_a_revisit_window_moves_its_due_instant_by_a_working_day_and_the_timeline_says_why()
    {
        // Preset 002 (西隆电缆): "3 个工作日内回访" on cn-9-18 (R-RV-1).
        var admin = await App.ClientForAsync("admin");
        var supplierId = await App.OrganizationOfAsync("supplier.agent");
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{supplierId}/policy", new { policyPreset = PolicyPresets.CableManufacturer }, AfterSalesApp.Json, Ct)).EnsureSuccessStatusCode();
        var accepted = await AcceptedRequestAsync();
        var revisit = accepted.Deadlines.Single(d => d.Kind == DeadlineKind.Revisit);
        // Accepted on Monday 2026-11-23 09:00: three working days later is Thursday at the same time.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)), revisit.DueAt);

        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);
        var holidays = calendar.Holidays.Select(h => (object)new { name = h.Name, from = h.From, to = h.To })
            .Append(new { name = "厂庆日", from = new DateOnly(2026, 11, 25), to = new DateOnly(2026, 11, 25) });
        var saved = await (await admin.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar, holidays), calendar.Version)).ReadAsync<CalendarSaved>();

        var after = await (await App.ClientForAsync("customer")).GetAsync<ServiceRequestView>($"/api/v1/service-requests/{accepted.Id}");
        var moved = after.Deadlines.Single(d => d.Id == revisit.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)), moved.DueAt);
        Assert.Equal(DeadlineState.Running, moved.State);
        Assert.Equal(calendar.Version + 1, saved.Calendar.Version);
        Assert.Contains(saved.Calendar.Holidays, h => h.Name == "厂庆日");
        Assert.InRange(saved.RecomputedRequests, 1, int.MaxValue);
        Assert.InRange(saved.ChangedRequests, 1, saved.RecomputedRequests);
        var entry = Assert.Single(after.Timeline, t => t.Action == "calendarChanged");
        Assert.Equal("系统", entry.Actor);
        Assert.Contains("工作日历「中国大陆工作日 09:00–18:00」已更新", entry.Note);
        Assert.Contains("回访 2026-11-26 09:00 → 2026-11-27 09:00", entry.Note);
    }

    [Fact]
    public async Task A_save_that_moves_no_due_instant_writes_no_timeline_entry()
    {
        var admin = await App.ClientForAsync("admin");
        var request = await new RequestFlow(App).CreateAsync(withCertificate: false);
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);

        // A holiday far in the past cannot touch a deadline that started today.
        var holidays = calendar.Holidays.Select(h => (object)new { name = h.Name, from = h.From, to = h.To })
            .Append(new { name = "旧厂休", from = new DateOnly(2025, 3, 3), to = new DateOnly(2025, 3, 3) });
        await (await admin.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar, holidays))).ReadAsync<CalendarSaved>();

        var after = await (await App.ClientForAsync("customer")).GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}");
        Assert.DoesNotContain(after.Timeline, t => t.Action == "calendarChanged");
        Assert.Equal(request.Version, after.Version);
    }

    [Fact]
    public async Task A_customer_gets_403_and_a_supplier_manager_with_policies_manage_too()
    {
        var admin = await App.ClientForAsync("admin");
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);

        foreach (var user in new[] { "customer", "supplier.manager", "platform" })
        {
            var client = await App.ClientForAsync(user);
            using var response = await client.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)response.StatusCode}");
        }

        Assert.Equal(calendar.Version, (await admin.CalendarAsync(calendar.Id)).Version);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_a_409()
    {
        var admin = await App.ClientForAsync("admin");
        var created = await (await admin.PostJsonAsync("/api/v1/calendars", new { id = "stale-check", name = "并发修改", weeklyHours = new { monday = NineToSix } }))
            .ReadAsync<CalendarView>(HttpStatusCode.Created);

        var first = await (await admin.PutCalendarAsync(created.Id, CalendarCalls.BodyOf(created), created.Version)).ReadAsync<CalendarSaved>();
        var second = await (await admin.PutCalendarAsync(created.Id, CalendarCalls.BodyOf(created, timeZoneId: "Asia/Urumqi"), created.Version)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(created.Version + 1, first.Calendar.Version);
        Assert.Contains("已被他人修改", second.GetProperty("detail").GetString());
        Assert.Equal("Asia/Shanghai", (await admin.CalendarAsync(created.Id)).TimeZoneId);
    }

    [Fact]
    public async Task Overlapping_frames_are_a_400_naming_the_later_frame()
    {
        var admin = await App.ClientForAsync("admin");
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);
        var weekly = new { monday = new[] { new { from = "09:00", to = "12:00" }, new { from = "11:30", to = "18:00" } }, tuesday = NineToSix };

        var problem = await (await admin.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar, weeklyHours: weekly))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("weeklyHours.monday[1]", out _), problem.ToString());
        Assert.Equal(calendar.Version, (await admin.CalendarAsync(calendar.Id)).Version);
    }

    [Fact]
    public async Task A_holiday_ending_before_it_starts_is_a_400_naming_its_end()
    {
        var admin = await App.ClientForAsync("admin");
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);
        object[] holidays =
        [
            new { name = "元旦", from = "2026-01-01", to = "2026-01-03" },
            new { name = "春节", from = "2026-02-15", to = "2026-02-23" },
            new { name = "清明节", from = "2026-04-06", to = "2026-04-04" },
        ];

        var problem = await (await admin.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar, holidays))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("holidays[2].to", out _), problem.ToString());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Asia/Shanghai; DROP TABLE")]
    public async Task An_unknown_time_zone_is_a_400_naming_it(string zone)
    {
        var admin = await App.ClientForAsync("admin");
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);

        var problem = await (await admin.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar, timeZoneId: zone))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZoneId", out _), problem.ToString());
    }

    [Theory]
    [InlineData("9am", "18:00", "weeklyHours.wednesday[0].from")]
    [InlineData("18:00", "09:00", "weeklyHours.wednesday[0].to")]
    public async Task A_frame_that_is_no_time_or_ends_before_it_starts_is_a_400_naming_its_end(string from, string to, string field)
    {
        var admin = await App.ClientForAsync("admin");
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);

        var problem = await (await admin.PutCalendarAsync(calendar.Id, CalendarCalls.BodyOf(calendar, weeklyHours: new { wednesday = new[] { new { from, to } } })))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_calendar_is_a_404()
    {
        var admin = await App.ClientForAsync("admin");
        var calendar = await admin.CalendarAsync(WorkingCalendars.Cn918Id);

        await (await admin.PutCalendarAsync("nowhere", CalendarCalls.BodyOf(calendar))).ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A request of the demo customer, driven to accepted under the supplier's current policy (002 needs no certificate).</summary>
    private async Task<ServiceRequestView> AcceptedRequestAsync()
    {
        var request = await new RequestFlow(App).CreateAsync(withCertificate: false);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, request.Status);
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        await agent.ActAsync(request.Id, "receive", new { note = "初步判断主板故障" });
        await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "quality",
            outcome = "inWarranty",
            analysis = "主板电容老化",
            plan = new { mode = "onSite", scheduledAt = "2026-11-24T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "上门更换主板并试机 2 小时" },
        });
        await engineer.ActAsync(request.Id, "startService", new { note = "已到达现场" });
        await engineer.ActAsync(request.Id, "completeService", new
        {
            workDone = "更换主板，连续运行 2 小时无异常",
            partsUsed = new[] { new { name = "主板", partNumber = "MB-850", quantity = 1 } },
            result = "设备恢复正常",
        });
        var accepted = await (await App.ClientForAsync("customer")).ActAsync(request.Id, "accept", new { rating = new { timeliness = 5, expertise = 5, attitude = 5 } });
        Assert.Equal(ServiceRequestStatus.Accepted, accepted.Status);
        return accepted;
    }
}
