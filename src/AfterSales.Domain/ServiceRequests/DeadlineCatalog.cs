using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// When each deadline kind runs on a service request: it opens when the request enters one of its statuses,
/// stands still (paused) while the request waits on the customer in one of <see cref="PausedIn"/>, and closes —
/// met or late — when the request leaves them all (R-SLA-1). The target comes from the request's policy version:
/// its deadline table, or its level table for the level kinds (R-IN-8). docs/deadlines.md lists these.
/// </summary>
public sealed record DeadlineSpec(DeadlineKind Kind, DeadlineParty OwedBy, IReadOnlySet<ServiceRequestStatus> While, ServiceMode? OnlyForMode = null)
{
    /// <summary>Statuses in which the request waits on the customer: the deadline stays open but its clock stops.</summary>
    public IReadOnlySet<ServiceRequestStatus> PausedIn { get; init; } = new HashSet<ServiceRequestStatus>();

    /// <summary>Runs only on requests routed to a dealer (R-DLR-1).</summary>
    public bool NeedsDealer { get; init; }

    /// <summary>Takes its target from the policy's level table by fault and service level (R-IN-8).</summary>
    public bool ByLevel { get; init; }

    /// <summary>
    /// 异议期: a window a party may act in, not a duty. When it ends with nobody acting, the matter is deemed accepted
    /// (R-DSP-2); it is never a breach and never costs a penalty.
    /// </summary>
    public bool IsWindow { get; init; }

    /// <summary>Opened and closed by a verb, not by the status: it runs whatever the request moves on to.</summary>
    public bool OpenedByVerb { get; init; }

    /// <summary>Runs only until a dispute has been raised (the judgement's own window; a ruling has its own).</summary>
    public bool BeforeDispute { get; init; }

    /// <summary>Takes its target from the event that opens it (a part's lead time), never from the policy's table.</summary>
    public bool TargetFromEvent { get; init; }

    public bool Covers(ServiceRequestStatus status) => While.Contains(status) || PausedIn.Contains(status);

    public bool AppliesTo(ServiceRequest request) =>
        (OnlyForMode is null || request.ServiceMode == OnlyForMode) && (!NeedsDealer || request.DealerId is not null)
        && (!BeforeDispute || request.Dispute is null);

    /// <summary>The target for this request under its policy, or null when the policy sets none.</summary>
    public DeadlineTarget? TargetFor(ServiceRequest request, PolicyFigures policy) =>
        TargetFromEvent ? null
        : ByLevel ? LevelTarget.Resolve(policy.LevelTargets, Kind, request.FaultLevel, request.ServiceLevel)
        : Kind == DeadlineKind.OnSiteArrival && request.ArrivalFromOtherCity == true && policy.OtherCityArrival is { } otherCity ? otherCity
        : policy.Deadlines.TryGetValue(Kind, out var target) ? target : null;
}

public static class DeadlineCatalog
{
    /// <summary>Statuses in which the request waits on the customer (R-SLA-1 pause rules).</summary>
    public static IReadOnlySet<ServiceRequestStatus> WaitingOnCustomer { get; } = Set(
        ServiceRequestStatus.NeedsInfo, ServiceRequestStatus.Verifying, ServiceRequestStatus.QuotePending, ServiceRequestStatus.InArbitration);

