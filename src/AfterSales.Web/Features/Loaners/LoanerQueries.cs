using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Loaners;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Loaners;

/// <summary>
/// Reads of the loaner pools (R-EXE-7). A supplier sees its own pool (another supplier's unit is 404), the platform every
/// pool; the parties of a request see the loaners issued for it.
/// </summary>
public sealed class LoanerQueries(AppDbContext db, CallerContext callers)
{
    public async Task<Page<LoanerRow>> ListAsync(LoanerFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        RequirePoolReader();
        var size = Cursor.Size(pageSize);
        var units = db.LoanerUnits.AsNoTracking();
        if (filter.Status is { } status)
        {
            units = units.Where(u => u.Location == status);
        }

        if (filter.SupplierId is { } supplierId)
        {
            units = units.Where(u => u.SupplierId == supplierId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            units = units.Where(u => u.AssetTag.Contains(text) || u.Serial.Contains(text) || u.Model.Contains(text) || u.Name.Contains(text)
                || u.Grade.Contains(text) || (u.ServiceRequestNumber != null && u.ServiceRequestNumber.Contains(text)));
        }

        if (Cursor.Decode(after) is { } cursor)
        {
            units = units.Where(u => u.Id > cursor.Id);
        }

        var page = await units.OrderBy(u => u.Id).Take(size + 1).ToListAsync(cancellationToken);
        var names = await SupplierNamesAsync(page.Select(u => u.SupplierId), cancellationToken);
        var rows = page.Take(size).Select(u => Row(u, names)).ToList();
        return new Page<LoanerRow>(rows, page.Count > size ? Cursor.Encode(0, page[size - 1].Id) : null);
    }

    public async Task<LoanerView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        RequirePoolReader();
        var unit = await db.LoanerUnits.AsNoTracking().Include(u => u.Movements).SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new NotFound("备用机");
        var names = await SupplierNamesAsync([unit.SupplierId], cancellationToken);
        var workOrderNumber = unit.WorkOrderId is { } workOrderId
            ? await db.WorkOrders.AsNoTracking().Where(w => w.Id == workOrderId).Select(w => w.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        var caller = callers.Required;
        var allowed = LoanerActions.MayManage(caller, unit.SupplierId)
            ? LoanerWorkflow.ActionsFrom(unit.Location).Select(LoanerNames.ActionName).ToList()
            : [];
        return new LoanerView(Row(unit, names), unit.WorkOrderId, workOrderNumber, [.. unit.Movements.OrderByDescending(m => m.Sequence).Select(Movement)], allowed);
    }

    /// <summary>The loaners of a request (id or number); a request the caller cannot see is 404.</summary>
    public async Task<RequestLoanersView> ForRequestAsync(string requestIdOrNumber, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), requestIdOrNumber)
            .Select(r => new { r.Id, r.Number, r.Status, r.SupplierId, r.AssetId, r.LoanerOwedSince })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");

        // The request's parties see what was lent for it, though the pool itself is the supplier's.
        var units = await db.LoanerUnits.AsNoTracking().IgnoreQueryFilters().Where(u => u.ServiceRequestId == request.Id).OrderBy(u => u.IssuedAt).ToListAsync(cancellationToken);
        var returned = await db.LoanerMovements.AsNoTracking().IgnoreQueryFilters()
            .Where(m => m.ServiceRequestNumber == request.Number && m.Action == "reclaim")
            .OrderBy(m => m.At).ToListAsync(cancellationToken);
        var names = await SupplierNamesAsync([request.SupplierId], cancellationToken);
        var model = await AssetModelAsync(request.AssetId, cancellationToken);

