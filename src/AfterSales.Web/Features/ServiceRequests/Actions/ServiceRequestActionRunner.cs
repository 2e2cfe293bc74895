using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests.Actions;

/// <summary>How a workflow action was asked for: the version the client saw (If-Match) and its Idempotency-Key.</summary>
public sealed record ActionPreconditions(int? ExpectedVersion = null, string? IdempotencyKey = null);

/// <summary>
/// The shape every workflow use case shares: load the aggregate the caller may see, check the version the
/// client saw, run one business verb under the request's own policy version, save once. The verb decides
/// everything else (ARCHITECTURE §3).
/// </summary>
public sealed class ServiceRequestActionRunner(AppDbContext db, CallerContext callers, TimeProvider clock, ServiceRulesCatalog rulesCatalog, DeadlineNotifier notifier)
{
    public async Task<Guid> RunAsync<TCommand>(
        string idOrNumber,
        string actionName,
        TCommand command,
        ActionPreconditions context,
        Action<ServiceRequest, Actor, DateTimeOffset, ServiceRules> verb,
        CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = $"{actionName}:{idOrNumber}:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command))))[..32];
        if (context.IdempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, context.IdempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var request = await ServiceRequestLookup.ById(db.ServiceRequests, idOrNumber)
            .Include(r => r.Deadlines)
            .Include(r => r.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");

        if (context.ExpectedVersion is { } expected && expected != request.Version)
        {
            throw new ConcurrencyConflict();
        }

        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var now = clock.GetUtcNow();
        var loadedVersion = request.Version;
        try
        {
            verb(request, caller.ToActor(), now, rules);
        }
        catch (WorkflowRuleViolation) when (context.IdempotencyKey is not null)
        {
            // A retry with the same key that loaded the request after the first attempt committed finds it already
            // moved on; the first attempt's result is the answer, not a refusal.
            if (await Idempotency.FindAfterRaceAsync(db, caller.UserId, context.IdempotencyKey, fingerprint, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        // A late close records its breach now; whoever it concerns hears of it in the same save.
        await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, cancellationToken);
        if (context.IdempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, context.IdempotencyKey, fingerprint, request.Id, StatusCodes.Status200OK, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict();
        }
        catch (DbUpdateException) when (context.IdempotencyKey is not null)
        {
            // A duplicate with the same key may have won the race; then its result is ours.
            return await Idempotency.FindAfterRaceAsync(db, caller.UserId, context.IdempotencyKey, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }
        catch (DbUpdateException)
        {
            if (await ServiceRequestLookup.ChangedSinceAsync(db, request.Id, loadedVersion, cancellationToken))
            {
                throw new ConcurrencyConflict();
            }

            throw;
        }

        return request.Id;
    }
}

/// <summary>A request is addressed by its id or by its number (SR-2026-000001).</summary>
public static class ServiceRequestLookup
{
    public static IQueryable<ServiceRequest> ById(IQueryable<ServiceRequest> requests, string idOrNumber) =>
        Guid.TryParse(idOrNumber, out var id) ? requests.Where(r => r.Id == id) : requests.Where(r => r.Number == idOrNumber.Trim());

    /// <summary>
    /// After a failed save: did another write change the request since it was loaded at <paramref name="loadedVersion"/>?
    /// Then the failure is a lost race (409), however the database reported it: PostgreSQL makes the loser's timeline
    /// row wait for the winner's commit and then refuses it as a duplicate sequence number, not as a stale version.
    /// </summary>
    public static async Task<bool> ChangedSinceAsync(AppDbContext db, Guid requestId, int loadedVersion, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.ServiceRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
        return current != loadedVersion;
    }
}
