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

    /// <summary>
    /// Saves a newly created resource in its open transaction with its key (201). A duplicate with the same key that won
    /// the race makes the save fail; then the winner's resource is the answer, and anything else is a conflict (409).
    /// </summary>
    public static async Task<Guid> CommitCreatedAsync(AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Guid userId,
        string? key, string fingerprint, Guid resourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Record(db, userId, key, fingerprint, resourceId, StatusCodes.Status201Created, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await FindAfterRaceAsync(db, userId, key, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }

        return resourceId;
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
