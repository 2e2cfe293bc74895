using AfterSales.Data;
using AfterSales.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Http;

/// <summary>
/// Idempotency-Key handling (API.md): the key is recorded in the same SaveChanges as the write, so a
/// repeat — even after a crash or from a racing duplicate — finds it and returns the first result.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    public static string? ReadKey(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        InvalidInput.Require(key.Length <= 200, Header, "Idempotency-Key 不能超过 200 个字符。");
        return key.Trim();
    }

    public static async Task<Guid?> FindAsync(AppDbContext db, Guid userId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.Fingerprint != fingerprint)
        {
            throw new WorkflowRuleViolation("R-IDEM", "该 Idempotency-Key 已用于另一个不同的请求。");
        }

        return record.ResourceId;
    }

    /// <summary>After a failed save: did a duplicate with the same key win the race?</summary>
    public static async Task<Guid?> FindAfterRaceAsync(AppDbContext db, Guid userId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await FindAsync(db, userId, key, fingerprint, cancellationToken);
    }

    public static void Record(AppDbContext db, Guid userId, string key, string fingerprint, Guid resourceId, int statusCode, DateTimeOffset now) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Key = key,
            Fingerprint = fingerprint,
            ResourceId = resourceId,
            StatusCode = statusCode,
            CreatedAt = now,
        });
}
