using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Policies;

/// <summary>
/// A target that depends on the request's fault level and/or service level (R-IN-8): e.g. [004] replies within
/// 10 minutes for service levels A and B, 30 minutes for C. A null level matches every level.
/// </summary>
public sealed record LevelTarget(DeadlineKind Kind, FaultLevel? Fault, ServiceLevel? Service, DeadlineTarget Target)
{
    /// <summary>The most specific target for a request's levels: fault and service &gt; one of them &gt; neither; null if none matches.</summary>
    public static DeadlineTarget? Resolve(IEnumerable<LevelTarget> targets, DeadlineKind kind, FaultLevel? fault, ServiceLevel? service) =>
        targets
            .Where(t => t.Kind == kind && (t.Fault is null || t.Fault == fault) && (t.Service is null || t.Service == service))
            .OrderByDescending(t => (t.Fault is null ? 0 : 2) + (t.Service is null ? 0 : 1))
            .Select(t => (DeadlineTarget?)t.Target)
            .FirstOrDefault();
}

/// <summary>Who an escalation step tells (R-SLA-3: handler → supplier manager → platform operator).</summary>
public enum EscalationTarget
{
    /// <summary>The party that owes the deadline: the supplier's or dealer's service desk.</summary>
    Handler,

    /// <summary>售后经理 of the supplier.</summary>
    SupplierManager,

    /// <summary>平台运营.</summary>
    Platform,
}

/// <summary>One step of the escalation chain: how long after the breach, and whom it tells.</summary>
public sealed record EscalationStep(TimeSpan AfterBreach, EscalationTarget Notify);
