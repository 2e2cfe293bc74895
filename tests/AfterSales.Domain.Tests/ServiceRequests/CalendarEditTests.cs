using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.ServiceRequests;

/// <summary>A calendar edit reaches a request's open deadlines (R-SLA-2, issue 3: deadlines stay right after an edit).</summary>
public sealed class CalendarEditTests
{
    [Fact]
    public void A_holiday_added_inside_a_working_day_deadline_moves_it_once_and_the_timeline_says_why()
    {
        // Preset 002: revisit within 3 working days on cn-9-18; accepted on Monday 2026-11-23 09:00 → Thursday 09:00.
        var scenario = new RequestScenario(presetKey: PolicyPresets.CableManufacturer).To(ServiceRequestStatus.Accepted);
        var revisit = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Revisit && d.IsOpen);
        var edited = EditedCn918(new Holiday("厂庆日", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25)));
        var entries = scenario.Request.Timeline.Count;

        var moved = scenario.Request.ApplyCalendarEdit(edited.Name, 2, scenario.Now, scenario.Rules with { Calendar = edited });
        var again = scenario.Request.ApplyCalendarEdit(edited.Name, 2, scenario.Now, scenario.Rules with { Calendar = edited });

        Assert.True(moved);
        Assert.False(again);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, scenario.Now.Hour, scenario.Now.Minute, 0, TimeSpan.FromHours(8)), revisit.DueAt);
        Assert.Equal(revisit.DueAt, scenario.Request.NextDueAt);
        var entry = Assert.Single(scenario.Request.Timeline.Skip(entries));
        Assert.Equal("calendarChanged", entry.Action);
        Assert.Contains("回访", entry.Note);
        Assert.Contains("（第 2 版）", entry.Note);
    }

    [Fact]
    public void A_clock_time_deadline_is_untouched_by_a_calendar_edit()
    {
        // Preset 000 counts its receive deadline in clock hours, so a holiday today changes nothing.
        var scenario = new RequestScenario().To(ServiceRequestStatus.PendingReceipt);
        var receive = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive);
        var due = receive.DueAt;
        var today = DateOnly.FromDateTime(scenario.Now.DateTime);

        var moved = scenario.Request.ApplyCalendarEdit("中国大陆工作日", 2, scenario.Now, scenario.Rules with { Calendar = EditedCn918(new Holiday("临时停工", today, today)) });

        Assert.False(moved);
        Assert.Equal(due, receive.DueAt);
        Assert.DoesNotContain(scenario.Request.Timeline, t => t.Action == "calendarChanged");
    }

    private static WorkingCalendar EditedCn918(Holiday extra)
    {
        var cn = WorkingCalendars.Cn918;
        return new WorkingCalendar(cn.Id, cn.Name, cn.Zone, cn.WeeklyHours, [.. cn.Holidays, extra], cn.MakeUpWorkingDays);
    }
}
