using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Catalogue;

/// <summary>
/// 价格表项目: a published price (R-QUO-2) — a part, an hour of labour, an on-site fee, travel or a service —
/// that a quote line can be built from, with its validity dates.
/// </summary>
public sealed class PriceListItem
{
    private PriceListItem()
    {
        Code = string.Empty;
        Name = string.Empty;
        Unit = string.Empty;
    }

    public PriceListItem(Guid id, Guid supplierId, string code, string name, QuoteLineKind kind, string unit, Money.Money unitPrice, DateOnly validFrom, DateOnly? validTo = null, int? leadTimeDays = null,
        Money.Money? minPrice = null, Money.Money? maxPrice = null, Money.Money? cost = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (unitPrice.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(unitPrice), "A price is never negative.");
        }

        Id = id;
        SupplierId = supplierId;
        Code = code.Trim();
        Name = name.Trim();
        Kind = kind;
        Unit = unit.Trim();
        UnitPrice = unitPrice;
        ValidFrom = validFrom;
        ValidTo = validTo;
        LeadTimeDays = leadTimeDays;
        MinPrice = minPrice ?? unitPrice;
        MaxPrice = maxPrice ?? unitPrice;
        CostMinor = cost?.MinorUnits;
    }

    /// <summary>
    /// 发布价格: a new price-list entry (R-QUO-2) checked field by field — a price is never negative, stated to the
    /// fen, valid from a date (and to a later one), and a lead time is disclosed in whole days (R-QUO-4).
    /// </summary>
    public static PriceListItem Publish(Guid id, Guid supplierId, string? code, string? name, QuoteLineKind? kind, string? unit, Money.Money? unitPrice,
        DateOnly validFrom, DateOnly? validTo, int? leadTimeDays, Money.Money? minPrice = null, Money.Money? maxPrice = null, Money.Money? cost = null)
    {
        var cleanCode = InvalidInput.Text(code, "code", "价格编码", 40);
        var cleanName = InvalidInput.Text(name, "name", "项目名称", 200);
        InvalidInput.Require(kind is not null, "kind", "请选择费用类别。");
        var cleanUnit = InvalidInput.Text(unit, "unit", "计价单位", 20);
        InvalidInput.Require(unitPrice is not null, "unitPrice", "请填写单价。");
        var price = unitPrice!.Value;
        InvalidInput.Require(price.Amount >= 0, "unitPrice", "单价不能为负数。");
        InvalidInput.Require(price.Amount == Money.Money.Round(price.Amount), "unitPrice", "单价最多保留两位小数（分）。");
        InvalidInput.Require(price.Amount <= MaxUnitPrice, "unitPrice", $"单价不能超过 {MaxUnitPrice:0} 元。");
        InvalidInput.Require(validTo is null || validTo >= validFrom, "validTo", "失效日期不能早于生效日期。");
        InvalidInput.Require(leadTimeDays is null or (>= 0 and <= 365), "leadTimeDays", "备件交期须为 0 到 365 天。");
        var (min, max, cleanCost) = CheckBand(price, minPrice, maxPrice, cost);
        return new PriceListItem(id, supplierId, cleanCode, cleanName, kind!.Value, cleanUnit, price, validFrom, validTo, leadTimeDays, min, max, cleanCost);
    }

    /// <summary>
    /// 调整价格 (R-QUO-2): name, unit, list price, band, cost, end date and lead time change in place; the code, kind and
    /// start stay (a new start is a new entry). Quotes already issued keep the prices they copied; the audit trail
    /// keeps every earlier value. A retired item is no longer edited.
    /// </summary>
    public void Revise(string? name, string? unit, Money.Money? unitPrice, DateOnly? validTo, int? leadTimeDays, Money.Money? minPrice, Money.Money? maxPrice, Money.Money? cost)
    {
        if (RetiredAt is not null)
        {
            throw new WorkflowRuleViolation("R-QUO-2", $"价格项目 {Code} 已停用，不能再修改；请发布新的价格项目。");
        }

        var cleanName = InvalidInput.Text(name, "name", "项目名称", 200);
        var cleanUnit = InvalidInput.Text(unit, "unit", "计价单位", 20);
        InvalidInput.Require(unitPrice is not null, "unitPrice", "请填写单价。");
        var price = unitPrice!.Value;
        InvalidInput.Require(price.Currency == UnitPrice.Currency, "unitPrice.currency", $"币种须为 {UnitPrice.Currency}。");
        InvalidInput.Require(price.Amount >= 0, "unitPrice", "单价不能为负数。");
        InvalidInput.Require(price.Amount == Money.Money.Round(price.Amount), "unitPrice", "单价最多保留两位小数（分）。");
        InvalidInput.Require(price.Amount <= MaxUnitPrice, "unitPrice", $"单价不能超过 {MaxUnitPrice:0} 元。");
        InvalidInput.Require(validTo is null || validTo >= ValidFrom, "validTo", "失效日期不能早于生效日期。");
        InvalidInput.Require(leadTimeDays is null or (>= 0 and <= 365), "leadTimeDays", "备件交期须为 0 到 365 天。");
        var (min, max, cleanCost) = CheckBand(price, minPrice, maxPrice, cost);
        Name = cleanName;
        Unit = cleanUnit;
        UnitPrice = price;
        ValidTo = validTo;
        LeadTimeDays = leadTimeDays;
        MinPrice = min;
        MaxPrice = max;
        CostMinor = cleanCost?.MinorUnits;
    }

    /// <summary>停用 (R-QUO-2): the item stays for the history of the quotes built from it, but can no longer be quoted.</summary>
    public void Retire(string by, DateTimeOffset now)
    {
        if (RetiredAt is not null)
        {
            throw new WorkflowRuleViolation("R-QUO-2", $"价格项目 {Code} 已于 {ServiceZone.ToLocal(RetiredAt.Value):yyyy-MM-dd HH:mm} 停用。");
        }

        RetiredAt = now;
        RetiredBy = by;
    }

    /// <summary>
    /// 按价目报价 (R-QUO-1, R-QUO-2): one quote line from this item. The price defaults to the list price and may be set
    /// anywhere inside the published band; outside it, or on an item retired, not yet valid or expired, the line is
    /// refused naming the line (<paramref name="index"/> is its place in the quote, from 0).
    /// </summary>
    public ServiceRequests.QuoteLine ToQuoteLine(int index, Guid supplierId, decimal quantity, Money.Money? unitPrice, string? description, DateOnly today)
    {
        var field = $"quote.lines[{index}]";
        var label = $"第 {index + 1} 行（{Code} {Name}）";
        InvalidInput.Require(SupplierId == supplierId, $"{field}.priceListItemId", $"{label}不是本单供应商的价格项目。");
        InvalidInput.Require(RetiredAt is null, $"{field}.priceListItemId", $"{label}已停用，不能再报价。");
        InvalidInput.Require(IsValidOn(today), $"{field}.priceListItemId",
            $"{label}不在有效期内（{ValidFrom:yyyy-MM-dd} 至 {(ValidTo is { } to ? to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "长期")}）。");
        var price = unitPrice ?? UnitPrice;
        InvalidInput.Require(price.Currency == UnitPrice.Currency, $"{field}.unitPrice.currency", $"{label}币种须为 {UnitPrice.Currency}。");
        InvalidInput.Require(price.Amount == Money.Money.Round(price.Amount), $"{field}.unitPrice", $"{label}单价最多保留两位小数（分）。");
        InvalidInput.Require(price.Amount >= MinPrice.Amount && price.Amount <= MaxPrice.Amount, $"{field}.unitPrice",
            $"{label}单价 {price.AmountText} 超出价格区间 {MinPrice.AmountText}–{MaxPrice.AmountText} 元。");
        var text = string.IsNullOrWhiteSpace(description) ? Name : description.Trim();
        return new ServiceRequests.QuoteLine(Kind, text, quantity, price) { PriceListItemId = Id, Code = Code, Unit = Unit };
    }

    /// <summary>The band holds the list price; the cost (成本价, R-QUO-2 "parts at cost") is never negative.</summary>
    private static (Money.Money Min, Money.Money Max, Money.Money? Cost) CheckBand(Money.Money price, Money.Money? minPrice, Money.Money? maxPrice, Money.Money? cost)
    {
        var min = minPrice ?? price;
        var max = maxPrice ?? price;
        InvalidInput.Require(min.Currency == price.Currency, "minPrice.currency", "价格区间币种须与单价一致。");
        InvalidInput.Require(max.Currency == price.Currency, "maxPrice.currency", "价格区间币种须与单价一致。");
        InvalidInput.Require(min.Amount >= 0 && min.Amount == Money.Money.Round(min.Amount), "minPrice", "最低价不能为负数，最多保留两位小数。");
        InvalidInput.Require(max.Amount == Money.Money.Round(max.Amount) && max.Amount <= MaxUnitPrice, "maxPrice", $"最高价最多保留两位小数，且不超过 {MaxUnitPrice:0} 元。");
        InvalidInput.Require(min.Amount <= price.Amount, "minPrice", "最低价不能高于单价。");
        InvalidInput.Require(max.Amount >= price.Amount, "maxPrice", "最高价不能低于单价。");
        if (cost is { } c)
        {
            InvalidInput.Require(c.Currency == price.Currency, "cost.currency", "成本价币种须与单价一致。");
            InvalidInput.Require(c.Amount >= 0 && c.Amount == Money.Money.Round(c.Amount) && c.Amount <= MaxUnitPrice, "cost", "成本价不能为负数，最多保留两位小数。");
        }

        return (min, max, cost);
    }

    /// <summary>Upper bound of one price: keeps every total well inside the stored minor units.</summary>
    public const decimal MaxUnitPrice = 100_000_000m;

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public QuoteLineKind Kind { get; private set; }

    /// <summary>计价单位: 件, 小时, 次, 公里 …</summary>
    public string Unit { get; private set; }

    public Money.Money UnitPrice { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>Spare-part lead time disclosed with a quote (R-QUO-4).</summary>
    public int? LeadTimeDays { get; private set; }

    /// <summary>价格区间: the lowest and highest price a quote may charge for this item (R-QUO-2).</summary>
    public Money.Money MinPrice { get; private set; }

    public Money.Money MaxPrice { get; private set; }

    /// <summary>成本价 in fen, if published: the supplier's own figure, never shown to customers.</summary>
    public long? CostMinor { get; private set; }

    public Money.Money? Cost => CostMinor is { } minor ? Money.Money.FromMinorUnits(minor, UnitPrice.Currency) : null;

    /// <summary>停用时间: a retired item is kept for history and refused on new quotes.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public string? RetiredBy { get; private set; }

    public bool IsQuotableOn(DateOnly date) => RetiredAt is null && IsValidOn(date);

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}
