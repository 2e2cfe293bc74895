namespace AfterSales.Domain.Assets;

/// <summary>安装地点: where the asset runs; drives same-city vs other-city arrival targets later (R-EXE-2).</summary>
public sealed record InstallationSite(string City, string Address);

/// <summary>
/// 设备: one installed unit (R-AST-1), created from an accepted order line. Its acceptance date starts warranty.
/// </summary>
public sealed class Asset
{
    private Asset()
    {
        Serial = string.Empty;
        Site = new InstallationSite(string.Empty, string.Empty);
    }

    public Asset(Guid id, string serial, Guid productId, Guid orderId, int orderLineNo, Guid customerId, Guid supplierId, InstallationSite site, string? batch = null, Guid? dealerId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serial);
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
