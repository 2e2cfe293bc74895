using AfterSales.Data;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

/// <summary>Read side of warranty: an asset's decision page, a request's decision and the exclusion catalogue.</summary>
public sealed class WarrantyQueries(AppDbContext db, WarrantyDecider decider)
{
    public static IReadOnlyList<WarrantyExclusionView> Exclusions() => [.. WarrantyExclusions.All.Select(WarrantyExclusionView.Of)];

    public async Task<AssetWarrantyDetail> ForAssetAsync(string serial, CancellationToken cancellationToken)
    {
        var (facts, decision) = await decider.ForAssetAsync(serial, cancellationToken);
        var terms = await decider.TermsForAsync(facts.Asset, cancellationToken);
        var today = decider.Today;
        var asset = facts.Asset;
        return new AssetWarrantyDetail(asset.Serial, facts.Product.Model, facts.Product.Name, facts.Product.Category, asset.DealerId, asset.SoldOn,
            asset.WarrantyCardRegisteredOn, asset.CustomerCardIssuedOn, asset.DealerId is not null && terms.DealerCardDays is not null, decision,
            [.. facts.Parts.Select(p => new AssetPartView(p.Id, p.Name, p.PartNumber, p.Quantity, p.ServicedOn, p.TermMonths, p.WarrantyEnd,
                today >= p.ServicedOn && today <= p.WarrantyEnd, p.ServiceRequestId, p.RequestNumber))]);
    }

    public async Task<RequestWarrantyView> ForRequestAsync(string idOrNumber, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestLookup.ById(db.ServiceRequests, idOrNumber).AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var decision = await decider.ForRequestAsync(request, null, cancellationToken);
        return new RequestWarrantyView(request.Id, request.Number, request.AssetSerial, request.FaultDate, decision, request.Warranty, request.JudgementBasis);
    }
}
