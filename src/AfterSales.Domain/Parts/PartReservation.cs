using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum ReservationStatus
{
    /// <summary>已预留</summary>
    Reserved,

    /// <summary>已出库</summary>
    Issued,

    /// <summary>已消耗（装机）</summary>
    Consumed,

    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>
/// 备件预留: parts of one batch in one warehouse promised to a service request (and, optionally, one of its work
/// orders), then issued (出库) — shipped or taken by the engineer — and consumed when fitted (R-EXE-4).
/// Reserved → Issued → Consumed; Reserved → Cancelled gives the stock back.
/// </summary>
public sealed class PartReservation
{
    private PartReservation()
    {
        ServiceRequestNumber = string.Empty;
        PartNumber = string.Empty;
        PartName = string.Empty;
        BatchNumber = string.Empty;
        ReservedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    /// <summary>The work order the parts are for, when work orders are used (no link enforced here).</summary>
    public Guid? WorkOrderId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    public string PartName { get; private set; }

    public Guid WarehouseId { get; private set; }

    public Guid StockLevelId { get; private set; }

    public string BatchNumber { get; private set; }

    public int Quantity { get; private set; }

    public ReservationStatus Status { get; private set; }

    public DateTimeOffset ReservedAt { get; private set; }

    public string ReservedBy { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public Guid? ShipmentId { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public int Version { get; private set; }

    /// <summary>Reserves on <paramref name="stock"/> (refused beyond what is available) and records the promise.</summary>
    public static PartReservation Place(Guid id, SparePart part, StockLevel stock, Guid supplierId, Guid customerId, Guid requestId, string requestNumber, Guid? workOrderId,
        int quantity, string by, DateTimeOffset now)
    {
        if (stock.PartId != part.Id)
        {
            throw new InvalidOperationException("The stock is of another part.");
        }

        stock.Reserve(quantity);
        return new PartReservation
        {
            Id = id,
            SupplierId = supplierId,
            CustomerId = customerId,
            ServiceRequestId = requestId,
            ServiceRequestNumber = requestNumber,
            WorkOrderId = workOrderId,
            PartId = part.Id,
            PartNumber = part.PartNumber,
            PartName = part.Name,
            WarehouseId = stock.WarehouseId,
            StockLevelId = stock.Id,
            BatchNumber = stock.BatchNumber,
            Quantity = quantity,
            Status = ReservationStatus.Reserved,
            ReservedAt = now,
            ReservedBy = by,
        };
    }

    /// <summary>出库: the reserved parts leave the warehouse (with a shipment, or in the engineer's hands).</summary>
    public void Issue(StockLevel stock, Guid? shipmentId, DateTimeOffset now)
    {
        Require(ReservationStatus.Reserved, "issue", "只有已预留的备件可以出库。");
        RequireStock(stock);
        stock.IssueReserved(Quantity);
        Status = ReservationStatus.Issued;
        IssuedAt = now;
        ShipmentId = shipmentId;
        Version++;
    }

    /// <summary>消耗: the issued parts were fitted.</summary>
    public void Consume(DateTimeOffset now)
    {
        Require(ReservationStatus.Issued, "consume", "只有已出库的备件可以登记消耗。");
        Status = ReservationStatus.Consumed;
        ConsumedAt = now;
        Version++;
    }

    /// <summary>取消预留: the parts go back to available stock.</summary>
    public void Cancel(StockLevel stock, string? reason, DateTimeOffset now)
    {
        Require(ReservationStatus.Reserved, "cancel", "只有尚未出库的预留可以取消。");
        RequireStock(stock);
        var cleanReason = InvalidInput.Text(reason, "reason", "取消原因", 500);
        stock.Release(Quantity);
        Status = ReservationStatus.Cancelled;
        CancelledAt = now;
        CancelReason = cleanReason;
        Version++;
    }

    private void Require(ReservationStatus status, string action, string message)
    {
        if (Status != status)
        {
            throw new TransitionRefused(action, Status.ToString(), message);
        }
    }

    private void RequireStock(StockLevel stock)
    {
        if (stock.Id != StockLevelId)
        {
            throw new InvalidOperationException("The stock is not the one reserved on.");
        }
    }
}
