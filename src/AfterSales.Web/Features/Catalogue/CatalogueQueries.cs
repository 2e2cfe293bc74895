using System.Linq.Expressions;
using AfterSales.Data;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

public sealed record OrganizationView(Guid Id, string Code, string Name, PartyKind Kind, Guid? ParentSupplierId, Guid? ServicePolicyId, string? City, string? ContactPhone);

public sealed record ProductView(Guid Id, Guid SupplierId, string Model, string Name, string Category, int? WarrantyMonths, string? Specification);

public sealed record OrderLineView(int LineNo, Guid ProductId, string Model, string? Batch, int Quantity, Domain.Money.Money UnitPrice, Domain.Money.Money LineTotal);

public sealed record OrderView(Guid Id, string Number, PartyRef Customer, PartyRef Supplier, PartyRef? Dealer, OrderStatus Status, DateTimeOffset PlacedAt, DateTimeOffset? AcceptedAt,
    Domain.Money.Money Amount, int? ContractWarrantyMonths, IReadOnlyList<OrderLineView> Lines);

public sealed record AssetWarrantyView(DateOnly? Start, DateOnly? End, WarrantyStatus Status, IReadOnlyList<string> Basis, string Explanation);

public sealed record AssetView(Guid Id, string Serial, string OrderNumber, int OrderLineNo, PartyRef Customer, PartyRef Supplier, PartyRef? Dealer, string ProductModel, string ProductName,
    string Category, string? Batch, string SiteCity, string SiteAddress, DateOnly? AcceptedOn, AssetWarrantyView Warranty, int Quantity = 1, string? ProductSpecification = null,
    DateOnly? SoldOn = null);

/// <summary>
/// One price-list item (R-QUO-2) with its band; the cost is the supplier's own figure and is null for everyone else.
/// A retired item stays listed with <see cref="RetiredAt"/> for the history of the quotes built from it.
/// </summary>
public sealed record PriceListItemView(Guid Id, Guid SupplierId, string Code, string Name, QuoteLineKind Kind, string Unit, Domain.Money.Money UnitPrice, DateOnly ValidFrom, DateOnly? ValidTo, int? LeadTimeDays,
    Domain.Money.Money MinPrice, Domain.Money.Money MaxPrice, Domain.Money.Money? Cost, DateTimeOffset? RetiredAt, string? RetiredBy)
{
    public static PriceListItemView Of(PriceListItem p, bool showCost) =>
        new(p.Id, p.SupplierId, p.Code, p.Name, p.Kind, p.Unit, p.UnitPrice, p.ValidFrom, p.ValidTo, p.LeadTimeDays, p.MinPrice, p.MaxPrice, showCost ? p.Cost : null, p.RetiredAt, p.RetiredBy);
}

public sealed record PolicyView(Guid Id, string Key, int Version, string Name, string? PresetKey, Guid? OwnerOrganizationId, DateTimeOffset EffectiveFrom, PolicyFigures Figures);

public sealed record PresetView(string Key, string Name, string NameEn, string Seed, string Summary, PolicyFigures Figures);

/// <summary>Read side of the installed base and its parties, scoped to what the caller is party to (R-ROLE-1).</summary>
public sealed class CatalogueQueries(AppDbContext db, TimeProvider clock, ServiceRulesCatalog rules)
{
    public async Task<Page<OrganizationView>> OrganizationsAsync(PartyKind? kind, string? search, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.Organizations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(o => o.Name.Contains(term) || o.Code.Contains(term));
        }

        if (cursor is { } c)
        {
            query = query.Where(o => o.Id > c.Id);
        }

