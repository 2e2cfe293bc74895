using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.WorkOrders;

/// <summary>整机更换的环节 (R-EXE-6), in order.</summary>
public enum ReplacementStage
{
    /// <summary>待经理审批</summary>
    AwaitingApproval,

    /// <summary>已审批</summary>
    Approved,

    /// <summary>新机已交付（序列号已登记）</summary>
    NewUnitDelivered,

    /// <summary>故障机已寄回</summary>
    FaultyShipped,

    /// <summary>故障机已收货</summary>
    FaultyReceived,

    /// <summary>故障机已检测</summary>
    Inspected,

    /// <summary>经理已驳回 (the replacement work order is cancelled with it)</summary>
    Refused,
}

/// <summary>
/// 整机更换 (R-EXE-6, seed 003 "符合整机更换条件的，经工厂售后部门审批后，为客户更换同型号、同规格的全新产品，客户需退回故障产品，
/// 工厂对故障产品进行回收、检测、整改"): a supplier manager approves before the work order is dispatched; the new unit's
/// serial is recorded and linked to the old one on the asset record; the faulty unit comes back with tracking and is
/// inspected. One record per replacement work order.
/// </summary>
public sealed class UnitReplacement
{
    private UnitReplacement()
    {
        OldSerial = string.Empty;
    }

