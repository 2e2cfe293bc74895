using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>Filters of the stock list: a warehouse, a part, and text matching part number, name, brand or batch.</summary>
public sealed record StockFilter(Guid? WarehouseId, Guid? PartId, string? Search, bool? AvailableOnly = null);

/// <summary>
/// Reads of spare parts (R-EXE-4, R-KPI-4, R-DLR-2/3). The query filters scope every row to the caller's supplier (the
/// platform sees all; a customer sees its shipments and the catalogue of its suppliers).
/// </summary>
public sealed class PartsQueries(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public async Task<IReadOnlyList<SparePartView>> PartsAsync(string? search, string? productModel, CancellationToken cancellationToken)
    {
        var query = db.SpareParts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(p => p.PartNumber.Contains(text) || p.Name.Contains(text) || p.Brand.Contains(text));
        }

        var parts = await query.OrderBy(p => p.PartNumber).Take(500).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(productModel))
        {
            parts = [.. parts.Where(p => p.Fits(productModel.Trim()))];
        }

        var ids = parts.Select(p => p.Id).ToList();
        var totals = await db.StockLevels.AsNoTracking().Where(s => ids.Contains(s.PartId))
            .GroupBy(s => s.PartId)
            .Select(g => new
            {
                PartId = g.Key,
                OnHand = g.Sum(s => s.OnHand),
                Reserved = g.Sum(s => s.Reserved),
                Available = g.Where(s => !s.Blocked).Sum(s => s.OnHand - s.Reserved),
            })
            .ToDictionaryAsync(t => t.PartId, cancellationToken);
        return [.. parts.Select(p => ToView(p, totals.TryGetValue(p.Id, out var t) ? (t.OnHand, t.Reserved, t.Available) : (0, 0, 0)))];
    }

    public async Task<SparePartView> PartAsync(Guid id, CancellationToken cancellationToken)
    {
        var part = await db.SpareParts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound("备件");
        var levels = await db.StockLevels.AsNoTracking().Where(s => s.PartId == id).ToListAsync(cancellationToken);
        return ToView(part, (levels.Sum(s => s.OnHand), levels.Sum(s => s.Reserved), levels.Sum(s => s.Available)));
    }

    public async Task<IReadOnlyList<WarehouseView>> WarehousesAsync(CancellationToken cancellationToken)
    {
        var warehouses = await db.Warehouses.AsNoTracking().OrderBy(w => w.Code).ToListAsync(cancellationToken);
        var totals = await db.StockLevels.AsNoTracking().GroupBy(s => s.WarehouseId)
            .Select(g => new
            {
                WarehouseId = g.Key,
                OnHand = g.Sum(s => s.OnHand),
                Reserved = g.Sum(s => s.Reserved),
                Available = g.Where(s => !s.Blocked).Sum(s => s.OnHand - s.Reserved),
            })
            .ToDictionaryAsync(t => t.WarehouseId, cancellationToken);
        return [.. warehouses.Select(w =>
        {
            var t = totals.GetValueOrDefault(w.Id);
            return new WarehouseView(w.Id, w.SupplierId, w.Code, w.Name, w.Kind, w.OwnerUserId, w.OwnerName, w.City, t?.OnHand ?? 0, t?.Reserved ?? 0, t?.Available ?? 0);
        })];
    }

    /// <summary>库存 per warehouse, part and batch, keyset-paged in the order the stock lines were created.</summary>
    public async Task<Page<StockRow>> StockAsync(StockFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var rows = from s in db.StockLevels.AsNoTracking()
                   join w in db.Warehouses.AsNoTracking() on s.WarehouseId equals w.Id
                   join p in db.SpareParts.AsNoTracking() on s.PartId equals p.Id
                   select new { s, w, p };
        if (filter.WarehouseId is { } warehouseId)
        {
            rows = rows.Where(r => r.s.WarehouseId == warehouseId);
        }

        if (filter.PartId is { } partId)
        {
            rows = rows.Where(r => r.s.PartId == partId);
        }

        if (filter.AvailableOnly == true)
        {
            rows = rows.Where(r => !r.s.Blocked && r.s.OnHand > r.s.Reserved);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            rows = rows.Where(r => r.p.PartNumber.Contains(text) || r.p.Name.Contains(text) || r.p.Brand.Contains(text) || r.s.BatchNumber.Contains(text));
        }

        if (Cursor.Decode(after) is { } cursor)
        {
            rows = rows.Where(r => r.s.Id > cursor.Id);
        }

        var page = await rows.OrderBy(r => r.s.Id).Take(size + 1)
            .Select(r => new StockRow(r.s.Id, r.w.Id, r.w.Code, r.w.Name, r.w.Kind, r.p.Id, r.p.PartNumber, r.p.Name, r.p.Brand, r.s.BatchNumber,
                r.s.OnHand, r.s.Reserved, r.s.Blocked ? 0 : r.s.OnHand - r.s.Reserved, r.s.Blocked))
            .ToListAsync(cancellationToken);
        var next = page.Count > size ? Cursor.Encode(0, page[size - 1].Id) : null;
        return new Page<StockRow>([.. page.Take(size)], next);
    }

    public async Task<PartsSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = Domain.Common.ServiceZone.DateOf(now);
        var levels = await db.StockLevels.AsNoTracking().Select(s => new { s.PartId, s.OnHand, s.Reserved, s.Blocked }).ToListAsync(cancellationToken);
        var partIds = await db.SpareParts.AsNoTracking().Where(p => callers.Required.Party != PartyKind.Customer).Select(p => p.Id).ToListAsync(cancellationToken);
        var availableByPart = levels.Where(l => !l.Blocked).GroupBy(l => l.PartId).ToDictionary(g => g.Key, g => g.Sum(l => l.OnHand - l.Reserved));
        var openReplenishments = await db.ReplenishmentOrders.AsNoTracking().Where(r => r.Status == ReplenishmentStatus.Ordered).Select(r => r.ExpectedArrivalOn).ToListAsync(cancellationToken);
        var owed = await db.OldPartReturns.AsNoTracking().Where(r => r.Status == OldPartReturnStatus.Owed).Select(r => r.DueOn).ToListAsync(cancellationToken);
        return new PartsSummary(
            partIds.Count,
            await db.Warehouses.CountAsync(cancellationToken),
            levels.Sum(l => l.OnHand),
            levels.Sum(l => l.Reserved),
            levels.Where(l => !l.Blocked).Sum(l => l.OnHand - l.Reserved),
            partIds.Count(id => availableByPart.GetValueOrDefault(id) <= 0),
            levels.Where(l => l.Blocked).Sum(l => l.OnHand),
            openReplenishments.Count,
            openReplenishments.Count(d => d < today),
            await db.PartShipments.CountAsync(s => s.Status == ShipmentStatus.Shipped, cancellationToken),
            await db.DamageReports.CountAsync(d => d.Status == DamageReportStatus.Open, cancellationToken),
            owed.Count,
            owed.Count(d => d < today));
    }

    public async Task<IReadOnlyList<ReservationView>> ReservationsAsync(Guid? requestId, ReservationStatus? status, CancellationToken cancellationToken)
    {
        var query = db.PartReservations.AsNoTracking();
        if (requestId is { } id)
        {
            query = query.Where(r => r.ServiceRequestId == id);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        return await ReservationViews(query.OrderByDescending(r => r.ReservedAt).Take(500), cancellationToken);
    }

    public async Task<ReservationView> ReservationAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReservationViews(db.PartReservations.AsNoTracking().Where(r => r.Id == id), cancellationToken)).SingleOrDefault() ?? throw new NotFound("备件预留");

    public async Task<IReadOnlyList<ReplenishmentView>> ReplenishmentsAsync(ReplenishmentStatus? status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.ReplenishmentOrders.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var rows = await (from r in query
                          join w in db.Warehouses.AsNoTracking() on r.WarehouseId equals w.Id
                          orderby r.OrderedAt descending
                          select new { r, w.Name }).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(x => ToView(x.r, x.Name, now))];
    }

    public async Task<ReplenishmentView> ReplenishmentAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (from r in db.ReplenishmentOrders.AsNoTracking()
                         join w in db.Warehouses.AsNoTracking() on r.WarehouseId equals w.Id
                         where r.Id == id
                         select new { r, w.Name }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("补货单");
        return ToView(row.r, row.Name, clock.GetUtcNow());
    }

    public async Task<IReadOnlyList<TransferView>> TransfersAsync(CancellationToken cancellationToken) =>
        await (from t in db.StockTransfers.AsNoTracking()
               join f in db.Warehouses.AsNoTracking() on t.FromWarehouseId equals f.Id
               join to in db.Warehouses.AsNoTracking() on t.ToWarehouseId equals to.Id
               orderby t.At descending
               select new TransferView(t.Id, t.PartNumber, t.BatchNumber, f.Id, f.Name, to.Id, to.Name, t.Quantity, t.At, t.By))
            .Take(500).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ShipmentView>> ShipmentsAsync(Guid? requestId, ShipmentStatus? status, string? search, CancellationToken cancellationToken)
    {
        var query = db.PartShipments.AsNoTracking();
        if (requestId is { } id)
        {
            query = query.Where(s => s.ServiceRequestId == id);
        }

        if (status is { } st)
        {
            query = query.Where(s => s.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(s => s.Number.Contains(text) || s.TrackingNumber.Contains(text) || s.ServiceRequestNumber.Contains(text));
        }

        return await ShipmentViews(query.OrderByDescending(s => s.ShippedAt).Take(500), cancellationToken);
    }

    public async Task<ShipmentView> ShipmentAsync(Guid id, CancellationToken cancellationToken) =>
        (await ShipmentViews(db.PartShipments.AsNoTracking().Where(s => s.Id == id), cancellationToken)).SingleOrDefault() ?? throw new NotFound("发货单");

    public async Task<IReadOnlyList<DamageReportView>> DamageReportsAsync(DamageReportStatus? status, CancellationToken cancellationToken)
    {
        var query = db.DamageReports.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        var reports = await query.OrderByDescending(d => d.ReportedAt).Take(500).ToListAsync(cancellationToken);
        return [.. reports.Select(ToView)];
    }

    public async Task<IReadOnlyList<SamplingPlanView>> SamplingPlansAsync(CancellationToken cancellationToken)
    {
        var plans = await db.SamplingPlans.AsNoTracking().Include(p => p.Items).OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).Take(200).ToListAsync(cancellationToken);
        return await SamplingViews(plans, cancellationToken);
    }

    public async Task<SamplingPlanView> SamplingPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await db.SamplingPlans.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound("抽检计划");
        return (await SamplingViews([plan], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<OldPartReturnView>> OldPartReturnsAsync(Guid? requestId, OldPartReturnStatus? status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.OldPartReturns.AsNoTracking();
        if (requestId is { } id)
        {
            query = query.Where(r => r.ServiceRequestId == id);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var rows = await query.OrderBy(r => r.DueOn).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToView(r, now))];
    }

    public async Task<OldPartReturnView> OldPartReturnAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.OldPartReturns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("旧件返还");
        return ToView(row, clock.GetUtcNow());
    }

    /// <summary>The parts section of a request's page: freight payer, reservations, shipments, old parts (404 for a request the caller cannot see).</summary>
    public async Task<RequestPartsView> ForRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), requestId)
            .Select(r => new { r.Id, r.Number, r.SupplierId, r.Judgement, r.Warranty, r.Status })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var (payer, basis) = FreightRules.PayerFor(request.Judgement, request.Warranty);
        var supplierStaff = caller.Party == PartyKind.Supplier && caller.OrganizationId == request.SupplierId;
        var open = request.Status is not (Domain.ServiceRequests.ServiceRequestStatus.Closed or Domain.ServiceRequests.ServiceRequestStatus.Cancelled);
        var reservations = supplierStaff || caller.Party == PartyKind.Platform ? await ReservationsAsync(request.Id, null, cancellationToken) : [];
        var shipments = await ShipmentsAsync(request.Id, null, null, cancellationToken);
        var oldParts = supplierStaff || caller.Party == PartyKind.Platform ? await OldPartReturnsAsync(request.Id, null, cancellationToken) : [];
        return new RequestPartsView(request.Id, request.Number, payer, basis, reservations, shipments, oldParts,
            supplierStaff && open && caller.Has(Permissions.PartsUse),
            supplierStaff && open && caller.Has(Permissions.PartsManage),
            shipments.Any(s => s.CanCheckReceipt));
    }

    /// <summary>Suppliers the platform can draw a sampling plan for.</summary>
    public async Task<IReadOnlyList<(Guid, string)>> SuppliersAsync(CancellationToken cancellationToken) =>
        [.. (await db.Organizations.AsNoTracking().Where(o => o.Kind == PartyKind.Supplier).OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name))];

    private async Task<IReadOnlyList<ReservationView>> ReservationViews(IQueryable<PartReservation> query, CancellationToken cancellationToken) =>
        await (from r in query
               join w in db.Warehouses.AsNoTracking() on r.WarehouseId equals w.Id
               select new ReservationView(r.Id, r.ServiceRequestId, r.ServiceRequestNumber, r.WorkOrderId, r.PartId, r.PartNumber, r.PartName, r.WarehouseId, w.Name,
                   r.BatchNumber, r.Quantity, r.Status, r.ReservedAt, r.ReservedBy, r.IssuedAt, r.ShipmentId, r.ConsumedAt, r.CancelledAt, r.CancelReason))
            .ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<ShipmentView>> ShipmentViews(IQueryable<PartShipment> query, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var shipments = await query.ToListAsync(cancellationToken);
        var ids = shipments.Select(s => s.Id).ToList();
        var reports = await db.DamageReports.AsNoTracking().Where(d => ids.Contains(d.ShipmentId)).ToDictionaryAsync(d => d.ShipmentId, cancellationToken);
        var orgIds = shipments.SelectMany(s => new[] { s.SupplierId, s.CustomerId }).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. shipments.Select(s => new ShipmentView(s.Id, s.Number, s.ServiceRequestId, s.ServiceRequestNumber, s.WorkOrderId, s.SupplierId, names.GetValueOrDefault(s.SupplierId, string.Empty),
            s.CustomerId, names.GetValueOrDefault(s.CustomerId, string.Empty), s.Carrier, s.TrackingNumber, s.FreightPayer, s.FreightBasis, s.Lines, s.TotalQuantity, s.Status,
            s.ShippedAt, s.ShippedBy, s.ReceivedAt, s.ReceivedBy, s.ModelMatches, s.QuantityReceived, s.Damaged, s.ReceiptNote,
            reports.TryGetValue(s.Id, out var report) ? ToView(report) : null,
            s.Status == ShipmentStatus.Shipped && caller.OrganizationId == s.CustomerId && caller.Has(Permissions.PartsReceive)))];
    }

    private async Task<IReadOnlyList<SamplingPlanView>> SamplingViews(IReadOnlyList<SamplingPlan> plans, CancellationToken cancellationToken)
    {
        var batchIds = plans.SelectMany(p => p.Items).Select(i => i.BatchId).Distinct().ToList();
        var batches = await db.PartBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var blocked = await (from s in db.StockLevels.AsNoTracking()
                             join b in db.PartBatches.AsNoTracking() on new { s.PartId, s.BatchNumber } equals new { b.PartId, b.BatchNumber }
                             where batchIds.Contains(b.Id) && s.Blocked
                             group s by b.Id into g
                             select new { BatchId = g.Key, OnHand = g.Sum(s => s.OnHand) }).ToDictionaryAsync(x => x.BatchId, x => x.OnHand, cancellationToken);
        var supplierIds = plans.Select(p => p.SupplierId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => supplierIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. plans.Select(p => new SamplingPlanView(p.Id, p.SupplierId, names.GetValueOrDefault(p.SupplierId, string.Empty), p.Year, p.Quarter, p.Label, p.BatchesInQuarter, p.Items.Count,
            p.Items.Count(i => i.Result == SamplingResult.Passed), p.Items.Count(i => i.Result == SamplingResult.Failed), p.Items.Count(i => i.Result == SamplingResult.Pending),
            p.CreatedAt, p.CreatedBy,
            [.. p.Items.OrderBy(i => i.Sequence).Select(i => new SamplingItemView(i.Id, i.Sequence, i.BatchId, i.PartNumber, i.BatchNumber, i.Result, i.Note, i.RecordedAt, i.RecordedBy,
                batches.TryGetValue(i.BatchId, out var b) ? b.Status : BatchStatus.InUse, blocked.GetValueOrDefault(i.BatchId)))]))];
    }

    private static SparePartView ToView(SparePart p, (int OnHand, int Reserved, int Available) totals) =>
        new(p.Id, p.SupplierId, p.PartNumber, p.Name, p.Brand, p.CompatibleModels, p.IsCustom, p.LeadTimeDays, p.LeadTimeDisclosure, p.Specification, totals.OnHand, totals.Reserved, totals.Available);

    private static ReplenishmentView ToView(ReplenishmentOrder r, string warehouseName, DateTimeOffset now) =>
        new(r.Id, r.Number, r.PartId, r.PartNumber, r.WarehouseId, warehouseName, r.Quantity, r.Status, r.OrderedAt, r.OrderedBy, r.ExpectedArrivalOn, r.IsLate(now), r.ReceivedAt, r.BatchNumber, r.ServiceRequestId);

    private static DamageReportView ToView(DamageReport d) =>
        new(d.Id, d.ShipmentId, d.ShipmentNumber, d.ServiceRequestId, d.ServiceRequestNumber, d.Description, d.PhotoAttachmentIds, d.Status, d.ReportedAt, d.ReportedBy, d.Resolution, d.ResolvedAt, d.ResolvedBy);

    private static OldPartReturnView ToView(OldPartReturn r, DateTimeOffset now) =>
        new(r.Id, r.ServiceRequestId, r.ServiceRequestNumber, r.PartNumber, r.PartName, r.Quantity, r.HolderName, r.DueOn, r.IsOverdue(now), r.ReturnBatch, r.Status,
            r.CreatedAt, r.ReceivedAt, r.ReceivedBy, r.AppraisedAt, r.AppraisedBy, r.AppraisalNote, r.StoreroomWarehouseId);
}
