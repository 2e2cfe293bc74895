using AfterSales.Domain.WorkOrders;

namespace AfterSales.Web.Features.ReturnToFactory;

/// <summary>返厂维修记录 (R-EXE-5) as the API and the panel show it, with both due instants and whether each was kept.</summary>
public sealed record FactoryRepairView(
    Guid WorkOrderId,
    string WorkOrderNumber,
    FactoryRepairStage Stage,
    string StageLabel,
    DateTimeOffset NotifiedAt,
    DateTimeOffset PickupDueAt,
    DueState PickupState,
    DateTimeOffset? PickupBookedAt,
    string? PickupCarrier,
    string? PickupTracking,
    DateTimeOffset? PickedUpAt,
    DateTimeOffset? ReceivedAtFactoryAt,
    DateTimeOffset? ReturnDueAt,
    DueState ReturnState,
    DateTimeOffset? RepairedAt,
    string? RepairWork,
    DateTimeOffset? TestedAt,
    string? TestResult,
    bool? TestPassed,
    DateTimeOffset? ShippedBackAt,
    string? ReturnCarrier,
    string? ReturnTracking,
    DateTimeOffset? DeliveredAt,
    string? DeliveredNote,
    IReadOnlyList<string> AllowedActions)
{
    public static FactoryRepairView Of(WorkOrder order, FactoryRepairRecord r, IReadOnlyList<string> allowed, DateTimeOffset now) => new(
        r.WorkOrderId, order.Number, r.Stage, ReturnStageNames.Factory(r.Stage), r.NotifiedAt, r.PickupDueAt, r.PickupState(now), r.PickupBookedAt,
        r.PickupCarrier, r.PickupTracking, r.PickedUpAt, r.ReceivedAtFactoryAt, r.ReturnDueAt, r.ReturnState(now), r.RepairedAt, r.RepairWork,
        r.TestedAt, r.TestResult, r.TestPassed, r.ShippedBackAt, r.ReturnCarrier, r.ReturnTracking, r.DeliveredAt, r.DeliveredNote, allowed);
}

/// <summary>整机更换 (R-EXE-6) as the API and the panel show it.</summary>
public sealed record ReplacementView(
    Guid WorkOrderId,
    string WorkOrderNumber,
    ReplacementStage Stage,
    string StageLabel,
    string? OldSerial,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    string? ApprovalNote,
    DateTimeOffset? RefusedAt,
    string? RefusedBy,
    string? RefusalReason,
    string? NewSerial,
    DateTimeOffset? NewUnitDeliveredAt,
    string? FaultyCarrier,
    string? FaultyTracking,
    DateTimeOffset? FaultyShippedAt,
    DateTimeOffset? FaultyReceivedAt,
    DateTimeOffset? InspectedAt,
    string? InspectionResult,
    bool? FaultConfirmed,
    IReadOnlyList<string> AllowedActions)
{
    public static ReplacementView Of(WorkOrder order, UnitReplacement r, IReadOnlyList<string> allowed) => new(
        r.WorkOrderId, order.Number, r.Stage, ReturnStageNames.Replacement(r.Stage), r.OldSerial.Length == 0 ? null : r.OldSerial, r.ApprovedAt, r.ApprovedBy,
        r.ApprovalNote, r.RefusedAt, r.RefusedBy, r.RefusalReason, r.NewSerial, r.NewUnitDeliveredAt, r.FaultyCarrier, r.FaultyTracking, r.FaultyShippedAt, r.FaultyReceivedAt, r.InspectedAt,
        r.InspectionResult, r.FaultConfirmed, allowed);
}

/// <summary>An asset's replacement links (R-EXE-6): the serial that replaced it and the one it replaces.</summary>
public sealed record AssetReplacementView(string Serial, string? ReplacedBySerial, DateTimeOffset? ReplacedAt, string? ReplacesSerial, string? WorkOrderNumber, Guid? WorkOrderId);
