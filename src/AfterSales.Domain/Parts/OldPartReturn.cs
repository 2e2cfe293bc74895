using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum OldPartReturnStatus
{
    /// <summary>待返还</summary>
    Owed,

    /// <summary>已收回，待鉴定</summary>
    Received,

    /// <summary>鉴定可利用，已入旧件库房</summary>
    Reusable,

    /// <summary>鉴定报废</summary>
    Scrapped,
}

/// <summary>
/// 旧件返还 (R-DLR-2, R-DLR-3, seed 004): a part replaced under warranty must come back to the company — kept by whoever
/// replaced it and returned by a due date or with a return batch (随车返回); the technical department receives it and
/// appraises it as reusable (into a storeroom) or scrap. Without it no cost write-off (R-DLR-2).
/// </summary>
public sealed class OldPartReturn
{
    /// <summary>When no return batch is named, the old part is due back within 30 days of the replacement.</summary>
    public const int DefaultReturnDays = 30;

    private OldPartReturn()
    {
        ServiceRequestNumber = string.Empty;
        PartNumber = string.Empty;
        PartName = string.Empty;
        HolderName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    public Guid ReservationId { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; }

    public string PartName { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>Who keeps the old part until it is returned (the engineer or dealer who replaced it).</summary>
    public string HolderName { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>返回批次, e.g. "2026 下半年" or the delivery truck it travels with.</summary>
    public string? ReturnBatch { get; private set; }

    public OldPartReturnStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public string? ReceivedBy { get; private set; }

    public DateTimeOffset? AppraisedAt { get; private set; }

    public string? AppraisedBy { get; private set; }

    public string? AppraisalNote { get; private set; }

    public Guid? StoreroomWarehouseId { get; private set; }

    public int Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == OldPartReturnStatus.Owed && ServiceZone.DateOf(now) > DueOn;

    /// <summary>The obligation a consumed in-warranty reservation creates (R-DLR-2).</summary>
    public static OldPartReturn Owe(Guid id, PartReservation reservation, string holder, DateTimeOffset now)
    {
        if (reservation.Status != ReservationStatus.Consumed)
        {
            throw new InvalidOperationException("Only a consumed part leaves an old part behind.");
        }

        return new OldPartReturn
        {
            Id = id,
            SupplierId = reservation.SupplierId,
            CustomerId = reservation.CustomerId,
            ServiceRequestId = reservation.ServiceRequestId,
            ServiceRequestNumber = reservation.ServiceRequestNumber,
            ReservationId = reservation.Id,
            PartId = reservation.PartId,
            PartNumber = reservation.PartNumber,
            PartName = reservation.PartName,
            Quantity = reservation.Quantity,
            HolderName = holder,
            DueOn = ServiceZone.DateOf(now).AddDays(DefaultReturnDays),
            Status = OldPartReturnStatus.Owed,
            CreatedAt = now,
        };
    }

    /// <summary>收回旧件: the company receives it, optionally noting the return batch it came with.</summary>
    public void Receive(string? returnBatch, string by, DateTimeOffset now)
    {
        Require(OldPartReturnStatus.Owed, "receive", "该旧件已收回。");
        ReturnBatch = InvalidInput.OptionalText(returnBatch, "returnBatch", "返回批次", 100) ?? ReturnBatch;
        ReceivedAt = now;
        ReceivedBy = by;
        Status = OldPartReturnStatus.Received;
        Version++;
    }

    /// <summary>技术部鉴定 (R-DLR-3): reusable → into <paramref name="storeroom"/>'s stock; scrap → 报废.</summary>
    public void Appraise(bool? reusable, Warehouse? storeroom, string? note, string by, DateTimeOffset now)
    {
        Require(OldPartReturnStatus.Received, "appraise", "旧件须先收回再鉴定。");
        InvalidInput.Require(reusable is not null, "reusable", "请选择鉴定结果：可利用或报废。");
        if (reusable == true)
        {
            InvalidInput.Require(storeroom is { Kind: WarehouseKind.Storeroom } && storeroom.SupplierId == SupplierId, "storeroomWarehouseId", "可利用的旧件须放入本供应商的旧件库房（R-DLR-3）。");
            StoreroomWarehouseId = storeroom!.Id;
        }

        AppraisalNote = InvalidInput.Text(note, "note", "鉴定意见", 1000);
        AppraisedAt = now;
        AppraisedBy = by;
        Status = reusable == true ? OldPartReturnStatus.Reusable : OldPartReturnStatus.Scrapped;
        Version++;
    }

    /// <summary>The batch a reusable old part is stocked under, so it is never mixed with new parts.</summary>
    public string StoreroomBatch => $"OLD-{ServiceRequestNumber}";

    private void Require(OldPartReturnStatus status, string action, string message)
    {
        if (Status != status)
        {
            throw new TransitionRefused(action, Status.ToString(), message);
        }
    }
}
