using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum ReplenishmentStatus
{
    /// <summary>已下单</summary>
    Ordered,

    /// <summary>已到货入库</summary>
    Received,

    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>
/// 补货单: parts ordered into a warehouse when stock runs out, expected within the part's lead time — at most 7 days
/// for a standard part, the disclosed production time for a custom one (R-EXE-4, R-QUO-4). Receiving it puts a batch
/// into stock.
/// </summary>
public sealed class ReplenishmentOrder
{
    private ReplenishmentOrder()
    {
        Number = string.Empty;
        PartNumber = string.Empty;
        OrderedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>BH-2026-000001 (补货).</summary>
    public string Number { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    public Guid WarehouseId { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>The request that ran out, when the replenishment is for one.</summary>
    public Guid? ServiceRequestId { get; private set; }

    public ReplenishmentStatus Status { get; private set; }

    public DateTimeOffset OrderedAt { get; private set; }

    public string OrderedBy { get; private set; }

    /// <summary>Ordered day (Asia/Shanghai) + the part's lead time.</summary>
    public DateOnly ExpectedArrivalOn { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public string? BatchNumber { get; private set; }

    public int Version { get; private set; }

    public bool IsLate(DateTimeOffset now) => Status == ReplenishmentStatus.Ordered && ServiceZone.DateOf(now) > ExpectedArrivalOn;

    public static ReplenishmentOrder Place(Guid id, string number, SparePart part, Warehouse warehouse, int? quantity, Guid? requestId, string by, DateTimeOffset now)
    {
        InvalidInput.Require(quantity is > 0 and <= 100_000, "quantity", "补货数量须为 1 到 100000 之间的整数。");
        if (part.SupplierId != warehouse.SupplierId)
        {
            throw new InvalidInput("warehouseId", "仓库与备件须属于同一供应商。");
        }

        return new ReplenishmentOrder
        {
            Id = id,
            Number = number,
            SupplierId = part.SupplierId,
            PartId = part.Id,
            PartNumber = part.PartNumber,
            WarehouseId = warehouse.Id,
            Quantity = quantity!.Value,
            ServiceRequestId = requestId,
            Status = ReplenishmentStatus.Ordered,
            OrderedAt = now,
            OrderedBy = by,
            ExpectedArrivalOn = ServiceZone.DateOf(now).AddDays(part.LeadTimeDays),
        };
    }

    /// <summary>到货入库: the batch arrives; the caller puts <see cref="Quantity"/> of it into the warehouse's stock.</summary>
    public string Receive(string? batchNumber, DateTimeOffset now)
    {
        if (Status != ReplenishmentStatus.Ordered)
        {
            throw new TransitionRefused("receive", Status.ToString(), "该补货单已到货或已取消。");
        }

        BatchNumber = Identifiers.Require(batchNumber, "batchNumber", "批次号", 60);
        Status = ReplenishmentStatus.Received;
        ReceivedAt = now;
        Version++;
        return BatchNumber;
    }
}

/// <summary>调拨: parts of one batch moved from one warehouse of a supplier to another (e.g. central → an engineer's van).</summary>
public sealed class StockTransfer
{
    private StockTransfer()
    {
        PartNumber = string.Empty;
        BatchNumber = string.Empty;
        By = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    public string BatchNumber { get; private set; }

    public Guid FromWarehouseId { get; private set; }

    public Guid ToWarehouseId { get; private set; }

    public int Quantity { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    /// <summary>Takes the quantity out of <paramref name="from"/> (only what is available) and puts it into <paramref name="to"/>.</summary>
    public static StockTransfer Make(Guid id, StockLevel from, StockLevel to, int? quantity, string by, DateTimeOffset now)
    {
        InvalidInput.Require(from.WarehouseId != to.WarehouseId, "toWarehouseId", "调出仓库与调入仓库不能相同。");
        if (from.PartId != to.PartId || from.BatchNumber != to.BatchNumber || from.SupplierId != to.SupplierId)
        {
            throw new InvalidOperationException("A transfer moves one batch of one part within one supplier.");
        }

        InvalidInput.Require(quantity is > 0 and <= 100_000, "quantity", "调拨数量须为 1 到 100000 之间的整数。");
        InvalidInput.Require(!from.Blocked, "batchNumber", "该批次已召回冻结，不能调拨（R-KPI-4）。");
        from.TakeOut(quantity!.Value);
        to.Receive(quantity.Value);
        return new StockTransfer
        {
            Id = id,
            SupplierId = from.SupplierId,
            PartId = from.PartId,
            PartNumber = from.PartNumber,
            BatchNumber = from.BatchNumber,
            FromWarehouseId = from.WarehouseId,
            ToWarehouseId = to.WarehouseId,
            Quantity = quantity.Value,
            At = now,
            By = by,
        };
    }
}
