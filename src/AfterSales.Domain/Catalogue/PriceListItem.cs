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

    public PriceListItem(Guid id, Guid supplierId, string code, string name, QuoteLineKind kind, string unit, Money.Money unitPrice, DateOnly validFrom, DateOnly? validTo = null, int? leadTimeDays = null)
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
    }

    /// <summary>
    /// 发布价格: a new price-list entry (R-QUO-2) checked field by field — a price is never negative, stated to the
    /// fen, valid from a date (and to a later one), and a lead time is disclosed in whole days (R-QUO-4).
    /// </summary>
    public static PriceListItem Publish(Guid id, Guid supplierId, string? code, string? name, QuoteLineKind? kind, string? unit, Money.Money? unitPrice,
        DateOnly validFrom, DateOnly? validTo, int? leadTimeDays)
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
        return new PriceListItem(id, supplierId, cleanCode, cleanName, kind!.Value, cleanUnit, price, validFrom, validTo, leadTimeDays);
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

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}
