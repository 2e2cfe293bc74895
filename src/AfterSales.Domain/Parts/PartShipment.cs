using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.Parts;

/// <summary>Who pays the freight of a parts shipment (seed 000 物流与签收).</summary>
public enum FreightPayer
{
    /// <summary>供应商承担 (in warranty)</summary>
    Supplier,

    /// <summary>客户承担 (out of warranty, as agreed)</summary>
    Customer,
}

/// <summary>
/// R-EXE-4, seed 000: 质保期内供应商承担物流费用; 质保期外按约定承担运费. The judgement decides when there is one
/// (in warranty → supplier, paid → customer); before a judgement the warranty decision made at intake does.
/// </summary>
public static class FreightRules
{
    public static (FreightPayer Payer, string Basis) PayerFor(Judgement? judgement, WarrantyDecision? warranty) => judgement?.Outcome switch
    {
        JudgementOutcome.InWarranty => (FreightPayer.Supplier, "责任判定为质保范围内：物流费用由供应商承担（R-EXE-4）"),
        JudgementOutcome.Paid => (FreightPayer.Customer, "责任判定为非质保：运费按约定由客户承担（R-EXE-4）"),
        _ when warranty?.Covered == true => (FreightPayer.Supplier, "受理时质保判定为在保：物流费用由供应商承担（R-EXE-4）"),
        _ => (FreightPayer.Customer, "不在质保期内或尚未确认在保：运费按约定由客户承担（R-EXE-4）"),
    };
}

public enum ShipmentStatus
{
    /// <summary>已发货</summary>
    Shipped,

    /// <summary>已签收</summary>
    Received,

    /// <summary>签收有异议: wrong model, short, or damaged</summary>
    ReceivedWithIssues,
}

/// <summary>One reserved lot in a shipment.</summary>
public sealed record ShipmentLine(Guid ReservationId, string PartNumber, string PartName, string BatchNumber, int Quantity);

