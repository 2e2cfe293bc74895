using AfterSales.Domain.Common;

namespace AfterSales.Domain.Orders;

public enum OrderStatus
{
    /// <summary>已下单</summary>
    Placed,

    /// <summary>已发货/已到货, not yet accepted</summary>
    Delivered,

    /// <summary>已验收完成 — the only status a service request may be filed against (R-ORD-2).</summary>
    Accepted,

    Cancelled,
}

/// <summary>One line of a new order as the supplier states it; the product is already resolved from its catalogue.</summary>
public sealed record NewOrderLine(Guid ProductId, string Model, int? Quantity, Money.Money? UnitPrice, string? Batch);

/// <summary>采购订单 (R-ORD-1).</summary>
public sealed class PurchaseOrder
{
    private List<OrderLine> _lines = [];

    private PurchaseOrder()
    {
        Number = string.Empty;
        Currency = Money.Money.Cny;
    }

    public PurchaseOrder(Guid id, string number, Guid customerId, Guid supplierId, DateTimeOffset placedAt, string currency = Money.Money.Cny, Guid? dealerId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        Id = id;
        Number = number.Trim();
        CustomerId = customerId;
        SupplierId = supplierId;
        DealerId = dealerId;
        PlacedAt = placedAt;
        Currency = currency;
        Status = OrderStatus.Placed;
    }

    public const int MaxLines = 200;
    public const int MaxQuantity = 100_000;
    public const decimal MaxUnitPrice = 100_000_000m;

