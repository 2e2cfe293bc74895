using AfterSales.Domain.Parts;

namespace AfterSales.Web.Features.Parts;

/// <summary>备件 in the catalogue with its stock across the supplier's warehouses (blocked batches not available).</summary>
public sealed record SparePartView(
    Guid Id,
    Guid SupplierId,
    string PartNumber,
    string Name,
    string Brand,
    IReadOnlyList<string> CompatibleModels,
    bool IsCustom,
    int LeadTimeDays,
    string LeadTimeDisclosure,
    string? Specification,
    int OnHand,
    int Reserved,
    int Available);

/// <summary>仓库 with its totals.</summary>
public sealed record WarehouseView(Guid Id, Guid SupplierId, string Code, string Name, WarehouseKind Kind, Guid? OwnerUserId, string? OwnerName, string? City, int OnHand, int Reserved, int Available);

/// <summary>库存: one batch of one part in one warehouse.</summary>
public sealed record StockRow(
    Guid Id,
    Guid WarehouseId,
    string WarehouseCode,
    string WarehouseName,
    WarehouseKind WarehouseKind,
    Guid PartId,
    string PartNumber,
    string PartName,
    string Brand,
    string BatchNumber,
    int OnHand,
    int Reserved,
    int Available,
    bool Blocked);

/// <summary>备件预留 for a request.</summary>
public sealed record ReservationView(
    Guid Id,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    Guid? WorkOrderId,
    Guid PartId,
    string PartNumber,
    string PartName,
    Guid WarehouseId,
    string WarehouseName,
    string BatchNumber,
    int Quantity,
    ReservationStatus Status,
    DateTimeOffset ReservedAt,
    string ReservedBy,
    DateTimeOffset? IssuedAt,
    Guid? ShipmentId,
    DateTimeOffset? ConsumedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason);

/// <summary>补货单 with its expected arrival and whether it is late.</summary>
public sealed record ReplenishmentView(
    Guid Id,
    string Number,
    Guid PartId,
    string PartNumber,
    Guid WarehouseId,
    string WarehouseName,
    int Quantity,
    ReplenishmentStatus Status,
    DateTimeOffset OrderedAt,
    string OrderedBy,
    DateOnly ExpectedArrivalOn,
    bool Late,
    DateTimeOffset? ReceivedAt,
    string? BatchNumber,
    Guid? ServiceRequestId);

/// <summary>调拨.</summary>
public sealed record TransferView(Guid Id, string PartNumber, string BatchNumber, Guid FromWarehouseId, string FromWarehouseName, Guid ToWarehouseId, string ToWarehouseName, int Quantity, DateTimeOffset At, string By);

/// <summary>破损报告.</summary>
public sealed record DamageReportView(
    Guid Id,
    Guid ShipmentId,
    string ShipmentNumber,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    string Description,
    IReadOnlyList<Guid> PhotoAttachmentIds,
    DamageReportStatus Status,
    DateTimeOffset ReportedAt,
    string ReportedBy,
    string? Resolution,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy);

/// <summary>备件发货 with its receipt check and, when damage was reported, the damage report.</summary>
public sealed record ShipmentView(
    Guid Id,
    string Number,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    Guid? WorkOrderId,
    Guid SupplierId,
    string SupplierName,
    Guid CustomerId,
    string CustomerName,
    string Carrier,
    string TrackingNumber,
    FreightPayer FreightPayer,
    string FreightBasis,
    IReadOnlyList<ShipmentLine> Lines,
    int TotalQuantity,
    ShipmentStatus Status,
    DateTimeOffset ShippedAt,
    string ShippedBy,
    DateTimeOffset? ReceivedAt,
    string? ReceivedBy,
    bool? ModelMatches,
    int? QuantityReceived,
    bool? Damaged,
    string? ReceiptNote,
    DamageReportView? DamageReport,
    bool CanCheckReceipt);

public sealed record SamplingItemView(Guid Id, int Sequence, Guid BatchId, string PartNumber, string BatchNumber, SamplingResult Result, string? Note, DateTimeOffset? RecordedAt, string? RecordedBy, BatchStatus BatchStatus, int BlockedOnHand);

/// <summary>季度抽检计划 (R-KPI-4).</summary>
public sealed record SamplingPlanView(
    Guid Id,
    Guid SupplierId,
    string SupplierName,
    int Year,
    int Quarter,
    string Label,
    int BatchesInQuarter,
    int SampleSize,
    int Passed,
    int Failed,
    int Pending,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<SamplingItemView> Items);

/// <summary>旧件返还 (R-DLR-2, R-DLR-3).</summary>
public sealed record OldPartReturnView(
    Guid Id,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    string PartNumber,
    string PartName,
    int Quantity,
    string HolderName,
    DateOnly DueOn,
    bool Overdue,
    string? ReturnBatch,
    OldPartReturnStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReceivedAt,
    string? ReceivedBy,
    DateTimeOffset? AppraisedAt,
    string? AppraisedBy,
    string? AppraisalNote,
    Guid? StoreroomWarehouseId);

/// <summary>A supplier's parts at a glance (or all suppliers' for the platform).</summary>
public sealed record PartsSummary(
    int Parts,
    int Warehouses,
    int OnHand,
    int Reserved,
    int Available,
    int PartsOutOfStock,
    int BlockedOnHand,
    int OpenReplenishments,
    int LateReplenishments,
    int ShipmentsInTransit,
    int OpenDamageReports,
    int OldPartsOwed,
    int OldPartsOverdue);

/// <summary>The parts of one service request: who pays freight, what is reserved, shipped and owed back.</summary>
public sealed record RequestPartsView(
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    FreightPayer FreightPayer,
    string FreightBasis,
    IReadOnlyList<ReservationView> Reservations,
    IReadOnlyList<ShipmentView> Shipments,
    IReadOnlyList<OldPartReturnView> OldPartReturns,
    bool CanReserve,
    bool CanShip,
    bool CanCheckReceipt);
