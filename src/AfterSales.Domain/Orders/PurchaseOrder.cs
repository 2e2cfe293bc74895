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
            throw new TransitionRefused("deliver", Status.ToString(), "只有已下单的订单可以标记为已到货。");
        }

        Status = OrderStatus.Delivered;
    }

    /// <summary>已验收: the acceptance date starts every asset's warranty.</summary>
    public void Accept(DateTimeOffset acceptedAt)
    {
        if (Status is OrderStatus.Accepted or OrderStatus.Cancelled)
        {
            throw new TransitionRefused("accept", Status.ToString(), "订单已验收或已取消，不能再次验收。");
        }

        if (_lines.Count == 0)
        {
            throw new WorkflowRuleViolation("R-ORD-1", "没有订单行的订单不能验收。");
        }

        Status = OrderStatus.Accepted;
        AcceptedAt = acceptedAt;
    }
}

/// <summary>订单行: product, model, batch, quantity and unit price.</summary>
public sealed record OrderLine(int LineNo, Guid ProductId, string Model, string? Batch, int Quantity, Money.Money UnitPrice)
{
    public Money.Money LineTotal => UnitPrice.Times(Quantity);
}