    /// <summary>
    /// 下单 (R-ORD-1): a new order with its lines, every field checked and named (<c>lines[1].quantity</c>, zero-based as
    /// in the request body). Starts <see cref="OrderStatus.Placed"/>; its amount is the sum of the line totals.
    /// </summary>
    public static PurchaseOrder Place(Guid id, string? number, Guid customerId, Guid supplierId, Guid? dealerId, string? currency, int? contractWarrantyMonths,
        IReadOnlyList<NewOrderLine>? lines, DateTimeOffset placedAt, DateTimeOffset now)
    {
        var cleanNumber = Identifiers.Require(number, "number", "订单编号", 40);
        var cleanCurrency = string.IsNullOrWhiteSpace(currency) ? Money.Money.Cny : currency.Trim().ToUpperInvariant();
        InvalidInput.Require(cleanCurrency.Length == 3 && cleanCurrency.All(char.IsAsciiLetterUpper), "currency", "币种须为三位 ISO 代码，例如 CNY。");
        InvalidInput.Require(contractWarrantyMonths is null or (> 0 and <= 240), "contractWarrantyMonths", "合同质保期须为 1 到 240 个月；不填则按售后政策。");
        InvalidInput.Require(placedAt <= now, "placedAt", "下单时间不能晚于当前时间。");
        InvalidInput.Require(lines is { Count: > 0 }, "lines", "订单至少需要一行。");
        InvalidInput.Require(lines!.Count <= MaxLines, "lines", $"一张订单最多 {MaxLines} 行。");

        var order = new PurchaseOrder(id, cleanNumber, customerId, supplierId, placedAt, cleanCurrency, dealerId);
        if (contractWarrantyMonths is { } months)
        {
            order.SetContractWarranty(months);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"lines[{i}]";
            InvalidInput.Require(line.Quantity is > 0, $"{field}.quantity", "数量必须大于 0。");
            InvalidInput.Require(line.Quantity <= MaxQuantity, $"{field}.quantity", $"数量不能超过 {MaxQuantity}。");
            InvalidInput.Require(line.UnitPrice is not null, $"{field}.unitPrice", "请填写单价。");
            var price = line.UnitPrice!.Value;
            InvalidInput.Require(price.Amount >= 0, $"{field}.unitPrice", "单价不能为负数。");
            InvalidInput.Require(price.Amount == Money.Money.Round(price.Amount), $"{field}.unitPrice", "单价最多保留两位小数（分）。");
            InvalidInput.Require(price.Amount <= MaxUnitPrice, $"{field}.unitPrice", $"单价不能超过 {MaxUnitPrice:0}。");
            InvalidInput.Require(price.Currency == cleanCurrency, $"{field}.unitPrice.currency", $"订单行币种须与订单一致（{cleanCurrency}）。");
            var batch = InvalidInput.OptionalText(line.Batch, $"{field}.batch", "批次", 80);
            order.AddLine(line.ProductId, line.Model, line.Quantity!.Value, price, batch);
        }

        return order;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    /// <summary>The dealer who sold it, if sold through one (R-WTY-3).</summary>
    public Guid? DealerId { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>验收日期: the instant the customer signed the acceptance; warranty starts here (R-WTY-1).</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public string Currency { get; private set; }

    /// <summary>Contract warranty term, overriding the policy's category terms (R-WTY-1).</summary>
    public int? ContractWarrantyMonths { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public Money.Money Amount => Money.Money.Sum(_lines.Select(l => l.LineTotal), Currency);

    public OrderLine AddLine(Guid productId, string model, int quantity, Money.Money unitPrice, string? batch = null)
    {
        if (quantity <= 0)
        {
            throw new WorkflowRuleViolation("R-ORD-1", "订单行数量必须大于 0。");
        }

        if (!string.Equals(unitPrice.Currency, Currency, StringComparison.Ordinal))
        {
            throw new WorkflowRuleViolation("R-ORD-1", "订单行币种须与订单一致。");
        }

        var line = new OrderLine(_lines.Count + 1, productId, model, batch, quantity, unitPrice);
        _lines = [.. _lines, line];
        return line;
    }

    public void SetContractWarranty(int months)
    {
        if (months <= 0)
        {
            throw new WorkflowRuleViolation("R-WTY-1", "合同质保期必须为正数（月）。");
        }

        ContractWarrantyMonths = months;
    }

    public void MarkDelivered()
    {
        if (Status != OrderStatus.Placed)
        {
            throw new TransitionRefused("deliver", Status.ToString(), $"订单 {Number} 当前不是已下单状态，不能标记为已到货。");
        }

        Status = OrderStatus.Delivered;
    }

    /// <summary>已验收: the acceptance date starts every asset's warranty.</summary>
    public void Accept(DateTimeOffset acceptedAt)
    {
        EnsureAcceptable();
        InvalidInput.Require(acceptedAt >= PlacedAt, "acceptedAt", "验收时间不能早于下单时间。");
        Status = OrderStatus.Accepted;
        AcceptedAt = acceptedAt;
    }

    /// <summary>
    /// 确认验收 by the customer: the signed acceptance cannot lie in the future nor before the order was placed, because
    /// its date starts the warranty of every asset of the order (R-WTY-1).
    /// </summary>
    public void Accept(DateTimeOffset acceptedAt, DateTimeOffset now)
    {
        EnsureAcceptable();
        InvalidInput.Require(acceptedAt <= now, "acceptedAt", "验收时间不能晚于当前时间。");
        Accept(acceptedAt);
    }

    /// <summary>The acceptance date as the business reads it: the date in the service zone (Asia/Shanghai).</summary>
    public DateOnly? AcceptanceDate() => AcceptedAt is { } at ? ServiceZone.DateOf(at) : null;

    /// <summary>
    /// The line a new asset is registered on (R-AST-1): an asset is one unit of a line, so a line never holds more
    /// assets than its quantity, and a cancelled order gets none.
    /// </summary>
    public OrderLine LineForNewAsset(int? lineNo, int assetsAlreadyOnLine) => LineForNewAsset(lineNo, assetsAlreadyOnLine, 1);

    /// <summary>As above for <paramref name="units"/> units at once: a quantity line without serials counts as that many (R-AST-1).</summary>
    public OrderLine LineForNewAsset(int? lineNo, int assetsAlreadyOnLine, int units)
    {
        InvalidInput.Require(lineNo is not null, "lineNo", "请选择订单行。");
        var line = _lines.FirstOrDefault(l => l.LineNo == lineNo) ?? throw new InvalidInput("lineNo", $"订单 {Number} 没有第 {lineNo} 行。");
        if (Status == OrderStatus.Cancelled)
        {
            throw new WorkflowRuleViolation("R-AST-1", $"订单 {Number} 已取消，不能登记设备。");
        }

        if (assetsAlreadyOnLine + units > line.Quantity)
        {
            throw new WorkflowRuleViolation("R-AST-1", units == 1
                ? $"订单 {Number} 第 {line.LineNo} 行数量为 {line.Quantity}，已登记 {assetsAlreadyOnLine} 台设备，不能再登记。"
                : $"订单 {Number} 第 {line.LineNo} 行数量为 {line.Quantity}，已登记 {assetsAlreadyOnLine} 台设备，不能再登记 {units} 台。");
        }

        return line;
    }

    private void EnsureAcceptable()
    {
        if (Status is OrderStatus.Accepted or OrderStatus.Cancelled)
        {
            throw new TransitionRefused("accept", Status.ToString(), Status == OrderStatus.Accepted ? $"订单 {Number} 已验收，不能再次验收。" : $"订单 {Number} 已取消，不能验收。");
        }

        if (_lines.Count == 0)
        {
            throw new WorkflowRuleViolation("R-ORD-1", "没有订单行的订单不能验收。");
        }
    }
}

/// <summary>订单行: product, model, batch, quantity and unit price.</summary>
public sealed record OrderLine(int LineNo, Guid ProductId, string Model, string? Batch, int Quantity, Money.Money UnitPrice)
{
    public Money.Money LineTotal => UnitPrice.Times(Quantity);
}
