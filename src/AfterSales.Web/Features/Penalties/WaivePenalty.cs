using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Penalties;

/// <summary>
/// 免除违约金 (R-PEN-3): a platform operator or admin waives a penalty with a reason. The line is never edited away
/// or deleted — it stays in the ledger marked waived, with who and why, stops counting in the balances, and the
/// request's timeline records the waiver. A line the caller cannot see is 404; a supplier is 403; twice is 409
/// (a retry with the same Idempotency-Key gets the first answer instead).
/// </summary>
public sealed class WaivePenalty(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Reason">Why the penalty is waived (required, up to 500 characters).</param>
    public sealed record Command(string? Reason);

    public async Task<Guid> HandleAsync(Guid id, Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"waivePenalty:{id}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var line = await db.LedgerEntries.AsNoTracking().Where(l => l.Id == id).Select(l => new { l.ServiceRequestId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFound("违约金");
        var now = clock.GetUtcNow();
        int? loadedVersion = null;
        if (line.ServiceRequestId is { } serviceRequestId)
        {
            var request = await db.ServiceRequests.Include(r => r.LedgerEntries.Where(l => l.Id == id))
                .SingleOrDefaultAsync(r => r.Id == serviceRequestId, cancellationToken) ?? throw new NotFound("违约金");
            loadedVersion = request.Version;
            request.WaivePenalty(id, command.Reason ?? string.Empty, caller.ToActor(), now);
        }
        else
        {
            // A line of no request is a deposit payment: the platform is told it cannot be waived (R-PEN-3), others 403.
            if (caller.Party != PartyKind.Platform || !caller.Has(Permissions.PenaltiesWaive))
            {
                throw new ActionNotPermitted("waive", "只有平台运营或平台管理员可以免除违约金。");
            }

            var entry = await db.LedgerEntries.SingleAsync(l => l.Id == id, cancellationToken);
            entry.Waive(command.Reason ?? string.Empty, caller.DisplayName, now);
        }

        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, id, StatusCodes.Status200OK, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another waiver (or a workflow action) changed the request first; the client reloads and sees it.
            throw new ConcurrencyConflict();
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            return await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }
        catch (DbUpdateException) when (loadedVersion is not null)
        {
            // PostgreSQL may report a lost race as the timeline's duplicate sequence number rather than a stale version.
            if (await ServiceRequestLookup.ChangedSinceAsync(db, line.ServiceRequestId!.Value, loadedVersion.Value, cancellationToken))
            {
                throw new ConcurrencyConflict();
            }

            throw;
        }

        return id;
    }
}
