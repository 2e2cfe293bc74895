using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>
/// 下单 (R-ORD-1): a supplier records a purchase order of one of its customers — lines from its own catalogue, an
/// optional dealer who sold it (R-WTY-3) and an optional contract warranty term (R-WTY-1). A platform admin names the
/// supplier too. Order numbers are unique across the platform; the order starts as placed.
/// </summary>
public sealed class PlaceOrder(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record LineInput(Guid? ProductId, string? Model, int? Quantity, Domain.Money.Money? UnitPrice, string? Batch = null);

    public sealed record Command(
        string? Number,
        Guid? CustomerId,
        IReadOnlyList<LineInput>? Lines,
        Guid? DealerId = null,
        string? Currency = null,
        int? ContractWarrantyMonths = null,
        DateTimeOffset? PlacedAt = null,
        Guid? SupplierId = null);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var supplierId = await CatalogueWrites.ActingSupplierAsync(db, caller, Permissions.OrdersManage, command.SupplierId, "placeOrder", "您的角色不能录入采购订单。", cancellationToken);
        var fingerprint = CatalogueWrites.Fingerprint("placeOrder", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        // A supplier sees only its own customers and its own dealers (R-ROLE-1): anyone else is "not found" here.
        InvalidInput.Require(command.CustomerId is not null, "customerId", "请选择客户。");
        var customerKnown = await db.Organizations.AnyAsync(o => o.Id == command.CustomerId && o.Kind == PartyKind.Customer, cancellationToken);
        InvalidInput.Require(customerKnown, "customerId", "客户不存在或不是贵单位的客户。");
        if (command.DealerId is { } dealerId)
        {
            var dealerKnown = await db.Organizations.AnyAsync(o => o.Id == dealerId && o.Kind == PartyKind.Dealer && o.ParentSupplierId == supplierId, cancellationToken);
            InvalidInput.Require(dealerKnown, "dealerId", "经销商不存在或不属于该供应商。");
        }

        var lines = await ResolveLinesAsync(supplierId, command.Lines, cancellationToken);
        var now = clock.GetUtcNow();
        var order = PurchaseOrder.Place(Guid.CreateVersion7(now), command.Number, command.CustomerId!.Value, supplierId, command.DealerId, command.Currency,
            command.ContractWarrantyMonths, lines, command.PlacedAt ?? now, now);

        var duplicate = new DuplicateRecord("number", $"订单编号 {order.Number} 已存在。");
        Task<bool> Taken() => db.PurchaseOrders.IgnoreQueryFilters().AnyAsync(o => o.Number == order.Number, cancellationToken);
        if (await Taken())
        {
            throw duplicate;
        }

        db.PurchaseOrders.Add(order);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, order.Id, StatusCodes.Status201Created, now);
        }

        return await CatalogueWrites.SaveNewAsync(db, order.Id, Taken, duplicate, caller.UserId, idempotencyKey, fingerprint, cancellationToken);
    }

    /// <summary>Each line names a product of this supplier's catalogue by id or by model; all are loaded in one query.</summary>
    private async Task<List<NewOrderLine>> ResolveLinesAsync(Guid supplierId, IReadOnlyList<LineInput>? input, CancellationToken cancellationToken)
    {
        InvalidInput.Require(input is { Count: > 0 }, "lines", "订单至少需要一行。");
        InvalidInput.Require(input!.Count <= PurchaseOrder.MaxLines, "lines", $"一张订单最多 {PurchaseOrder.MaxLines} 行。");
        for (var i = 0; i < input.Count; i++)
        {
            InvalidInput.Require(input[i] is not null, $"lines[{i}]", "订单行不能为空。");
            InvalidInput.Require(input[i].ProductId is not null || !string.IsNullOrWhiteSpace(input[i].Model), $"lines[{i}].productId", "请选择产品（产品 ID 或型号）。");
        }

        var ids = input.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var models = input.Where(l => l.ProductId is null).Select(l => l.Model!.Trim()).Distinct().ToList();
        var products = await db.Products.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.SupplierId == supplierId && (ids.Contains(p.Id) || models.Contains(p.Model)))
            .Select(p => new { p.Id, p.Model })
            .ToListAsync(cancellationToken);

        var lines = new List<NewOrderLine>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            var line = input[i];
            var product = line.ProductId is { } id
                ? products.FirstOrDefault(p => p.Id == id) ?? throw new InvalidInput($"lines[{i}].productId", "该产品不在供应商的产品目录中。")
                : products.FirstOrDefault(p => p.Model == line.Model!.Trim()) ?? throw new InvalidInput($"lines[{i}].model", $"型号 {line.Model!.Trim()} 不在供应商的产品目录中。");
            InvalidInput.Require(line.ProductId is null || string.IsNullOrWhiteSpace(line.Model) || line.Model.Trim() == product.Model, $"lines[{i}].model",
                $"型号与所选产品不一致（应为 {product.Model}）。");
            lines.Add(new NewOrderLine(product.Id, product.Model, line.Quantity, line.UnitPrice, line.Batch));
        }

        return lines;
    }
}
