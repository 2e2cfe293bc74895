using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.CustomerSanctions;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.CustomerSanctions;

/// <summary>
/// Read side of customer sanctions (R-FRD-1). The platform sees all; a customer organisation its own (query filter);
/// suppliers and dealers none.
/// </summary>
public sealed class CustomerSanctionQueries(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <summary>Sanctions newest ruling first, keyset-paged.</summary>
    public async Task<Page<CustomerSanctionView>> ListAsync(CustomerSanctionFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        EnsureMayRead();
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var now = clock.GetUtcNow();
        var query = db.CustomerSanctions.AsNoTracking();
        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(s => s.CustomerOrganizationId == organizationId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        query = filter.Active switch
        {
            true => query.Where(s => s.RevokedAt == null && (s.EndsAt == null || s.EndsAt > now)),
            false => query.Where(s => s.RevokedAt != null || (s.EndsAt != null && s.EndsAt <= now)),
            null => query,
        };
        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(s => s.RuledAt < key || (s.RuledAt == key && s.Id < c.Id));
        }

        var found = await query.OrderByDescending(s => s.RuledAt).ThenByDescending(s => s.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = await ViewsAsync([.. found.Take(size)], now, cancellationToken);
        return new Page<CustomerSanctionView>(items, found.Count > size ? Cursor.Encode(items[^1].RuledAt.UtcTicks, items[^1].Id) : null);
    }

    public async Task<CustomerSanctionView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var sanction = await db.CustomerSanctions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFound("客户处罚");
        return (await ViewsAsync([sanction], clock.GetUtcNow(), cancellationToken))[0];
    }

    /// <summary>The sanction in force on the caller's own customer organisation (the blacklisting first), for the portal's banner.</summary>
    public async Task<CustomerSanctionView?> OwnActiveAsync(CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (caller.Party != PartyKind.Customer)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var active = await CustomerSanctionGate.ActiveFor(db.CustomerSanctions.AsNoTracking(), caller.OrganizationId, now).FirstOrDefaultAsync(cancellationToken);
        return active is null ? null : (await ViewsAsync([active], now, cancellationToken))[0];
    }

    /// <summary>The ruling on one request that stands (not revoked), if any — the request page shows it instead of the rule button.</summary>
    public async Task<CustomerSanctionView?> ForRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var sanction = await db.CustomerSanctions.AsNoTracking().Where(s => s.ServiceRequestId == requestId && s.RevokedAt == null)
            .OrderByDescending(s => s.RuledAt).FirstOrDefaultAsync(cancellationToken);
        return sanction is null ? null : (await ViewsAsync([sanction], clock.GetUtcNow(), cancellationToken))[0];
    }

    private void EnsureMayRead()
    {
        if (callers.Required.Party is not (PartyKind.Platform or PartyKind.Customer))
        {
            throw new ActionNotPermitted("list", "客户处罚只有平台和被处罚的客户单位可以查看。");
        }
    }

    private async Task<IReadOnlyList<CustomerSanctionView>> ViewsAsync(IReadOnlyList<CustomerSanction> sanctions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var evidenceIds = sanctions.SelectMany(s => s.EvidenceAttachmentIds).Distinct().ToList();
        var names = evidenceIds.Count == 0
            ? []
            : await db.Attachments.AsNoTracking().Where(a => evidenceIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FileName, cancellationToken);
        var by = callers.Required.ToActor();
        var mayRevoke = by.Party == PartyKind.Platform && by.Has(Permissions.CustomerSanctionsRevoke);
        return [.. sanctions.Select(s =>
        {
            var state = s.StateAt(now);
            return new CustomerSanctionView(
                s.Id,
                s.CustomerOrganizationId,
                s.CustomerName,
                s.Kind,
                CustomerSanctionNames.Kind(s.Kind),
                s.Basis,
                CustomerSanctionNames.Basis(s.Basis),
                state,
                CustomerSanctionNames.State(state),
                s.ServiceRequestId,
                s.ServiceRequestNumber,
                s.Reason,
                [.. s.EvidenceAttachmentIds.Select(a => new SanctionEvidenceView(a, names.GetValueOrDefault(a) ?? "—", $"/api/v1/service-requests/{s.ServiceRequestId}/attachments/{a}"))],
                s.RuledAt,
                s.RuledBy,
                s.StartsOn,
                s.EndsOn,
                s.RevokedAt,
                s.RevokedBy,
                s.RevocationReason,
                s.RefusalText,
                mayRevoke && s.RevokedAt is null);
        })];
    }
}

/// <summary>
/// The gate on new requests (R-FRD-1): while a customer organisation is suspended or blacklisted its new service
/// requests are refused with the rule and, for a suspension, the date rights come back. Called by OpenServiceRequest.
/// </summary>
public sealed class CustomerSanctionGate(AppDbContext db)
{
    public async Task EnsureMayRequestAsync(Guid customerOrganizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await ActiveFor(db.CustomerSanctions.AsNoTracking().IgnoreQueryFilters(), customerOrganizationId, now).FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            throw active.Refusal();
        }
    }

    /// <summary>The organisation's sanctions in force at <paramref name="now"/>: a blacklisting first, then the latest end.</summary>
    internal static IQueryable<CustomerSanction> ActiveFor(IQueryable<CustomerSanction> sanctions, Guid customerOrganizationId, DateTimeOffset now) =>
        sanctions.Where(s => s.CustomerOrganizationId == customerOrganizationId && s.RevokedAt == null && (s.EndsAt == null || s.EndsAt > now))
            .OrderBy(s => s.EndsAt == null ? 0 : 1).ThenByDescending(s => s.EndsAt);
}
