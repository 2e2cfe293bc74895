using System.Collections.Concurrent;
using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Policies;

/// <summary>
/// Policy versions never change once written (R-SLA-1), so each is read from the database once and
/// kept, with its working calendar, for every later request that was created under it.
/// </summary>
public sealed class ServiceRulesCatalog
{
    private readonly ConcurrentDictionary<Guid, (ServicePolicy Policy, ServiceRules Rules)> _byPolicy = new();

    public async Task<(ServicePolicy Policy, ServiceRules Rules)> ForPolicyAsync(AppDbContext db, Guid policyId, CancellationToken cancellationToken)
    {
        if (_byPolicy.TryGetValue(policyId, out var cached))
        {
            return cached;
        }

        var policy = await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == policyId, cancellationToken);
        var calendar = WorkingCalendars.BuiltIn.TryGetValue(policy.Figures.CalendarId, out var found) ? found : WorkingCalendars.Cn918;
        var entry = (policy, new ServiceRules(policy.Figures, calendar));
        _byPolicy[policyId] = entry;
        return entry;
    }

    /// <summary>The rules a supplier promises today: its chosen policy version (R-SLA-1).</summary>
    public async Task<(ServicePolicy Policy, ServiceRules Rules)> ForSupplierAsync(AppDbContext db, Guid supplierId, CancellationToken cancellationToken)
    {
        var policyId = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == supplierId).Select(o => o.ServicePolicyId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new Domain.Common.WorkflowRuleViolation("R-SLA-1", "该供应商尚未设置售后政策。");
        return await ForPolicyAsync(db, policyId, cancellationToken);
    }
}
