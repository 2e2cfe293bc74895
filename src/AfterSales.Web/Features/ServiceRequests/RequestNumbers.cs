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
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "NumberSequences" ("Key", "Next") VALUES ({key}, 0) ON CONFLICT ("Key") DO NOTHING""",
            cancellationToken);
        var next = await db.Database
            .SqlQuery<long>($"""UPDATE "NumberSequences" SET "Next" = "Next" + 1 WHERE "Key" = {key} RETURNING "Next" AS "Value" """)
            .ToListAsync(cancellationToken);
        return $"{key}-{next.Single():000000}";
    }
}
