using AfterSales.Data;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

/// <summary>
/// Gathers the facts of an asset — acceptance, term sources, the dealer's card, the customer's card, parts with their
/// own term, judged faults — and asks <see cref="WarrantyRules"/> for the decision. The asset must be visible to the
/// caller (404 otherwise); once it is, its parts and faults are read whole, so every party sees the same decision.
/// </summary>
public sealed class WarrantyDecider(AppDbContext db, TimeProvider clock, ServiceRulesCatalog rulesCatalog)
{
    /// <summary>An asset with what its decision rests on.</summary>
    public sealed record AssetFacts(Asset Asset, Product Product, PurchaseOrder Order, IReadOnlyList<AssetPart> Parts, IReadOnlyList<FaultOccurrence> Faults);

    public DateOnly Today => ServiceZone.DateOf(clock.GetUtcNow());

    public async Task<AssetFacts> LoadAsync(string serial, CancellationToken cancellationToken)
    {
        var trimmed = serial.Trim();
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Serial == trimmed, cancellationToken) ?? throw new NotFound("设备");
        return await LoadAsync(asset, cancellationToken);
    }

    public async Task<AssetFacts> LoadAsync(Asset asset, CancellationToken cancellationToken)
    {
        var product = await db.Products.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == asset.ProductId, cancellationToken);
        var order = await db.PurchaseOrders.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == asset.OrderId, cancellationToken);
        var parts = await db.AssetParts.IgnoreQueryFilters().AsNoTracking().Where(p => p.AssetId == asset.Id)
            .OrderBy(p => p.ServicedOn).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var faults = await db.ServiceRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AssetId == asset.Id && r.FaultCode != null && r.FaultOn != null)
            .Select(r => new { r.FaultCode, r.FaultOn, r.Number })
            .ToListAsync(cancellationToken);
        return new AssetFacts(asset, product, order, parts, [.. faults.Select(f => new FaultOccurrence(f.FaultCode!, f.FaultOn!.Value, f.Number))]);
    }

    public static WarrantyFacts FactsOf(AssetFacts facts, DateOnly asOf, FaultOccurrence? judging = null, string? replacingRequest = null)
    {
        var asset = facts.Asset;
        var faults = facts.Faults.Where(f => replacingRequest is null || f.RequestNumber != replacingRequest).ToList();
        if (judging is not null)
        {
            faults.Add(judging);
        }

        return new WarrantyFacts(asset.AcceptedOn, facts.Product.Category, facts.Product.WarrantyMonths, facts.Order.ContractWarrantyMonths,
            asset.DealerId is not null && asset.SoldOn is not null, asset.SoldOn, asset.WarrantyCardRegisteredOn)
        {
            Serial = asset.Serial,
            CustomerCardIssuedOn = asset.CustomerCardIssuedOn,
            Parts = [.. facts.Parts.Where(p => p.ServicedOn <= asOf).Select(p => p.ToFact())],
            Faults = [.. faults.Where(f => f.On <= asOf)],
        };
    }

    public async Task<WarrantyTerms> TermsForAsync(Asset asset, CancellationToken cancellationToken) =>
        (await rulesCatalog.ForSupplierAsync(db, asset.SupplierId, cancellationToken)).Rules.Policy.Warranty;

    /// <summary>The asset's decision today, under its supplier's current policy.</summary>
    public async Task<(AssetFacts Facts, WarrantyDecision Decision)> ForAssetAsync(string serial, CancellationToken cancellationToken)
    {
        var facts = await LoadAsync(serial, cancellationToken);
        var today = Today;
        return (facts, WarrantyRules.Decide(FactsOf(facts, today), await TermsForAsync(facts.Asset, cancellationToken), today));
    }

    /// <summary>
    /// A request's decision: on the day its fault occurred, under the request's own policy version (R-SLA-1), counting
    /// the fault being judged (R-WTY-5). A request without an asset keeps the decision made at intake.
    /// </summary>
    public async Task<WarrantyDecision?> ForRequestAsync(ServiceRequest request, string? judgingFaultCode, CancellationToken cancellationToken)
    {
        if (request.AssetId is not { } assetId)
        {
            return request.Warranty;
        }

        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == assetId, cancellationToken);
        var facts = await LoadAsync(asset, cancellationToken);
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var asOf = request.FaultDate;
        var code = judgingFaultCode ?? request.FaultCode;
        var judging = code is null ? null : new FaultOccurrence(code, asOf, request.Number);
        return WarrantyRules.Decide(FactsOf(facts, asOf, judging, request.Number), rules.Policy.Warranty, asOf);
    }
}
