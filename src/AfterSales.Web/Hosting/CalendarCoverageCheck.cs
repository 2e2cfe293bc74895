using AfterSales.Data;
using AfterSales.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Part of /health/ready (R-SLA-2): a working calendar without the current or next year's holidays and 调休 days
/// would compute working-day deadlines wrongly, so the probe reports Degraded — still serving, but saying which
/// calendar needs the State Council's notice entered.
/// </summary>
public sealed class CalendarCoverageCheck(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateSystemContext();
        var year = ServiceZone.DateOf(clock.GetUtcNow()).Year;
        var missing = new List<string>();
        foreach (var definition in await db.Calendars.AsNoTracking().Where(c => !c.AlwaysOpen).ToListAsync(cancellationToken))
        {
            var calendar = definition.ToCalendar();
            missing.AddRange(new[] { year, year + 1 }.Where(y => !calendar.CoversYear(y)).Select(y => $"{definition.Id}: {y}"));
        }

        return missing.Count == 0
            ? HealthCheckResult.Healthy("Working calendars cover this year and next.")
            : HealthCheckResult.Degraded($"工作日历缺少节假日数据 Working calendar holidays missing: {string.Join(", ", missing)}");
    }
}
