using AfterSales.Data;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quotes;

/// <summary>The pair's 数据保密协议 as shown on a request (R-SEC-1).</summary>
public sealed record ConfidentialityAgreementView(Guid Id, string Reference, DateOnly SignedOn, DateOnly? ValidTo, bool InForce, Guid ServiceRequestId, Guid AttachmentId,
    string AttachmentName, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// <c>GET /service-requests/{id}/agreements</c>: the quote decision with its session, whether a service agreement is
/// needed and its state (R-QUO-3), the pair's confidentiality agreement and the customer's remote authorisation
/// (R-SEC-1), and what still blocks the start of service.
/// </summary>
public sealed record AgreementsView(
    Guid ServiceRequestId,
    string Number,
    QuoteDecision? QuoteDecision,
    bool ServiceAgreementRequired,
    Domain.Money.Money? AgreementThreshold,
    Domain.Money.Money? QuoteTotal,
    ServiceAgreement? ServiceAgreement,
    bool RemoteService,
    ConfidentialityAgreementView? ConfidentialityAgreement,
    RemoteSessionAuthorization? RemoteAuthorization,
    IReadOnlyList<StartBlocker> StartBlockers);

public sealed class AgreementQueries(AppDbContext db, TimeProvider clock, ServiceRulesCatalog rulesCatalog)
{
    public async Task<AgreementsView> GetAsync(string idOrNumber, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), idOrNumber).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var confidentiality = await db.ConfidentialityAgreements.AsNoTracking()
            .SingleOrDefaultAsync(a => a.CustomerId == request.CustomerId && a.SupplierId == request.SupplierId, cancellationToken);
        var now = clock.GetUtcNow();
        var threshold = rules.Policy.AgreementThresholdCny;
        return new AgreementsView(
            request.Id,
            request.Number,
            request.QuoteDecision,
            request.NeedsServiceAgreement(rules.Policy),
            threshold is { } t ? Domain.Money.Money.Yuan(t) : null,
            request.Judgement?.Quote?.Total,
            request.ServiceAgreement,
            request.IsRemoteService,
            confidentiality is null ? null : View(confidentiality, now),
            request.RemoteAuthorization,
            ServiceRequestWorkflow.Allows(request.Status, ServiceRequestAction.StartService) ? request.StartBlockers(rules.Policy, confidentiality, now) : []);
    }

    /// <summary>The confidentiality agreement of the request's customer–supplier pair, if any (404 when the request is not visible).</summary>
    public async Task<ConfidentialityAgreement?> ConfidentialityForRequestAsync(string idOrNumber, CancellationToken cancellationToken, bool tracked = false)
    {
        var pair = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), idOrNumber)
            .Select(r => new { r.CustomerId, r.SupplierId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var agreements = tracked ? db.ConfidentialityAgreements : db.ConfidentialityAgreements.AsNoTracking();
        return await agreements.SingleOrDefaultAsync(a => a.CustomerId == pair.CustomerId && a.SupplierId == pair.SupplierId, cancellationToken);
    }

    private static ConfidentialityAgreementView View(ConfidentialityAgreement a, DateTimeOffset now) =>
        new(a.Id, a.Reference, a.SignedOn, a.ValidTo, a.IsInForceOn(Domain.Common.ServiceZone.DateOf(now)), a.ServiceRequestId, a.AttachmentId, a.AttachmentName, a.RecordedAt, a.RecordedBy);
}
