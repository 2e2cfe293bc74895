using AfterSales.Domain.Deadlines;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// When each deadline kind runs on a service request: it opens when the request enters one of its
/// statuses and closes (met or late) when it leaves them all (R-SLA-1). The target comes from the
/// request's policy version; a kind the policy has no target for opens nothing. docs/deadlines.md lists these.
/// </summary>
public sealed record DeadlineSpec(DeadlineKind Kind, DeadlineParty OwedBy, IReadOnlySet<ServiceRequestStatus> While, ServiceMode? OnlyForMode = null)
{
    public bool AppliesTo(ServiceRequest request) => OnlyForMode is null || request.ServiceMode == OnlyForMode;
}

public static class DeadlineCatalog
{
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
    ];

    public static DeadlineSpec For(DeadlineKind kind) => Specs.First(s => s.Kind == kind);

    private static HashSet<ServiceRequestStatus> Set(params ServiceRequestStatus[] statuses) => [.. statuses];
}
