using AfterSales.Data;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Assets;

/// <summary>One request filed on the asset, as the archive lists it.</summary>
public sealed record ArchiveRequestView(Guid Id, string Number, ServiceType Type, ServiceRequestStatus Status, string Symptom, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>设备档案 of one asset (R-BLK-1): the asset, its requests, every event in time order and the 12-month repair count.</summary>
public sealed record AssetHistoryView(AssetView Asset, int RepairsLast12Months, IReadOnlyList<ArchiveRequestView> Requests, IReadOnlyList<ArchiveEntry> Entries);

/// <summary>One asset of a product's installed base.</summary>
public sealed record InstalledBaseItem(string Serial, int Quantity, PartyRef Customer, PartyRef? Dealer, string OrderNumber, int OrderLineNo, string? Batch, string SiteCity, string SiteAddress,
    DateOnly? AcceptedOn, int RepairsLast12Months);

/// <summary>装机量: where a product is installed, for its supplier (R-AST-1, R-BLK-1).</summary>
public sealed record InstalledBaseView(ProductView Product, int Records, int Units, IReadOnlyList<InstalledBaseItem> Assets);

/// <summary>
/// Read side of the per-device archive. Scoped like everything else (R-ROLE-1): an asset the caller's organisation is
/// not party to is 404, and the requests listed are the ones the caller may see.
/// </summary>
public sealed class AssetArchiveQueries(AppDbContext db, CatalogueQueries catalogue, CallerContext callers, TimeProvider clock)
{
    public async Task<AssetHistoryView> HistoryAsync(string serial, CancellationToken cancellationToken)
    {
        var asset = await catalogue.AssetAsync(serial, cancellationToken);
        var requests = await db.ServiceRequests.AsNoTracking().Where(r => r.AssetId == asset.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new AssetHistoryView(asset, AssetArchive.RepairsInLast12Months(requests, now),
            [.. requests.Select(r => new ArchiveRequestView(r.Id, r.Number, r.Type, r.Status, r.Symptom, r.CreatedAt, r.ClosedAt))],
            AssetArchive.Entries(requests));
    }

    /// <summary>
    /// A product's installed base for its supplier (and the platform); a dealer of the supplier sees the units it sold.
    /// A customer may read the catalogue but not who else bought the product: 403. Another supplier's product is 404.
    /// </summary>
    public async Task<InstalledBaseView> InstalledBaseAsync(Guid productId, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var product = await catalogue.ProductAsync(productId, cancellationToken);
        if (caller.Party == PartyKind.Customer)
        {
            throw new ActionNotPermitted("installedBase", "客户不能查看产品的装机量。");
        }

        var assets = await db.Assets.AsNoTracking().Where(a => a.ProductId == productId).OrderBy(a => a.Serial).ToListAsync(cancellationToken);
        var assetIds = assets.Select(a => a.Id).ToList();
        var orderIds = assets.Select(a => a.OrderId).Distinct().ToList();
        var orders = await db.PurchaseOrders.IgnoreQueryFilters().AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, cancellationToken);
        var partyIds = assets.SelectMany(a => new[] { a.CustomerId, a.DealerId ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => partyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var requests = await db.ServiceRequests.AsNoTracking().Where(r => r.AssetId != null && assetIds.Contains(r.AssetId.Value)).ToListAsync(cancellationToken);
        var byAsset = requests.ToLookup(r => r.AssetId!.Value);
        var now = clock.GetUtcNow();
        var items = assets.Select(a => new InstalledBaseItem(a.Serial, a.Quantity,
            new PartyRef(a.CustomerId, names.GetValueOrDefault(a.CustomerId, string.Empty)),
            a.DealerId is { } dealer ? new PartyRef(dealer, names.GetValueOrDefault(dealer, string.Empty)) : null,
            orders.GetValueOrDefault(a.OrderId, string.Empty), a.OrderLineNo, a.Batch, a.Site.City, a.Site.Address, a.AcceptedOn,
            AssetArchive.RepairsInLast12Months(byAsset[a.Id], now))).ToList();
        return new InstalledBaseView(product, items.Count, items.Sum(i => i.Quantity), items);
    }
}
