using System.Collections.Concurrent;
using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Policies;

/// <summary>
/// The rules a request runs under: its policy version — immutable once written (R-SLA-1), so read once and kept —
/// and that policy's working calendar, which the platform may edit (R-SLA-2). A calendar is re-read when its
/// version changed, checked at most every few seconds, so every instance follows an edit without a restart.
/// </summary>
public sealed class ServiceRulesCatalog(TimeProvider clock)
{
    private static readonly TimeSpan CalendarFreshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, ServicePolicy> _policies = new();
    private readonly ConcurrentDictionary<string, (WorkingCalendar Calendar, int Version, DateTimeOffset CheckedAt)> _calendars = new();

    public async Task<(ServicePolicy Policy, ServiceRules Rules)> ForPolicyAsync(AppDbContext db, Guid policyId, CancellationToken cancellationToken)
    {
        if (!_policies.TryGetValue(policyId, out var policy))
        {
            policy = await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == policyId, cancellationToken);
            _policies[policyId] = policy;
        }

        return (policy, new ServiceRules(policy.Figures, await CalendarAsync(db, policy.Figures.CalendarId, cancellationToken)));
    }

    /// <summary>
    /// The rules a supplier promises today (R-SLA-1): the highest version of its chosen policy's key already in effect,
    /// so an announced version applies from its date on. OpenServiceRequest resolves the same way inside its first query.
    /// </summary>
    public async Task<(ServicePolicy Policy, ServiceRules Rules)> ForSupplierAsync(AppDbContext db, Guid supplierId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var policyId = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == supplierId)
            .Select(o => db.ServicePolicies
                .Where(p => p.EffectiveFrom <= now && db.ServicePolicies.Any(c => c.Id == o.ServicePolicyId && c.Key == p.Key))
                .OrderByDescending(p => p.Version).Select(p => (Guid?)p.Id).FirstOrDefault() ?? o.ServicePolicyId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new Domain.Common.WorkflowRuleViolation("R-SLA-1", "该供应商尚未设置售后政策。");
        return await ForPolicyAsync(db, policyId, cancellationToken);
    }

    /// <summary>A working calendar by id, as stored; the built-in one when the database has none of that id.</summary>
    public async Task<WorkingCalendar> CalendarAsync(AppDbContext db, string calendarId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_calendars.TryGetValue(calendarId, out var cached) && now - cached.CheckedAt < CalendarFreshness)
        {
            return cached.Calendar;
        }

        var version = await db.Calendars.AsNoTracking().Where(c => c.Id == calendarId).Select(c => (int?)c.Version).SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return WorkingCalendars.BuiltIn.TryGetValue(calendarId, out var builtIn) ? builtIn : WorkingCalendars.Cn918;
        }

        if (cached.Calendar is null || cached.Version != version)
        {
            var definition = await db.Calendars.AsNoTracking().SingleAsync(c => c.Id == calendarId, cancellationToken);
            cached = (definition.ToCalendar(), definition.Version, now);
        }

        _calendars[calendarId] = cached with { CheckedAt = now };
        return cached.Calendar;
    }

    /// <summary>Forgets a calendar after an edit on this instance, so the next read takes the new version at once.</summary>
    public void Forget(string calendarId) => _calendars.TryRemove(calendarId, out _);
}
