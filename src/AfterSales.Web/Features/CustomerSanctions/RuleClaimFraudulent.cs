using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.CustomerSanctions;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.CustomerSanctions;

/// <summary>
/// 判定虚假质量索赔 (R-FRD-1): a platform operator rules a request a fake quality claim with a reason and evidence chosen
/// from its attachments. The customer organisation loses request rights for three months, or is blacklisted on a repeat
/// case or when the operator marks it serious. The sanction (audited) and the request's timeline entry are one save.
/// </summary>
public sealed class RuleClaimFraudulent(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Reason">Why the claim is fake (required, up to 1000 characters).</param>
    /// <param name="EvidenceAttachmentIds">The request's attachments the ruling rests on (at least one).</param>
    /// <param name="Serious">情节严重: blacklist even on a first case.</param>
    public sealed record Command(string? Reason, IReadOnlyList<Guid>? EvidenceAttachmentIds, bool Serious = false);

    public async Task<Guid> HandleAsync(string requestIdOrNumber, Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"ruleFraudulent:{requestIdOrNumber}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var request = await ServiceRequestLookup.ById(db.ServiceRequests, requestIdOrNumber).Include(r => r.Attachments)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        if (await db.CustomerSanctions.AnyAsync(s => s.ServiceRequestId == request.Id && s.RevokedAt == null, cancellationToken))
        {
            throw new TransitionRefused("ruleFraudulent", "ruled", $"售后单 {request.Number} 已判定为虚假索赔。");
        }

        // R-FRD-1: every earlier ruling on the organisation that was not reversed is a proven case, expired or not.
        var prior = await db.CustomerSanctions.CountAsync(s => s.CustomerOrganizationId == request.CustomerId && s.RevokedAt == null, cancellationToken);
        var customerName = await db.Organizations.Where(o => o.Id == request.CustomerId).Select(o => o.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var actor = caller.ToActor();
        var claim = new FraudulentClaim(request.Id, request.Number, request.CustomerId, customerName, [.. request.Attachments.Select(a => a.Id)]);
        var sanction = CustomerSanction.Rule(Guid.CreateVersion7(now), actor, claim, command.Reason, command.EvidenceAttachmentIds, command.Serious, prior, now);
        request.RecordFraudRuling(sanction, actor, now);
        db.CustomerSanctions.Add(sanction);
        return await SanctionWrites.SaveAsync(db, caller.UserId, idempotencyKey, fingerprint, sanction.Id, now, cancellationToken);
    }
}

/// <summary>
/// 撤销处罚 / 移出黑名单 (R-FRD-1): only a platform admin, with a reason. The sanction stays on record marked revoked
/// (audited as an update, never a delete) and the ruled request's timeline says so.
/// </summary>
public sealed class RevokeCustomerSanction(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Reason">Why the ruling is reversed (required, up to 500 characters).</param>
    public sealed record Command(string? Reason);

    public async Task<Guid> HandleAsync(Guid id, Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"revokeSanction:{id}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var sanction = await db.CustomerSanctions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFound("客户处罚");
        var now = clock.GetUtcNow();
        var actor = caller.ToActor();
        sanction.Revoke(actor, command.Reason, now);
        var request = await db.ServiceRequests.SingleOrDefaultAsync(r => r.Id == sanction.ServiceRequestId, cancellationToken);
        request?.RecordFraudRulingRevoked(sanction, actor, now);
        return await SanctionWrites.SaveAsync(db, caller.UserId, idempotencyKey, fingerprint, sanction.Id, now, cancellationToken);
    }
}

/// <summary>One save with the request's Idempotency-Key; a lost race on the request's version is a 409.</summary>
internal static class SanctionWrites
{
    public static async Task<Guid> SaveAsync(AppDbContext db, Guid userId, string? idempotencyKey, string fingerprint, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, userId, idempotencyKey, fingerprint, id, StatusCodes.Status200OK, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict();
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await Idempotency.FindAfterRaceAsync(db, userId, idempotencyKey, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }

        return id;
    }
}
