using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;

namespace AfterSales.Domain.Assets;

/// <summary>安装地点: where the asset runs; drives same-city vs other-city arrival targets later (R-EXE-2).</summary>
public sealed record InstallationSite(string City, string Address);

/// <summary>
/// 设备: one installed unit (R-AST-1), created from an accepted order line. Its acceptance date starts warranty.
/// </summary>
public sealed partial class Asset
{
    private Asset()
    {
        Serial = string.Empty;
        Site = new InstallationSite(string.Empty, string.Empty);
    }

    public Asset(Guid id, string serial, Guid productId, Guid orderId, int orderLineNo, Guid customerId, Guid supplierId, InstallationSite site, string? batch = null, Guid? dealerId = null,
        int quantity = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serial);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        Id = id;
        Serial = serial.Trim();
        ProductId = productId;
        OrderId = orderId;
        OrderLineNo = orderLineNo;
        CustomerId = customerId;
        SupplierId = supplierId;
        DealerId = dealerId;
        Site = site;
        Batch = batch;
        Quantity = quantity;
    }

    /// <summary>
    /// 登记设备 (R-AST-1): one unit of an order line gets its serial and installation site. The batch defaults to the
    /// line's; an asset of an accepted order takes the order's acceptance date so its warranty has started (R-WTY-1);
    /// a dealer-sold order's asset records the dealer and the date of sale (R-WTY-3).
    /// </summary>
    /// <remarks>
    /// A quantity line (数量行, <paramref name="quantity"/> above 1) stands for units that carry no serial of their own
    /// (sensors, consumables): its serial is the record's device number and it counts as that many units of the line.
    /// </remarks>
    public static Asset Register(Guid id, string? serial, PurchaseOrder order, int? lineNo, int assetsAlreadyOnLine, string? siteCity, string? siteAddress,
        string? batch, DateOnly? soldOn, DateOnly today, int? quantity = null)
    {
        var cleanSerial = Identifiers.Require(serial, "serial", "设备编号", 80);
        InvalidInput.Require(quantity is null or (>= 1 and <= PurchaseOrder.MaxQuantity), "quantity", $"数量须为 1 到 {PurchaseOrder.MaxQuantity} 之间的整数。");
        var units = quantity ?? 1;
        var city = InvalidInput.Text(siteCity, "siteCity", "安装城市", 100);
        var address = InvalidInput.Text(siteAddress, "siteAddress", "安装地址", 300);
        var cleanBatch = InvalidInput.OptionalText(batch, "batch", "批次", 80);
        var line = order.LineForNewAsset(lineNo, assetsAlreadyOnLine, units);
        var asset = new Asset(id, cleanSerial, line.ProductId, order.Id, line.LineNo, order.CustomerId, order.SupplierId, new InstallationSite(city, address), cleanBatch ?? line.Batch,
            quantity: units);
        if (order.AcceptanceDate() is { } acceptedOn)
        {
            asset.RecordAcceptance(acceptedOn);
        }

        if (order.DealerId is { } dealer)
        {
            var placedOn = ServiceZone.DateOf(order.PlacedAt);
            var saleDate = soldOn ?? placedOn;
            InvalidInput.Require(saleDate >= placedOn && saleDate <= today, "soldOn", "销售日期须在下单日与今天之间。");
            asset.RecordDealerSale(dealer, saleDate);
        }
        else
        {
            InvalidInput.Require(soldOn is null, "soldOn", "该订单不是经销商销售，不需要销售日期。");
        }

        return asset;
    }

    public Guid Id { get; private set; }

    /// <summary>设备编号 / serial number, unique across the platform.</summary>
    public string Serial { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid OrderId { get; private set; }

    public int OrderLineNo { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid? DealerId { get; private set; }

    /// <summary>
    /// Units this record stands for: 1 for a serial-numbered device; more for a quantity line whose units carry no
    /// serial (R-AST-1). A line holds no more units than its ordered quantity.
    /// </summary>
    public int Quantity { get; private set; } = 1;

    /// <summary>A quantity line (数量行): units without a serial of their own.</summary>
    public bool IsQuantityLine => Quantity > 1;

    public string? Batch { get; private set; }

    public InstallationSite Site { get; private set; }

    /// <summary>验收日期 in the service zone; null until the order is accepted (R-WTY-1).</summary>
    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>Date of sale by a dealer; with <see cref="WarrantyCardRegisteredOn"/> decides R-WTY-3.</summary>
    public DateOnly? SoldOn { get; private set; }

    /// <summary>三包回执卡 received by the company (R-WTY-3).</summary>
    public DateOnly? WarrantyCardRegisteredOn { get; private set; }

    public void RecordAcceptance(DateOnly acceptedOn) => AcceptedOn = acceptedOn;

    public void RecordDealerSale(Guid dealerId, DateOnly soldOn)
    {
        DealerId = dealerId;
        SoldOn = soldOn;
    }

    public void RegisterWarrantyCard(DateOnly registeredOn) => WarrantyCardRegisteredOn = registeredOn;
}
