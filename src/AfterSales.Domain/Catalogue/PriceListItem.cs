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
