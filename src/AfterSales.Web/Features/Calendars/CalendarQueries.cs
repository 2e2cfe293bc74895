using System.Buffers.Text;
using System.Text;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Calendars;

/// <summary>
/// Read side of the working calendars. Calendars are reference data every signed-in party may read (a supplier wants to
/// know how its "3 个工作日" are counted); only the platform edits them.
/// </summary>
public sealed class CalendarQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<Page<CalendarSummary>> ListAsync(int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var query = db.Calendars.AsNoTracking();
        if (DecodeCursor(after) is { } lastId)
        {
            query = query.Where(c => string.Compare(c.Id, lastId) > 0);
        }

        var rows = await query.OrderBy(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var year = CurrentYear();
        var items = rows.Take(size).Select(c => new CalendarSummary(
            c.Id, c.Name, c.TimeZoneId, c.AlwaysOpen, c.Version, c.UpdatedAt, c.UpdatedBy,
            CalendarShapes.CoveredYears(c), CalendarShapes.MissingYears(c, year), c.Holidays.Count, c.MakeUpWorkingDays.Count)).ToList();
        return new Page<CalendarSummary>(items, rows.Count > size ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(items[^1].Id)) : null);
    }

    public async Task<CalendarView> GetAsync(string id, CancellationToken cancellationToken)
    {
        var definition = await db.Calendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("工作日历");
        return new CalendarView(
            definition.Id, definition.Name, definition.TimeZoneId, definition.AlwaysOpen, CalendarShapes.Weekly(definition),
            [.. definition.Holidays.Select(h => new HolidayView(h.Name, h.From, h.To))], definition.MakeUpWorkingDays,
            definition.Version, definition.UpdatedAt, definition.UpdatedBy,
            CalendarShapes.CoveredYears(definition), CalendarShapes.MissingYears(definition, CurrentYear()),
            await OpenRequestsAsync(db, id, cancellationToken));
    }

    /// <summary>How many open requests a save of this calendar would recompute, for the editor's confirmation.</summary>
    public Task<int> OpenRequestsAsync(string id, CancellationToken cancellationToken) => OpenRequestsAsync(db, id, cancellationToken);

    /// <summary>
    /// Open requests whose policy counts on this calendar: the ones a save recomputes. Reads through the system's eyes
    /// (query filters off), since a calendar edit reaches every organisation's requests.
    /// </summary>
    public static async Task<int> OpenRequestsAsync(AppDbContext db, string calendarId, CancellationToken cancellationToken)
    {
        var policyIds = await PolicyIdsAsync(db, calendarId, cancellationToken);
        return policyIds.Count == 0
            ? 0
            : await db.ServiceRequests.IgnoreQueryFilters().CountAsync(r => policyIds.Contains(r.PolicyId) && r.Deadlines.Any(d => d.ClosedAt == null), cancellationToken);
    }

    /// <summary>The policy versions that name this calendar; figures are stored whole as JSON, so they are matched here.</summary>
    public static async Task<List<Guid>> PolicyIdsAsync(AppDbContext db, string calendarId, CancellationToken cancellationToken) =>
        [
            .. (await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Id, p.Figures }).ToListAsync(cancellationToken))
                .Where(p => p.Figures.CalendarId == calendarId).Select(p => p.Id),
        ];

    private int CurrentYear() => ServiceZone.DateOf(clock.GetUtcNow()).Year;

    private static string? DecodeCursor(string? after)
    {
        if (string.IsNullOrEmpty(after))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(after));
        }
        catch (FormatException)
        {
            throw new InvalidInput("page[after]", "分页游标无效。");
        }
    }
}
