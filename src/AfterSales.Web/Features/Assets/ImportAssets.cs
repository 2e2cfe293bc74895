using System.Globalization;
using AfterSales.Data;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Assets;

/// <summary>An import refused as a whole: every bad row with its column and reason (nothing was saved).</summary>
public sealed class ImportRejected(IReadOnlyList<ImportRowError> errors) : Exception($"导入文件有 {errors.Count} 处错误，未导入任何设备。")
{
    public IReadOnlyList<ImportRowError> Errors { get; } = errors;
}

/// <summary>
/// 批量导入设备 (R-BLK-1, R-AST-1): a supplier registers the installed base of a bulk customer from one file. Every row
/// goes through the same rules as a single registration (<see cref="Asset.Register"/>): the order is the supplier's,
/// the line exists and does not take more units than ordered, serials are unique in the file and on the platform.
/// All or nothing: one bad row refuses the whole file, and the report names every bad row and column. A dry run
/// checks the same way, inside the same locks, and changes nothing.
/// </summary>
public sealed class ImportAssets(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record PreviewRow(int Row, string Serial, string OrderNumber, int LineNo, int Quantity, string ProductModel, string SiteCity, string SiteAddress, string? Batch,
        DateOnly? AcceptedOn);

    public sealed record Result(bool DryRun, int Rows, int Units, IReadOnlyList<PreviewRow> Assets);

    public async Task<Result> HandleAsync(byte[] content, string? fileName, bool dryRun, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (!caller.Has(Permissions.AssetsManage) || caller.Party is not (PartyKind.Supplier or PartyKind.Platform))
        {
            throw new ActionNotPermitted("importAssets", "您的角色不能导入设备。");
        }

        if (content.Length > AssetImportFile.MaxBytes)
        {
            throw AssetImportFile.TooLarge();
        }

        var (rows, fileErrors) = AssetImportFile.Read(content, fileName);
        if (fileErrors.Count > 0)
        {
            throw new ImportRejected(fileErrors);
        }

        var now = clock.GetUtcNow();
        var today = ServiceZone.DateOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var orders = new Dictionary<string, PurchaseOrder?>(StringComparer.Ordinal);
        var unitsOnLine = new Dictionary<(Guid Order, int Line), int>();
        var serialsInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<ImportRowError>();
        var assets = new List<(ImportRow Row, Asset Asset, PurchaseOrder Order)>();

        foreach (var row in rows)
        {
            var before = errors.Count;
            void Fail(string field, string message) => errors.Add(new ImportRowError(row.Number, field, AssetImportFile.HeaderOf(field), message));

            var lineNo = Integer(row, "lineNo", "订单行号", Fail);
            var quantity = Integer(row, "quantity", "数量", Fail);
            var soldOn = Date(row, "soldOn", Fail);
            var order = await OrderAsync(Cell(row, "orderNumber"), orders, caller, cancellationToken);
            if (order is null)
            {
                Fail("orderNumber", string.IsNullOrWhiteSpace(Cell(row, "orderNumber")) ? "订单编号不能为空。" : $"订单 {Cell(row, "orderNumber")} 不存在或不是本单位供货的订单。");
            }

            if (errors.Count > before || order is null)
            {
                continue;
            }

            var key = (order.Id, lineNo ?? 0);
            if (!unitsOnLine.TryGetValue(key, out var already))
            {
                already = await db.Assets.IgnoreQueryFilters().Where(a => a.OrderId == order.Id && a.OrderLineNo == key.Item2).SumAsync(a => a.Quantity, cancellationToken);
            }

            Asset asset;
            try
            {
                asset = Asset.Register(Guid.CreateVersion7(now), Cell(row, "serial"), order, lineNo, already, Cell(row, "siteCity"), Cell(row, "siteAddress"),
                    Cell(row, "batch"), soldOn, today, quantity);
            }
            catch (InvalidInput e)
            {
                Fail(e.Field, e.Message);
                continue;
            }
            catch (WorkflowRuleViolation e)
            {
                Fail(quantity is null ? "lineNo" : "quantity", $"{e.Message}（{e.RuleId}）");
                continue;
            }

            if (serialsInFile.TryGetValue(asset.Serial, out var firstRow))
            {
                Fail("serial", $"设备编号 {asset.Serial} 与第 {firstRow} 行重复。");
                continue;
            }

            serialsInFile[asset.Serial] = row.Number;
            if (await db.Assets.IgnoreQueryFilters().AnyAsync(a => a.Serial == asset.Serial, cancellationToken))
            {
                Fail("serial", $"设备编号 {asset.Serial} 已登记。");
                continue;
            }

            unitsOnLine[key] = already + asset.Quantity;
            assets.Add((row, asset, order));
        }

        if (errors.Count > 0)
        {
            throw new ImportRejected(errors);
        }

        var productIds = assets.Select(a => a.Asset.ProductId).Distinct().ToList();
        var products = await db.Products.IgnoreQueryFilters().AsNoTracking()
            .Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Model, cancellationToken);
        var preview = assets.Select(a => new PreviewRow(a.Row.Number, a.Asset.Serial, a.Order.Number, a.Asset.OrderLineNo, a.Asset.Quantity, products.GetValueOrDefault(a.Asset.ProductId, string.Empty),
            a.Asset.Site.City, a.Asset.Site.Address, a.Asset.Batch, a.Asset.AcceptedOn)).ToList();
        var result = new Result(dryRun, preview.Count, preview.Sum(p => p.Quantity), preview);
        if (dryRun)
        {
            // The transaction is rolled back on dispose: the order claims were only there to make the check exact.
            return result;
        }

        db.Assets.AddRange(assets.Select(a => a.Asset));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // A serial registered by someone else between the check and the save: the unique index refused it.
            throw new ImportRejected([new ImportRowError(1, "serial", AssetImportFile.HeaderOf("serial"), "导入期间有设备编号被他人登记，请重新校验后再导入。")]);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The order of a row, looked up once per file. Claiming it holds its lines' unit counts still until commit (R-AST-1).</summary>
    private async Task<PurchaseOrder?> OrderAsync(string? number, Dictionary<string, PurchaseOrder?> orders, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var key = number.Trim();
        if (orders.TryGetValue(key, out var known))
        {
            return known;
        }

        var order = await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Number == key, cancellationToken);
        if (order is not null && caller.Party == PartyKind.Supplier && order.SupplierId != caller.OrganizationId)
        {
            order = null;
        }

        if (order is not null)
        {
            await CatalogueWrites.ClaimOrderAsync(db, order.Id, order.Status, cancellationToken);
        }

        orders[key] = order;
        return order;
    }

    private static string? Cell(ImportRow row, string field) => row.Cells.GetValueOrDefault(field) is { Length: > 0 } value ? value : null;

    private static int? Integer(ImportRow row, string field, string label, Action<string, string> fail)
    {
        var text = Cell(row, field);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        fail(field, $"{label}须为整数，而不是“{text}”。");
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    private static DateOnly? Date(ImportRow row, string field, Action<string, string> fail)
    {
        var text = Cell(row, field);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fail(field, $"日期格式应为 2026-11-01 或 2026/11/1，而不是“{text}”。");
        return null;
    }
}
