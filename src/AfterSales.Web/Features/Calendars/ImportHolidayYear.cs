using AfterSales.Data;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Calendars;

/// <summary>
/// 导入年度节假日: each year the State Council announces the next year's holidays and 调休 make-up working days; the
/// platform admin enters them as one year of the shipped data file's format, replacing that year's entries (R-SLA-2).
/// The ready check stops warning once this year and next are covered. Deadlines on the calendar are recomputed.
/// </summary>
public sealed class ImportHolidayYear(AppDbContext db, CallerContext callers, TimeProvider clock, RecomputeCalendarDeadlines recompute)
{
    public async Task<RecomputeOutcome> HandleAsync(string id, HolidayYearInput input, int? expectedVersion, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        CalendarChecks.EnsureCanManage(caller, "importHolidayYear");
        var definition = await db.Calendars.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("工作日历");
        if (expectedVersion is { } expected && expected != definition.Version)
        {
            throw new ConcurrencyConflict();
        }

        if (definition.AlwaysOpen)
        {
            throw new Domain.Common.WorkflowRuleViolation("R-SLA-2", "全天候日历不计节假日，无需导入。");
        }

        var content = CalendarChecks.WithYear(definition, input);
        definition.Update(content.Name, content.TimeZoneId, content.AlwaysOpen, content.WeeklyHours, content.Holidays, content.MakeUpWorkingDays,
            clock.GetUtcNow(), caller.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        return await recompute.HandleAsync(definition.Id, definition.Name, definition.Version, cancellationToken);
    }
}