        var rows = await query.OrderBy(o => o.Id).Take(size + 1).Select(o => new OrganizationView(o.Id, o.Code, o.Name, o.Kind, o.ParentSupplierId, o.ServicePolicyId, o.City, o.ContactPhone)).ToListAsync(cancellationToken);
        return Paged(rows, size, o => Cursor.Encode(0, o.Id));
    }

    public async Task<OrganizationView> OrganizationAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganizationView(o.Id, o.Code, o.Name, o.Kind, o.ParentSupplierId, o.ServicePolicyId, o.City, o.ContactPhone))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("组织");

    public async Task<Page<ProductView>> ProductsAsync(Guid? supplierId, string? category, string? search, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.Products.AsNoTracking();
        if (supplierId is { } s)
        {
            query = query.Where(p => p.SupplierId == s);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(p => p.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(p => p.Model.Contains(term) || p.Name.Contains(term));
        }

        if (cursor is { } c)
        {
            query = query.Where(p => p.Id > c.Id);
        }

        var rows = await query.OrderBy(p => p.Id).Take(size + 1)
            .Select(p => new ProductView(p.Id, p.SupplierId, p.Model, p.Name, p.Category, p.WarrantyMonths, p.Specification)).ToListAsync(cancellationToken);
        return Paged(rows, size, p => Cursor.Encode(0, p.Id));
    }

    public async Task<Page<OrderView>> OrdersAsync(OrderStatus? status, string? search, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.PurchaseOrders.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // By number or by the name of a party to the order. The organisations stay filtered: IgnoreQueryFilters here
            // would switch the filters off for the orders too (it applies to the whole query).
            var term = search.Trim();
            var parties = db.Organizations.Where(org => org.Name.Contains(term)).Select(org => org.Id);
            query = query.Where(o => o.Number.Contains(term) || parties.Contains(o.CustomerId) || parties.Contains(o.SupplierId) || (o.DealerId != null && parties.Contains(o.DealerId.Value)));
        }

        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(o => o.PlacedAt < key || (o.PlacedAt == key && o.Id < c.Id));
        }

        var orders = await query.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).Take(size + 1).ToListAsync(cancellationToken);
        var names = await NamesAsync(orders.SelectMany(o => new[] { o.CustomerId, o.SupplierId, o.DealerId ?? Guid.Empty }), cancellationToken);
        var views = orders.Select(o => ToView(o, names)).ToList();
        return Paged(views, size, o => Cursor.Encode(o.PlacedAt.UtcTicks, o.Id));
    }

    public Task<OrderView> OrderAsync(string number, CancellationToken cancellationToken) => OrderAsync(o => o.Number == number.Trim(), cancellationToken);

    public Task<OrderView> OrderAsync(Guid id, CancellationToken cancellationToken) => OrderAsync(o => o.Id == id, cancellationToken);

    public async Task<ProductView> ProductAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProductView(p.Id, p.SupplierId, p.Model, p.Name, p.Category, p.WarrantyMonths, p.Specification))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("产品");

    public async Task<PriceListItemView> PriceListItemAsync(Guid id, CancellationToken cancellationToken)
    {
        var p = await db.PriceListItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFound("价格表项目");
        return PriceListItemView.Of(p, SeesCost(p.SupplierId));
    }

    private async Task<OrderView> OrderAsync(Expression<Func<PurchaseOrder, bool>> which, CancellationToken cancellationToken)
    {
        var order = await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(which, cancellationToken) ?? throw new NotFound("采购订单");
        var names = await NamesAsync([order.CustomerId, order.SupplierId, order.DealerId ?? Guid.Empty], cancellationToken);
        return ToView(order, names);
    }

    public async Task<Page<AssetView>> AssetsAsync(string? orderNumber, string? search, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.Assets.AsNoTracking().Join(db.PurchaseOrders, a => a.OrderId, o => o.Id, (a, o) => new { a, o });
        if (!string.IsNullOrWhiteSpace(orderNumber))
        {
            query = query.Where(x => x.o.Number == orderNumber.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(x => x.a.Serial.Contains(term));
        }

        if (cursor is { } c)
        {
            query = query.Where(x => x.a.Id > c.Id);
        }

        var rows = await query.OrderBy(x => x.a.Id).Take(size + 1).Select(x => new { Asset = x.a, Order = x.o }).ToListAsync(cancellationToken);
        var views = await AssetViewsAsync(rows.Select(r => (r.Asset, r.Order)).ToList(), cancellationToken);
        return Paged(views, size, a => Cursor.Encode(0, a.Id));
    }

    /// <summary>How many units each line of an order has registered (R-AST-1: at most its quantity; a quantity line counts its units); lines without any are left out.</summary>
    public async Task<IReadOnlyDictionary<int, int>> AssetCountsByLineAsync(string orderNumber, CancellationToken cancellationToken)
    {
        var number = orderNumber.Trim();
        return await db.Assets.AsNoTracking()
            .Where(a => db.PurchaseOrders.Any(o => o.Id == a.OrderId && o.Number == number))
            .GroupBy(a => a.OrderLineNo)
            .Select(g => new { Line = g.Key, Count = g.Sum(a => a.Quantity) })
            .ToDictionaryAsync(x => x.Line, x => x.Count, cancellationToken);
    }

    public Task<AssetView> AssetAsync(string serial, CancellationToken cancellationToken) => AssetAsync(a => a.Serial == serial.Trim(), cancellationToken);

    public Task<AssetView> AssetAsync(Guid id, CancellationToken cancellationToken) => AssetAsync(a => a.Id == id, cancellationToken);

    private async Task<AssetView> AssetAsync(Expression<Func<Domain.Assets.Asset, bool>> which, CancellationToken cancellationToken)
    {
        // Two queries on purpose: IgnoreQueryFilters applies to a whole query, so joining the order "unfiltered" would
        // also unfilter the asset and show another organisation's asset (R-ROLE-1). Seeing the asset is seeing its order.
        var asset = await db.Assets.AsNoTracking().Where(which).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("设备");
        var order = await db.PurchaseOrders.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == asset.OrderId, cancellationToken);
        return (await AssetViewsAsync([(asset, order)], cancellationToken))[0];
    }

    public async Task<Page<PriceListItemView>> PriceListAsync(Guid? supplierId, QuoteLineKind? kind, string? search, bool validToday, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.PriceListItems.AsNoTracking();
        if (supplierId is { } s)
        {
            query = query.Where(p => p.SupplierId == s);
        }

        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(p => p.Code.Contains(term) || p.Name.Contains(term));
        }

        if (validToday)
        {
            var today = ServiceZone.DateOf(clock.GetUtcNow());
            // R-QUO-2: a retired item is not offered for quoting.
            query = query.Where(p => p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today) && p.RetiredAt == null);
        }

        if (cursor is { } c)
        {
            query = query.Where(p => p.Id > c.Id);
        }

        var rows = await query.OrderBy(p => p.Id).Take(size + 1).ToListAsync(cancellationToken);
        var views = rows.Select(p => PriceListItemView.Of(p, SeesCost(p.SupplierId))).ToList();
        return Paged(views, size, p => Cursor.Encode(0, p.Id));
    }

    /// <summary>The cost (成本价) is the supplier's own: its staff and the platform see it, customers and dealers do not.</summary>
    private bool SeesCost(Guid supplierId) => db.Scope.SeesAll || db.Scope.OrganizationId == supplierId;

    public async Task<PolicyView> PolicyAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ServicePolicies.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PolicyView(p.Id, p.Key, p.Version, p.Name, p.PresetKey, p.OwnerOrganizationId, p.EffectiveFrom, p.Figures))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后政策");

    public static IReadOnlyList<PresetView> Presets() =>
        [.. PolicyPresets.All.Select(p => new PresetView(p.Key, p.NameZh, p.NameEn, p.Seed, p.SummaryZh, p.Figures))];

    private async Task<List<AssetView>> AssetViewsAsync(IReadOnlyList<(Domain.Assets.Asset Asset, PurchaseOrder Order)> rows, CancellationToken cancellationToken)
    {
        var productIds = rows.Select(r => r.Asset.ProductId).Distinct().ToList();
        var products = await db.Products.IgnoreQueryFilters().AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var names = await NamesAsync(rows.SelectMany(r => new[] { r.Asset.CustomerId, r.Asset.SupplierId, r.Asset.DealerId ?? Guid.Empty }), cancellationToken);
        var today = ServiceZone.DateOf(clock.GetUtcNow());

        // R-WTY-1..7: the same facts as the asset's warranty page (parts with their own term, judged faults), read for
        // the whole page at once rather than asset by asset.
        var assetIds = rows.Select(r => r.Asset.Id).ToList();
        var parts = (await db.AssetParts.IgnoreQueryFilters().AsNoTracking().Where(p => assetIds.Contains(p.AssetId))
            .OrderBy(p => p.ServicedOn).ThenBy(p => p.Id).ToListAsync(cancellationToken)).ToLookup(p => p.AssetId);
        var faults = (await db.ServiceRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AssetId != null && assetIds.Contains(r.AssetId.Value) && r.FaultCode != null && r.FaultOn != null)
            .Select(r => new { AssetId = r.AssetId!.Value, r.FaultCode, r.FaultOn, r.Number })
            .ToListAsync(cancellationToken)).ToLookup(f => f.AssetId, f => new FaultOccurrence(f.FaultCode!, f.FaultOn!.Value, f.Number));
        var result = new List<AssetView>(rows.Count);
        foreach (var (asset, order) in rows)
        {
            var product = products[asset.ProductId];
            var terms = (await rules.ForSupplierAsync(db, asset.SupplierId, cancellationToken)).Rules.Policy.Warranty;
            var facts = new Warranty.WarrantyDecider.AssetFacts(asset, product, order, [.. parts[asset.Id]], [.. faults[asset.Id]]);
            var decision = WarrantyRules.Decide(Warranty.WarrantyDecider.FactsOf(facts, today), terms, today);
            result.Add(new AssetView(asset.Id, asset.Serial, order.Number, asset.OrderLineNo,
                new PartyRef(asset.CustomerId, names.GetValueOrDefault(asset.CustomerId, string.Empty)),
                new PartyRef(asset.SupplierId, names.GetValueOrDefault(asset.SupplierId, string.Empty)),
                asset.DealerId is { } dealer ? new PartyRef(dealer, names.GetValueOrDefault(dealer, string.Empty)) : null,
                product.Model, product.Name, product.Category, asset.Batch, asset.Site.City, asset.Site.Address, asset.AcceptedOn,
                new AssetWarrantyView(decision.Start, decision.End, decision.Status, decision.Basis, decision.Explanation),
                asset.Quantity, product.Specification, asset.SoldOn));
        }

        return result;
    }

    private static OrderView ToView(PurchaseOrder o, Dictionary<Guid, string> names) => new(
        o.Id, o.Number,
        new PartyRef(o.CustomerId, names.GetValueOrDefault(o.CustomerId, string.Empty)),
        new PartyRef(o.SupplierId, names.GetValueOrDefault(o.SupplierId, string.Empty)),
        o.DealerId is { } d ? new PartyRef(d, names.GetValueOrDefault(d, string.Empty)) : null,
        o.Status, o.PlacedAt, o.AcceptedAt, o.Amount, o.ContractWarrantyMonths,
        [.. o.Lines.Select(l => new OrderLineView(l.LineNo, l.ProductId, l.Model, l.Batch, l.Quantity, l.UnitPrice, l.LineTotal))]);

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Where(i => i != Guid.Empty).Distinct().ToList();
        return db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private static Page<T> Paged<T>(List<T> rows, int size, Func<T, string> cursorOf) =>
        new(rows.Take(size).ToList(), rows.Count > size ? cursorOf(rows[size - 1]) : null);
}