    public static IReadOnlyList<DeadlineSpec> Specs { get; } =
    [
        new(DeadlineKind.IntakeCheck, DeadlineParty.Platform, Set(ServiceRequestStatus.Submitted)),
        new(DeadlineKind.SupplyInfo, DeadlineParty.Customer, Set(ServiceRequestStatus.NeedsInfo)),
        new(DeadlineKind.Receive, DeadlineParty.Supplier, Set(ServiceRequestStatus.PendingReceipt)),
        new(DeadlineKind.Plan, DeadlineParty.Supplier, Set(ServiceRequestStatus.UnderAssessment)),
        new(DeadlineKind.Verify, DeadlineParty.Supplier, Set(ServiceRequestStatus.Verifying)),
        new(DeadlineKind.QuoteDecision, DeadlineParty.Customer, Set(ServiceRequestStatus.QuotePending)),
        new(DeadlineKind.OnSiteArrival, DeadlineParty.Supplier, Set(ServiceRequestStatus.Planned), ServiceMode.OnSite),
        new(DeadlineKind.RemoteResolution, DeadlineParty.Supplier, Set(ServiceRequestStatus.Planned, ServiceRequestStatus.InService), ServiceMode.Remote),
        new(DeadlineKind.PartsDelivery, DeadlineParty.Supplier, Set(ServiceRequestStatus.Planned, ServiceRequestStatus.InService), ServiceMode.Parts),
        new(DeadlineKind.FactoryRepair, DeadlineParty.Supplier, Set(ServiceRequestStatus.Planned, ServiceRequestStatus.InService), ServiceMode.ReturnToFactory),
        new(DeadlineKind.Acceptance, DeadlineParty.Customer, Set(ServiceRequestStatus.PendingAcceptance)),
        new(DeadlineKind.Reservice, DeadlineParty.Supplier, Set(ServiceRequestStatus.Reservice)),
        new(DeadlineKind.Revisit, DeadlineParty.Platform, Set(ServiceRequestStatus.Accepted)),
        new(DeadlineKind.Vouchers, DeadlineParty.Supplier, Set(ServiceRequestStatus.Accepted, ServiceRequestStatus.Revisited)),

        // R-IN-8: reply, arrival and fix by fault/service level, counted from filing, standing still while the
        // request waits on the customer ([004]: 30 min reply, 2 h on site, fixed in 4 h or a loaner).
        new(DeadlineKind.LevelReply, DeadlineParty.Supplier, Set(ServiceRequestStatus.Submitted, ServiceRequestStatus.PendingReceipt))
            { PausedIn = Set(ServiceRequestStatus.NeedsInfo), ByLevel = true },
        new(DeadlineKind.LevelArrival, DeadlineParty.Supplier, Set(ServiceRequestStatus.Submitted, ServiceRequestStatus.PendingReceipt, ServiceRequestStatus.UnderAssessment, ServiceRequestStatus.Planned), ServiceMode.OnSite)
            { PausedIn = WaitingOnCustomer, ByLevel = true },
        new(DeadlineKind.LevelFix, DeadlineParty.Supplier, Set(ServiceRequestStatus.Submitted, ServiceRequestStatus.PendingReceipt, ServiceRequestStatus.UnderAssessment, ServiceRequestStatus.Planned, ServiceRequestStatus.InService))
            { PausedIn = WaitingOnCustomer, ByLevel = true },

        // R-DLR-1: a task routed to a dealer is arranged by the dealer within 2 h; inside sales checks at 4 h.
        new(DeadlineKind.DealerArrangement, DeadlineParty.Dealer, Set(ServiceRequestStatus.PendingReceipt)) { NeedsDealer = true },
        new(DeadlineKind.SupervisionCheck, DeadlineParty.Supplier, Set(ServiceRequestStatus.PendingReceipt)) { NeedsDealer = true },

        // R-DSP-1, R-DSP-2 [000]: 12 h to dispute a judgement or quote, 24 h for the platform to rule, then a window
        // for either party to object to the ruling; the windows end in deemed acceptance, not in a breach.
        new(DeadlineKind.DisputeWindow, DeadlineParty.Customer, Set(ServiceRequestStatus.Planned, ServiceRequestStatus.QuotePending))
            { IsWindow = true, BeforeDispute = true },
        new(DeadlineKind.Arbitration, DeadlineParty.Platform, Set(ServiceRequestStatus.InArbitration)),
        new(DeadlineKind.RulingObjection, DeadlineParty.Customer, Set()) { IsWindow = true, OpenedByVerb = true },

        // R-EXE-4, R-QUO-4: stock ran out for the request; the parts arrive within the part's lead time.
        new(DeadlineKind.PartsReplenishment, DeadlineParty.Supplier, Set()) { OpenedByVerb = true, TargetFromEvent = true },
        // R-EXE-5 [002]: a return-to-factory work order books the pickup within 24 h of its creation and ships the repaired
        // unit back within 3 working days of receipt at the factory; opened and closed by the work order's verbs.
        new(DeadlineKind.FactoryPickup, DeadlineParty.Supplier, Set()) { OpenedByVerb = true },
        new(DeadlineKind.FactoryReturn, DeadlineParty.Supplier, Set()) { OpenedByVerb = true },
    ];

    public static DeadlineSpec For(DeadlineKind kind) => Specs.First(s => s.Kind == kind);

    private static HashSet<ServiceRequestStatus> Set(params ServiceRequestStatus[] statuses) => [.. statuses];
}
