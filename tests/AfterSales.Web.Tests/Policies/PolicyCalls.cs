using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Policies;

/// <summary>Announcing policy versions through the API and putting them in force by moving the fake clock (R-SLA-1).</summary>
public static class PolicyCalls
{
    public static Task<IReadOnlyList<PolicyVersionView>> VersionsAsync(this HttpClient client, Guid supplierId) =>
        client.GetAsync<IReadOnlyList<PolicyVersionView>>($"/api/v1/policies?supplierId={supplierId}");

    /// <summary>The version that new requests of the supplier are filed under now.</summary>
    public static async Task<PolicyVersionView> CurrentAsync(this HttpClient client, Guid supplierId) =>
        Assert.Single(await client.VersionsAsync(supplierId), p => p.Status == PolicyVersionStatus.Current);

    public static Task<HttpResponseMessage> AnnounceAsync(this HttpClient client, PolicyFigures figures, DateTimeOffset effectiveFrom, Guid? supplierId = null, string? name = null) =>
        client.PostJsonAsync("/api/v1/policies", new IssuePolicyVersion.Command(supplierId, name, effectiveFrom, figures));

    /// <summary>The earliest instant a version announced now may take effect: 7 working days on cn-9-18.</summary>
    public static DateTimeOffset EarliestEffectiveFrom(this AfterSalesApp app) =>
        PolicyVersioning.EarliestEffectiveFrom(app.Clock.GetUtcNow(), WorkingCalendars.Cn918);

    /// <summary>
    /// Announces a version for each supplier as early as the notice allows, then moves the clock past the date so new
    /// requests are filed under them. Returns the versions as announced.
    /// </summary>
    public static async Task<IReadOnlyList<PolicyVersionView>> PutInForceAsync(this AfterSalesApp app, params (string User, Guid? SupplierId, PolicyFigures Figures, string Name)[] versions)
    {
        var effectiveFrom = app.EarliestEffectiveFrom();
        var announced = new List<PolicyVersionView>();
        foreach (var (user, supplierId, figures, name) in versions)
        {
            var client = await app.ClientForAsync(user);
            announced.Add(await (await client.AnnounceAsync(figures, effectiveFrom, supplierId, name)).ReadAsync<PolicyVersionView>(HttpStatusCode.Created));
        }

        app.Clock.Advance(effectiveFrom - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        return announced;
    }

    /// <summary>
    /// Figures with a target for every deadline kind, on top of <paramref name="basis"/> — so the kinds no preset states a
    /// figure for (SupplyInfo, QuoteDecision, …) open too — and level targets for every fault and service level (R-IN-8).
    /// </summary>
    public static PolicyFigures WithEveryKind(this PolicyFigures basis) => basis with
    {
        Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>
        {
            [DeadlineKind.IntakeCheck] = DeadlineTarget.Hours(1),
            [DeadlineKind.SupplyInfo] = DeadlineTarget.Hours(24),
            [DeadlineKind.Receive] = DeadlineTarget.Hours(2),
            [DeadlineKind.Plan] = DeadlineTarget.Hours(24),
            [DeadlineKind.Verify] = DeadlineTarget.Hours(12),
            [DeadlineKind.QuoteDecision] = DeadlineTarget.Hours(48),
            [DeadlineKind.OnSiteArrival] = DeadlineTarget.Days(7),
            [DeadlineKind.RemoteResolution] = DeadlineTarget.Days(3),
            [DeadlineKind.PartsDelivery] = DeadlineTarget.Days(7),
            [DeadlineKind.FactoryRepair] = DeadlineTarget.WorkingDays(4),
            [DeadlineKind.Acceptance] = DeadlineTarget.Hours(24),
            [DeadlineKind.Reservice] = DeadlineTarget.Days(5),
            [DeadlineKind.Revisit] = DeadlineTarget.Hours(48),
            [DeadlineKind.Vouchers] = DeadlineTarget.Days(3),
            [DeadlineKind.DealerArrangement] = DeadlineTarget.Hours(2),
            [DeadlineKind.SupervisionCheck] = DeadlineTarget.Hours(4),
            [DeadlineKind.DisputeWindow] = DeadlineTarget.Hours(12),
            [DeadlineKind.Arbitration] = DeadlineTarget.Hours(24),
            [DeadlineKind.RulingObjection] = DeadlineTarget.Hours(12),
            [DeadlineKind.FactoryPickup] = DeadlineTarget.Hours(24),
            [DeadlineKind.FactoryReturn] = DeadlineTarget.WorkingDays(3),
        },
        LevelTargets =
        [
            new LevelTarget(DeadlineKind.LevelReply, null, ServiceLevel.A, DeadlineTarget.Minutes(10)),
            new LevelTarget(DeadlineKind.LevelReply, null, ServiceLevel.B, DeadlineTarget.Minutes(10)),
            new LevelTarget(DeadlineKind.LevelReply, null, ServiceLevel.C, DeadlineTarget.Minutes(30)),
            new LevelTarget(DeadlineKind.LevelArrival, FaultLevel.Major, null, DeadlineTarget.Hours(2)),
            new LevelTarget(DeadlineKind.LevelArrival, FaultLevel.Main, null, DeadlineTarget.Hours(8)),
            new LevelTarget(DeadlineKind.LevelFix, FaultLevel.Major, null, DeadlineTarget.Hours(4)),
            new LevelTarget(DeadlineKind.LevelFix, FaultLevel.Main, null, DeadlineTarget.Hours(24)),
            new LevelTarget(DeadlineKind.LevelFix, FaultLevel.Minor, null, DeadlineTarget.Days(3)),
        ],
    };
}