    public Guid WorkOrderId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The replaced asset (the request's), when the request names one.</summary>
    public Guid? AssetId { get; private set; }

    public string OldSerial { get; private set; }

    public ReplacementStage Stage { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public string? ApprovalNote { get; private set; }

    public DateTimeOffset? RefusedAt { get; private set; }

    public string? RefusedBy { get; private set; }

    /// <summary>驳回理由: why the manager refused the replacement (the customer reads it on the work order).</summary>
    public string? RefusalReason { get; private set; }

    public string? NewSerial { get; private set; }

    public DateTimeOffset? NewUnitDeliveredAt { get; private set; }

    public string? FaultyCarrier { get; private set; }

    public string? FaultyTracking { get; private set; }

    public DateTimeOffset? FaultyShippedAt { get; private set; }

    public DateTimeOffset? FaultyReceivedAt { get; private set; }

    public DateTimeOffset? InspectedAt { get; private set; }

    /// <summary>检测结论 of the faulty unit.</summary>
    public string? InspectionResult { get; private set; }

    /// <summary>Whether the inspection confirmed the reported fault.</summary>
    public bool? FaultConfirmed { get; private set; }

    /// <summary>Opens the record for a replacement work order of the request's asset (serial <paramref name="oldSerial"/>).</summary>
    public static UnitReplacement Start(WorkOrder order, Guid? assetId, string? oldSerial)
    {
        order.EnsureStageKind(WorkOrderKind.Replacement, "replacement");
        return new UnitReplacement
        {
            WorkOrderId = order.Id,
            ServiceRequestId = order.ServiceRequestId,
            SupplierId = order.SupplierId,
            CustomerId = order.CustomerId,
            AssetId = assetId,
            OldSerial = oldSerial ?? string.Empty,
            Stage = ReplacementStage.AwaitingApproval,
        };
    }

    /// <summary>R-EXE-6: a replacement work order is dispatched only once a manager approved it.</summary>
    public static void EnsureMayDispatch(WorkOrder order, UnitReplacement? record)
    {
        if (order.Kind == WorkOrderKind.Replacement && record?.ApprovedAt is null)
        {
            throw new WorkflowRuleViolation("R-EXE-6", "整机更换须经供应商售后经理审批后才能派工。");
        }
    }

    /// <summary>The stages <paramref name="by"/> may record now (the panel's buttons; the verbs decide).</summary>
    public static IReadOnlyList<string> AllowedActions(WorkOrder order, UnitReplacement? record, Actor by)
    {
        if (order.Status == WorkOrderStatus.Cancelled)
        {
            return [];
        }

        var stage = record?.Stage ?? ReplacementStage.AwaitingApproval;
        return stage switch
        {
            ReplacementStage.AwaitingApproval when MayApprove(order, by) => ["approveReplacement", "refuseReplacement"],
            ReplacementStage.Approved when order.IsSupplierStaff(by) => ["recordNewUnit"],
            ReplacementStage.NewUnitDelivered when order.IsSupplierStaff(by) || order.IsCustomer(by) => ["shipFaultyUnit"],
            ReplacementStage.FaultyShipped when order.IsSupplierStaff(by) => ["receiveFaultyUnit"],
            ReplacementStage.FaultyReceived when order.IsSupplierStaff(by) => ["inspectFaultyUnit"],
            _ => [],
        };
    }

    /// <summary>审批 (R-EXE-6): a supplier manager (workOrders.approveReplacement) approves the whole-unit replacement.</summary>
    public void Approve(WorkOrder order, Actor by, string? note, DateTimeOffset now)
    {
        EnsureManagerDecides(order, by, "approveReplacement", "审批");
        ApprovalNote = InvalidInput.OptionalText(note, "note", "审批意见", 1000);
        ApprovedAt = now;
        ApprovedBy = by.Name;
        Stage = ReplacementStage.Approved;
        order.NoteStage(by, "approveReplacement", ApprovalNote is null ? "经理已审批整机更换" : $"经理已审批整机更换：{ApprovalNote}", now);
    }

    /// <summary>
    /// 驳回 (R-EXE-6): the manager refuses the replacement with a reason — the unit does not meet the replacement
    /// conditions, say — and the replacement work order is cancelled; the request goes on with another kind of work.
    /// </summary>
    public void Refuse(WorkOrder order, Actor by, string? reason, DateTimeOffset now)
    {
        EnsureManagerDecides(order, by, "refuseReplacement", "驳回");
        RefusalReason = InvalidInput.Text(reason, "reason", "驳回理由", 1000);
        RefusedAt = now;
        RefusedBy = by.Name;
        Stage = ReplacementStage.Refused;
        order.CancelAtStage(by, "refuseReplacement", $"经理驳回整机更换：{RefusalReason}", now);
    }

    /// <summary>新机交付: the new unit's serial; the caller links it to the old asset.</summary>
    public void RecordNewUnit(WorkOrder order, Actor by, string? newSerial, DateTimeOffset now)
    {
        EnsureStaff(order, by, "recordNewUnit");
        EnsureStage(order, "recordNewUnit", ReplacementStage.Approved, "整机更换尚未经经理审批。");
        var serial = Identifiers.Require(newSerial, "newSerial", "新机序列号", 80);
        InvalidInput.Require(!string.Equals(serial, OldSerial, StringComparison.OrdinalIgnoreCase), "newSerial", "新机序列号不能与原设备相同。");
        NewSerial = serial;
        NewUnitDeliveredAt = now;
        Stage = ReplacementStage.NewUnitDelivered;
        order.NoteStage(by, "recordNewUnit", $"新机已交付：序列号 {serial}（替换 {(OldSerial.Length > 0 ? OldSerial : "原设备")}）", now);
    }

    /// <summary>故障机寄回: carrier and tracking (the customer or the supplier books it).</summary>
    public void ShipFaultyUnit(WorkOrder order, Actor by, string? carrier, string? tracking, DateTimeOffset now)
    {
        if (!order.IsSupplierStaff(by) && !order.IsCustomer(by))
        {
            throw new ActionNotPermitted("shipFaultyUnit", "只有该工单的客户或供应商人员可以登记故障机寄回。");
        }

        EnsureStage(order, "shipFaultyUnit", ReplacementStage.NewUnitDelivered, "请先登记新机序列号。");
        FaultyCarrier = InvalidInput.Text(carrier, "carrier", "承运商", 50);
        FaultyTracking = InvalidInput.Text(tracking, "trackingNumber", "运单号", 50);
        FaultyShippedAt = now;
        Stage = ReplacementStage.FaultyShipped;
        order.NoteStage(by, "shipFaultyUnit", $"故障机已寄回：{FaultyCarrier} {FaultyTracking}", now);
    }

    /// <summary>故障机收货.</summary>
    public void ReceiveFaultyUnit(WorkOrder order, Actor by, string? note, DateTimeOffset now)
    {
        EnsureStaff(order, by, "receiveFaultyUnit");
        EnsureStage(order, "receiveFaultyUnit", ReplacementStage.FaultyShipped, "故障机尚未寄回。");
        FaultyReceivedAt = now;
        Stage = ReplacementStage.FaultyReceived;
        var text = InvalidInput.OptionalText(note, "note", "备注", 1000);
        order.NoteStage(by, "receiveFaultyUnit", text is null ? "工厂已收到故障机" : $"工厂已收到故障机；{text}", now);
    }

    /// <summary>故障机检测 (R-EXE-6): the result is recorded and the work order is done.</summary>
    public void Inspect(WorkOrder order, Actor by, string? result, bool? faultConfirmed, DateTimeOffset now)
    {
        EnsureStaff(order, by, "inspectFaultyUnit");
        EnsureStage(order, "inspectFaultyUnit", ReplacementStage.FaultyReceived, "工厂尚未收到故障机。");
        InvalidInput.Require(faultConfirmed is not null, "faultConfirmed", "请选择检测是否确认故障。");
        InspectionResult = InvalidInput.Text(result, "inspectionResult", "检测结论", 2000);
        FaultConfirmed = faultConfirmed;
        InspectedAt = now;
        Stage = ReplacementStage.Inspected;
        order.NoteStage(by, "inspectFaultyUnit", $"故障机检测{(faultConfirmed!.Value ? "确认故障" : "未复现故障")}：{InspectionResult}", now, completes: true);
    }

    /// <summary>Approving and refusing are the supplier manager's, and only while the replacement awaits the decision.</summary>
    private void EnsureManagerDecides(WorkOrder order, Actor by, string action, string verb)
    {
        if (!MayApprove(order, by))
        {
            throw new ActionNotPermitted(action, $"只有本供应商的售后经理可以{verb}整机更换。");
        }

        EnsureStage(order, action, ReplacementStage.AwaitingApproval, string.Empty);
    }

    private static bool MayApprove(WorkOrder order, Actor by) =>
        by.Party == PartyKind.Supplier && by.OrganizationId == order.SupplierId && by.Has(Permissions.WorkOrdersApproveReplacement);

    private static void EnsureStaff(WorkOrder order, Actor by, string action)
    {
        if (!order.IsSupplierStaff(by))
        {
            throw new ActionNotPermitted(action, "只有本供应商的调度人员或该工单的工程师可以登记整机更换环节。");
        }
    }

    private void EnsureStage(WorkOrder order, string action, ReplacementStage expected, string outOfOrder)
    {
        order.EnsureStageOpen(WorkOrderKind.Replacement, action);
        if (Stage != expected)
        {
            throw new TransitionRefused(action, Stage.ToString(), Stage > expected
                ? $"该环节已登记（当前：{ReturnStageNames.Replacement(Stage)}）。"
                : $"整机更换当前为「{ReturnStageNames.Replacement(Stage)}」：{outOfOrder}");
        }
    }
}

/// <summary>The Chinese words for the return-to-factory and replacement stages and their timeline entries.</summary>
public static class ReturnStageNames
{
    public static string Factory(FactoryRepairStage stage) => stage switch
    {
        FactoryRepairStage.AwaitingPickup => "待安排取件",
        FactoryRepairStage.PickupBooked => "已安排取件",
        FactoryRepairStage.PickedUp => "已取件",
        FactoryRepairStage.AtFactory => "工厂已收货",
        FactoryRepairStage.Repaired => "已维修",
        FactoryRepairStage.Tested => "测试通过",
        FactoryRepairStage.ShippedBack => "已寄回",
        _ => "客户已签收",
    };

    public static string Replacement(ReplacementStage stage) => stage switch
    {
        ReplacementStage.AwaitingApproval => "待经理审批",
        ReplacementStage.Approved => "已审批",
        ReplacementStage.NewUnitDelivered => "新机已交付",
        ReplacementStage.FaultyShipped => "故障机已寄回",
        ReplacementStage.FaultyReceived => "故障机已收货",
        ReplacementStage.Refused => "经理已驳回",
        _ => "故障机已检测",
    };

    /// <summary>Timeline labels of the stage entries; any other action name is returned as is.</summary>
    public static string Entry(string action) => action switch
    {
        "bookPickup" => "安排取件",
        "confirmPickup" => "已取件",
        "receiveAtFactory" => "工厂收货",
        "recordRepair" => "维修",
        "recordTest" => "测试",
        "shipBack" => "寄回",
        "confirmDelivery" => "客户签收",
        "approveReplacement" => "审批整机更换",
        "refuseReplacement" => "驳回整机更换",
        "recordNewUnit" => "新机交付",
        "shipFaultyUnit" => "故障机寄回",
        "receiveFaultyUnit" => "故障机收货",
        "inspectFaultyUnit" => "故障机检测",
        _ => action,
    };
}