/// <summary>
/// 备件发货: parts issued for a service request and sent to the customer with a carrier and tracking number; who pays
/// the freight follows the warranty status. The customer checks model, quantity and damage on receipt (签收验货) and
/// reports damage with photos, which the supplier sees as a <see cref="DamageReport"/> (R-EXE-4, seed 000).
/// </summary>
public sealed class PartShipment
{
    private PartShipment()
    {
        Number = string.Empty;
        ServiceRequestNumber = string.Empty;
        Carrier = string.Empty;
        TrackingNumber = string.Empty;
        FreightBasis = string.Empty;
        ShippedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>FH-2026-000001 (发货).</summary>
    public string Number { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    public Guid? WorkOrderId { get; private set; }

    /// <summary>承运商, e.g. 顺丰速运, 京东物流.</summary>
    public string Carrier { get; private set; }

    /// <summary>物流单号 for the customer to track.</summary>
    public string TrackingNumber { get; private set; }

    public FreightPayer FreightPayer { get; private set; }

    public string FreightBasis { get; private set; }

    public IReadOnlyList<ShipmentLine> Lines { get; private set; } = [];

    public int TotalQuantity => Lines.Sum(l => l.Quantity);

    public ShipmentStatus Status { get; private set; }

    public DateTimeOffset ShippedAt { get; private set; }

    public string ShippedBy { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public string? ReceivedBy { get; private set; }

    public bool? ModelMatches { get; private set; }

    public int? QuantityReceived { get; private set; }

    public bool? Damaged { get; private set; }

    public string? ReceiptNote { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// 发货: issues every reservation (they must be this request's and still reserved) and records carrier, tracking
    /// number and the freight payer the request's warranty status decides.
    /// </summary>
    public static PartShipment Ship(Guid id, string number, ServiceRequest request, IReadOnlyList<(PartReservation Reservation, StockLevel Stock)> lots,
        string? carrier, string? trackingNumber, Guid? workOrderId, string by, DateTimeOffset now)
    {
        var cleanCarrier = InvalidInput.Text(carrier, "carrier", "承运商", 100);
        var tracking = Identifiers.Require(trackingNumber, "trackingNumber", "物流单号", 60);
        InvalidInput.Require(lots.Count > 0, "reservationIds", "请选择要发货的已预留备件。");
        for (var i = 0; i < lots.Count; i++)
        {
            InvalidInput.Require(lots[i].Reservation.ServiceRequestId == request.Id, $"reservationIds[{i}]", "只能发运本售后单预留的备件。");
        }

        var (payer, basis) = FreightRules.PayerFor(request.Judgement, request.Warranty);
        var shipment = new PartShipment
        {
            Id = id,
            Number = number,
            SupplierId = request.SupplierId,
            CustomerId = request.CustomerId,
            ServiceRequestId = request.Id,
            ServiceRequestNumber = request.Number,
            WorkOrderId = workOrderId,
            Carrier = cleanCarrier,
            TrackingNumber = tracking,
            FreightPayer = payer,
            FreightBasis = basis,
            Status = ShipmentStatus.Shipped,
            ShippedAt = now,
            ShippedBy = by,
        };
        var lines = new List<ShipmentLine>();
        foreach (var (reservation, stock) in lots)
        {
            reservation.Issue(stock, id, now);
            lines.Add(new ShipmentLine(reservation.Id, reservation.PartNumber, reservation.PartName, reservation.BatchNumber, reservation.Quantity));
        }

        shipment.Lines = lines;

        return shipment;
    }

    /// <summary>
    /// 签收验货: the customer confirms model, quantity and condition. A wrong model or a short delivery needs a note;
    /// damage needs photos and opens a <see cref="DamageReport"/> for the supplier (seed 000: 如有破损需当场拍摄照片反馈平台).
    /// </summary>
    public DamageReport? CheckReceipt(Guid damageReportId, bool? modelMatches, int? quantityReceived, bool? damaged, string? note,
        IReadOnlyList<Guid> photoAttachmentIds, string by, DateTimeOffset now)
    {
        if (Status != ShipmentStatus.Shipped)
        {
            throw new TransitionRefused("receive", Status.ToString(), "该发货单已签收。");
        }

        InvalidInput.Require(modelMatches is not null, "modelMatches", "请核对配件型号是否一致。");
        InvalidInput.Require(quantityReceived is >= 0 && quantityReceived <= 100_000, "quantityReceived", "请填写实收数量。");
        InvalidInput.Require(damaged is not null, "damaged", "请确认外观是否有破损。");
        var cleanNote = InvalidInput.OptionalText(note, "note", "签收说明", 1000);
        var issues = modelMatches == false || quantityReceived != TotalQuantity || damaged == true;
        InvalidInput.Require(!issues || cleanNote is not null, "note", "型号不符、数量不符或有破损时，请说明情况。");
        InvalidInput.Require(damaged != true || photoAttachmentIds.Count > 0, "photoAttachmentIds", "有破损时请上传现场照片（R-EXE-4）。");

        ModelMatches = modelMatches;
        QuantityReceived = quantityReceived;
        Damaged = damaged;
        ReceiptNote = cleanNote;
        ReceivedAt = now;
        ReceivedBy = by;
        Status = issues ? ShipmentStatus.ReceivedWithIssues : ShipmentStatus.Received;
        Version++;
        return damaged == true
            ? new DamageReport(damageReportId, this, cleanNote!, photoAttachmentIds, by, now)
            : null;
    }
}

public enum DamageReportStatus
{
    /// <summary>待处理</summary>
    Open,

    /// <summary>已处理</summary>
    Resolved,
}

/// <summary>破损报告: damage found on receipt, with photos, for the supplier to make good (R-EXE-4).</summary>
public sealed class DamageReport
{
    private DamageReport()
    {
        ShipmentNumber = string.Empty;
        ServiceRequestNumber = string.Empty;
        Description = string.Empty;
        ReportedBy = string.Empty;
    }

    internal DamageReport(Guid id, PartShipment shipment, string description, IReadOnlyList<Guid> photos, string by, DateTimeOffset now)
    {
        Id = id;
        ShipmentId = shipment.Id;
        ShipmentNumber = shipment.Number;
        SupplierId = shipment.SupplierId;
        CustomerId = shipment.CustomerId;
        ServiceRequestId = shipment.ServiceRequestId;
        ServiceRequestNumber = shipment.ServiceRequestNumber;
        Description = description;
        PhotoAttachmentIds = [.. photos.Distinct()];
        ReportedBy = by;
        ReportedAt = now;
        Status = DamageReportStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ShipmentId { get; private set; }

    public string ShipmentNumber { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    public string Description { get; private set; }

    public IReadOnlyList<Guid> PhotoAttachmentIds { get; private set; } = [];

    public DamageReportStatus Status { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string ReportedBy { get; private set; }

    public string? Resolution { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>处理破损: the supplier records what it did (e.g. 补发, 更换).</summary>
    public void Resolve(string? resolution, string by, DateTimeOffset now)
    {
        if (Status != DamageReportStatus.Open)
        {
            throw new TransitionRefused("resolve", Status.ToString(), "该破损报告已处理。");
        }

        Resolution = InvalidInput.Text(resolution, "resolution", "处理结果", 1000);
        ResolvedBy = by;
        ResolvedAt = now;
        Status = DamageReportStatus.Resolved;
        Version++;
    }
}