        var caller = callers.Required;
        var manages = LoanerActions.MayManage(caller, request.SupplierId);
        var open = !ServiceRequestWorkflow.IsTerminal(request.Status);
        IReadOnlyList<LoanerSuggestion> suggestions = manages && open ? await SuggestionsAsync(request.SupplierId, model, cancellationToken) : [];
        return new RequestLoanersView(
            request.Id,
            request.Number,
            request.LoanerOwedSince,
            request.LoanerOwedSince is not null && open && units.Count == 0,
            model,
            LoanerRules.OriginalBackInService(request.Status),
            [.. units.Select(u => Row(u, names))],
            [.. returned.Select(Movement)],
            suggestions,
            manages && open,
            manages);
    }

    /// <summary>
    /// Available units for a request's supplier, equivalent ones first (R-EXE-7): the same model as the customer's unit,
    /// then the same grade as the pool's units of that model.
    /// </summary>
    public async Task<IReadOnlyList<LoanerSuggestion>> SuggestionsAsync(Guid supplierId, string? model, CancellationToken cancellationToken)
    {
        var units = await db.LoanerUnits.AsNoTracking().IgnoreQueryFilters().Where(u => u.SupplierId == supplierId).ToListAsync(cancellationToken);
        var grades = model is null
            ? new HashSet<string>()
            : units.Where(u => string.Equals(u.Model, model, StringComparison.OrdinalIgnoreCase)).Select(u => u.Grade).ToHashSet();
        return [.. units.Where(u => u.IsAvailable && u.Condition != LoanerCondition.Damaged)
            .Select(u => new LoanerSuggestion(u.Id, u.AssetTag, u.Model, u.Name, u.Grade, u.PoolLocation, u.Condition,
                model is not null && string.Equals(u.Model, model, StringComparison.OrdinalIgnoreCase), u.IsEquivalentTo(model, grades)))
            .OrderByDescending(s => s.SameModel).ThenByDescending(s => s.Equivalent).ThenBy(s => s.AssetTag, StringComparer.Ordinal)];
    }

    /// <summary>应提供备用机: open requests the caller serves that owe a loaner (seed 004) and have none out, oldest first.</summary>
    public async Task<IReadOnlyList<OwedLoaner>> OwedAsync(CancellationToken cancellationToken)
    {
        RequirePoolReader();
        var rows = await (from r in db.ServiceRequests.AsNoTracking()
                          where r.LoanerOwedSince != null && r.Status != ServiceRequestStatus.Closed && r.Status != ServiceRequestStatus.Cancelled
                              && !db.LoanerUnits.IgnoreQueryFilters().Any(u => u.ServiceRequestId == r.Id)
                          join c in db.Organizations.IgnoreQueryFilters() on r.CustomerId equals c.Id
                          select new { r.Id, r.Number, c.Name, r.LoanerOwedSince, r.AssetSerial })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.LoanerOwedSince).Select(r => new OwedLoaner(r.Id, r.Number, r.Name, r.LoanerOwedSince!.Value, r.AssetSerial))];
    }

    /// <summary>The suppliers the platform may filter by.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SuppliersAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Organizations.AsNoTracking().Where(o => o.Kind == PartyKind.Supplier).OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    internal static LoanerRow Row(LoanerUnit u, IReadOnlyDictionary<Guid, string> supplierNames) => new(
        u.Id, u.SupplierId, supplierNames.GetValueOrDefault(u.SupplierId) ?? string.Empty, u.AssetTag, u.Serial, u.Model, u.Name, u.Grade,
        u.Condition, LoanerNames.Condition(u.Condition), u.Location, LoanerNames.Location(u.Location), u.PoolLocation,
        u.ServiceRequestId, u.ServiceRequestNumber, u.CustomerName, u.SiteAddress, u.IssuedAt, u.DeliveredAt, u.ReceivedBy, u.ReturnedAt, u.Version);

    private static LoanerMovementView Movement(LoanerMovement m) => new(
        m.Sequence, m.At, m.ActorName, m.Action, LoanerNames.Entry(m.Action), m.From, m.From is { } from ? LoanerNames.Location(from) : null,
        m.To, LoanerNames.Location(m.To), m.ServiceRequestNumber, m.Note);

    private async Task<string?> AssetModelAsync(Guid? assetId, CancellationToken cancellationToken) =>
        assetId is { } id
            ? await (from a in db.Assets.AsNoTracking().IgnoreQueryFilters()
                     join p in db.Products.AsNoTracking().IgnoreQueryFilters() on a.ProductId equals p.Id
                     where a.Id == id
                     select p.Model).SingleOrDefaultAsync(cancellationToken)
            : null;

    private async Task<Dictionary<Guid, string>> SupplierNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organizations.AsNoTracking().IgnoreQueryFilters().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    /// <summary>The pool is the supplier's staff's and the platform's; customers and dealers see loaners only on their requests.</summary>
    private void RequirePoolReader()
    {
        if (callers.Required.Party is not (PartyKind.Supplier or PartyKind.Platform))
        {
            throw new ActionNotPermitted("loaners", "只有供应商的售后人员和平台可以查看备用机池。");
        }
    }
}
