using AfterSales.Data;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Calendars;

/// <summary>
/// 修改工作日历: the platform admin replaces a calendar's hours, time zone, holidays and make-up days (R-SLA-2). The edit
/// is a new version; a client that saw an older one (If-Match) is refused with 409. Once saved, the open deadlines of
/// every request on the calendar are recomputed from their start and pauses (issue 3: deadlines stay right after an edit).
/// </summary>
public sealed class UpdateCalendar(AppDbContext db, CallerContext callers, TimeProvider clock, RecomputeCalendarDeadlines recompute)
{
    public async Task<RecomputeOutcome> HandleAsync(string id, CalendarInput input, int? expectedVersion, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        CalendarChecks.EnsureCanManage(caller, "updateCalendar");
        var definition = await db.Calendars.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("工作日历");
        if (expectedVersion is { } expected && expected != definition.Version)
        {
            throw new ConcurrencyConflict();
        }

        Domain.Common.InvalidInput.Require(string.IsNullOrWhiteSpace(input.Id) || input.Id.Trim() == id, "id", "日历编号不能修改。");
        var content = CalendarChecks.Content(input);
        definition.Update(content.Name, content.TimeZoneId, content.AlwaysOpen, content.WeeklyHours, content.Holidays, content.MakeUpWorkingDays,
            clock.GetUtcNow(), caller.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        return await recompute.HandleAsync(definition.Id, definition.Name, definition.Version, cancellationToken);
    }
}
