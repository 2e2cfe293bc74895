using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Calendars;

/// <summary>
/// 新建工作日历: the platform admin adds a calendar a policy can name (R-SLA-2) — weekly hours with several frames a day,
/// a time zone, holidays and 调休 make-up days. No request runs on it until a policy names it, so nothing is recomputed.
/// </summary>
public sealed class CreateCalendar(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public async Task<string> HandleAsync(CalendarInput input, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        CalendarChecks.EnsureCanManage(caller, "createCalendar");
        var id = CalendarChecks.Id(input.Id);
        var content = CalendarChecks.Content(input);
        var duplicate = new DuplicateRecord("id", $"日历编号 {id} 已被使用。");
        if (await db.Calendars.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw duplicate;
        }

        db.Calendars.Add(CalendarDefinition.Create(id, content.Name, content.TimeZoneId, content.AlwaysOpen, content.WeeklyHours,
            content.Holidays, content.MakeUpWorkingDays, clock.GetUtcNow(), caller.DisplayName));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two admins created the same id at once: the primary key let one in.
            db.ChangeTracker.Clear();
            if (await db.Calendars.AnyAsync(c => c.Id == id, cancellationToken))
            {
                throw duplicate;
            }

            throw;
        }

        return id;
    }
}
