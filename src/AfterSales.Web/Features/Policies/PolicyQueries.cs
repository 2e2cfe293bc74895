using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Policies;

/// <summary>One policy version with where it stands today: current, upcoming (announced) or superseded (R-SLA-1).</summary>
public sealed record PolicyVersionView(
    Guid Id,
    string Key,
    int Version,
    string Name,
    string? PresetKey,
    Guid? OwnerOrganizationId,
    DateTimeOffset EffectiveFrom,
    PolicyVersionStatus Status,
    PolicyFigures Figures);

/// <summary>Read side of policy versions, scoped by the caller's organisation like every policy read.</summary>
public sealed class PolicyQueries(AppDbContext db, TimeProvider clock, ServiceRulesCatalog rules)
{
    /// <summary>
    /// Every version the caller may read; with <paramref name="supplierId"/>, the versions that govern that supplier's
    /// requests — its own versions and the preset it is on — newest first. Versions of a key the supplier is no
    /// longer on count as superseded for it.
    /// </summary>
    public async Task<IReadOnlyList<PolicyVersionView>> ListAsync(Guid? supplierId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (supplierId is not { } id)
        {
            var all = await db.ServicePolicies.AsNoTracking().OrderBy(p => p.Key).ThenBy(p => p.Version).ToListAsync(cancellationToken);
            return [.. all.Select(p => View(p, PolicyVersioning.StatusOf(p, all, now)))];
        }

        var supplier = await db.Organizations.AsNoTracking().Where(o => o.Id == id && o.Kind == PartyKind.Supplier)
            .Select(o => new { o.ServicePolicyId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("供应商");
        var chosenKey = await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == supplier.ServicePolicyId)
            .Select(p => p.Key).SingleOrDefaultAsync(cancellationToken);
        var versions = await db.ServicePolicies.AsNoTracking()
            .Where(p => p.OwnerOrganizationId == id || p.Key == chosenKey)
            .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Version)
            .ToListAsync(cancellationToken);
        return [.. versions.Select(p => View(p, p.Key == chosenKey ? PolicyVersioning.StatusOf(p, versions, now) : PolicyVersionStatus.Superseded))];
    }

    /// <summary>One version with its status among the versions of its key.</summary>
    public async Task<PolicyVersionView> VersionAsync(Guid id, CancellationToken cancellationToken)
    {
        var policy = await db.ServicePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound("售后政策");
        var versions = await db.ServicePolicies.AsNoTracking().Where(p => p.Key == policy.Key).ToListAsync(cancellationToken);
        return View(policy, PolicyVersioning.StatusOf(policy, versions, clock.GetUtcNow()));
    }

    /// <summary>The earliest instant a version announced now may take effect (7 working days on cn-9-18, R-SLA-1).</summary>
    public async Task<DateTimeOffset> EarliestEffectiveFromAsync(CancellationToken cancellationToken) =>
        PolicyVersioning.EarliestEffectiveFrom(clock.GetUtcNow(), await rules.CalendarAsync(db, PolicyVersioning.NoticeCalendarId, cancellationToken));

    private static PolicyVersionView View(ServicePolicy p, PolicyVersionStatus status) =>
        new(p.Id, p.Key, p.Version, p.Name, p.PresetKey, p.OwnerOrganizationId, p.EffectiveFrom, status, p.Figures);
}
