using AfterSales.Data;
using AfterSales.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests;

/// <summary>
/// Human-readable numbers SR-2026-000001, gap-free per year: the counter row is bumped inside the
/// creating transaction, so a failed create gives its number back. Portable SQL for SQLite and PostgreSQL.
/// </summary>
public static class RequestNumbers
{
    public static async Task<string> NextAsync(AppDbContext db, string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = ServiceZone.DateOf(now).Year;
        var key = $"{prefix}-{year}";
        // One upsert: the first number of a year inserts the counter, every later one bumps it (SQLite 3.35+ and
        // PostgreSQL both take ON CONFLICT … RETURNING); the row stays locked until the creating transaction ends.
        var next = await db.Database
            .SqlQuery<long>($"""
                INSERT INTO "NumberSequences" ("Key", "Next") VALUES ({key}, 1)
                ON CONFLICT ("Key") DO UPDATE SET "Next" = "NumberSequences"."Next" + 1
                RETURNING "Next" AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return $"{key}-{next.Single():000000}";
    }
}
