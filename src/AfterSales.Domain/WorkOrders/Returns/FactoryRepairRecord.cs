using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.WorkOrders;

/// <summary>返厂维修的环节 (R-EXE-5), in the order they must happen.</summary>
public enum FactoryRepairStage
{
    /// <summary>待安排取件</summary>
    AwaitingPickup,

    /// <summary>已安排取件</summary>
    PickupBooked,

    /// <summary>已取件</summary>
    PickedUp,

    /// <summary>工厂已收货</summary>
    AtFactory,

    /// <summary>已维修</summary>
    Repaired,

    /// <summary>测试通过</summary>
    Tested,

    /// <summary>已寄回</summary>
    ShippedBack,

    /// <summary>客户已签收</summary>
    Delivered,
}

/// <summary>Whether a due instant was kept: not started yet, running, met, or late (done late or still open past it).</summary>
public enum DueState
{
    NotStarted,
    Running,
    Met,
    Late,
}

/// <summary>
/// 返厂维修记录 (R-EXE-5, seed 002 "接到返厂通知 24 小时内安排取件 … 维修完成后再次测试，3 个工作日内通过物流寄回客户处，
/// 并跟踪物流信息"): one per return-to-factory work order. Pickup is booked within 24 h of the work order's creation;
/// the repaired and tested unit is shipped back within 3 working days of its receipt at the factory, counted on the
/// working calendar (cn-9-18). Each stage is a verb, in order, with a timeline entry on the work order.
/// </summary>
public sealed class FactoryRepairRecord
{
    /// <summary>R-EXE-5: pickup arranged within 24 h of the return notice (the work order).</summary>
    public static readonly DeadlineTarget PickupTarget = DeadlineTarget.Hours(24);

    /// <summary>R-EXE-5: shipped back within 3 working days of receipt at the factory.</summary>
    public static readonly DeadlineTarget ReturnTarget = DeadlineTarget.WorkingDays(3);

    private FactoryRepairRecord()
    {
    }

    /// <summary>The work order's id (one record per work order).</summary>
    public Guid WorkOrderId { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid CustomerId { get; private set; }

    public FactoryRepairStage Stage { get; private set; }

    /// <summary>The work order's creation: the 24 h pickup runs from here.</summary>
    public DateTimeOffset NotifiedAt { get; private set; }

    public DateTimeOffset PickupDueAt { get; private set; }

    public DateTimeOffset? PickupBookedAt { get; private set; }

    public string? PickupCarrier { get; private set; }

    public string? PickupTracking { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset? ReceivedAtFactoryAt { get; private set; }

    /// <summary>3 working days from receipt at the factory, on the working calendar.</summary>
    public DateTimeOffset? ReturnDueAt { get; private set; }

    public DateTimeOffset? RepairedAt { get; private set; }

    /// <summary>维修内容: what was done.</summary>
    public string? RepairWork { get; private set; }

    public DateTimeOffset? TestedAt { get; private set; }

    public string? TestResult { get; private set; }

    public bool? TestPassed { get; private set; }

    public DateTimeOffset? ShippedBackAt { get; private set; }

    public string? ReturnCarrier { get; private set; }

    public string? ReturnTracking { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? DeliveredNote { get; private set; }

    /// <summary>Opens the record for a return-to-factory work order; the pickup is due 24 h after its creation.</summary>
    public static FactoryRepairRecord Start(WorkOrder order)
    {
        order.EnsureStageKind(WorkOrderKind.ReturnToFactory, "factoryRepair");
        return new FactoryRepairRecord
        {
            WorkOrderId = order.Id,
            ServiceRequestId = order.ServiceRequestId,
            SupplierId = order.SupplierId,
            CustomerId = order.CustomerId,
            Stage = FactoryRepairStage.AwaitingPickup,
            NotifiedAt = order.CreatedAt,
            PickupDueAt = DeadlineCalculator.DueAt(order.CreatedAt, PickupTarget, WorkingCalendars.AlwaysOpen),
        };
    }

    public DueState PickupState(DateTimeOffset now) => State(NotifiedAt, PickupBookedAt, PickupDueAt, now);

    public DueState ReturnState(DateTimeOffset now) => State(ReceivedAtFactoryAt, ShippedBackAt, ReturnDueAt, now);

    /// <summary>The stages <paramref name="by"/> may record now (the panel's buttons; the verbs decide).</summary>
    public IReadOnlyList<string> AllowedActions(WorkOrder order, Actor by)
    {
        if (order.Status == WorkOrderStatus.Cancelled)
        {
            return [];
        }

        var staff = order.IsSupplierStaff(by);
        var next = Stage switch
        {
            FactoryRepairStage.AwaitingPickup => "bookPickup",
            FactoryRepairStage.PickupBooked => "confirmPickup",
            FactoryRepairStage.PickedUp => "receiveAtFactory",
            FactoryRepairStage.AtFactory => "recordRepair",
            FactoryRepairStage.Repaired => "recordTest",
            FactoryRepairStage.Tested => "shipBack",
            FactoryRepairStage.ShippedBack => "confirmDelivery",
            _ => null,
        };
        return next is null || !(staff || (next == "confirmDelivery" && order.IsCustomer(by))) ? [] : [next];
    }

    /// <summary>安排取件 (R-EXE-5): carrier and tracking number, within 24 h of the work order.</summary>
    public void BookPickup(WorkOrder order, Actor by, string? carrier, string? tracking, DateTimeOffset now)
    {
        Ensure(order, by, "bookPickup", FactoryRepairStage.AwaitingPickup, "请先创建返厂记录。");
        PickupCarrier = InvalidInput.Text(carrier, "carrier", "承运商", 50);
        PickupTracking = InvalidInput.Text(tracking, "trackingNumber", "运单号", 50);
        PickupBookedAt = now;
        Stage = FactoryRepairStage.PickupBooked;
        order.NoteStage(by, "bookPickup",
            $"已安排取件：{PickupCarrier} {PickupTracking}；{Kept("取件", PickupDueAt, now)}", now);
    }

    /// <summary>已取件: the carrier has the unit.</summary>
    public void ConfirmPickup(WorkOrder order, Actor by, string? note, DateTimeOffset now)
    {
        Ensure(order, by, "confirmPickup", FactoryRepairStage.PickupBooked, "请先安排取件。");
        PickedUpAt = now;
        Stage = FactoryRepairStage.PickedUp;
        order.NoteStage(by, "confirmPickup", Join($"物流已取件（{PickupCarrier} {PickupTracking}）", note), now);
    }

    /// <summary>工厂收货: the 3 working days to ship back start here (R-EXE-5), counted on <paramref name="calendar"/>.</summary>
    public void ReceiveAtFactory(WorkOrder order, Actor by, string? note, DateTimeOffset now, WorkingCalendar calendar)
    {
        Ensure(order, by, "receiveAtFactory", FactoryRepairStage.PickedUp, "请先确认物流已取件。");
        ReceivedAtFactoryAt = now;
        ReturnDueAt = DeadlineCalculator.DueAt(now, ReturnTarget, calendar);
        Stage = FactoryRepairStage.AtFactory;
        order.NoteStage(by, "receiveAtFactory",
            Join($"工厂已收货，应于 {ServiceZone.ToLocal(ReturnDueAt.Value):yyyy-MM-dd HH:mm} 前寄回（3 个工作日）", note), now);
    }

    /// <summary>维修: what was done.</summary>
    public void RecordRepair(WorkOrder order, Actor by, string? work, DateTimeOffset now)
    {
        Ensure(order, by, "recordRepair", FactoryRepairStage.AtFactory, "工厂尚未收货。");
        RepairWork = InvalidInput.Text(work, "repairWork", "维修内容", 2000);
        RepairedAt = now;
        Stage = FactoryRepairStage.Repaired;
        order.NoteStage(by, "recordRepair", $"维修完成：{RepairWork}", now);
    }

    /// <summary>维修完成后再次测试 (R-EXE-5): a failed test sends the unit back to repair.</summary>
    public void RecordTest(WorkOrder order, Actor by, string? result, bool? passed, DateTimeOffset now)
    {
        Ensure(order, by, "recordTest", FactoryRepairStage.Repaired, "请先登记维修内容。");
        InvalidInput.Require(passed is not null, "passed", "请选择测试是否通过。");
        TestResult = InvalidInput.Text(result, "testResult", "测试结果", 1000);
        TestPassed = passed;
        TestedAt = now;
        Stage = passed!.Value ? FactoryRepairStage.Tested : FactoryRepairStage.AtFactory;
        order.NoteStage(by, "recordTest", passed.Value ? $"测试通过：{TestResult}" : $"测试未通过，须重新维修：{TestResult}", now);
    }

    /// <summary>寄回 (R-EXE-5): carrier and tracking, within 3 working days of receipt.</summary>
    public void ShipBack(WorkOrder order, Actor by, string? carrier, string? tracking, DateTimeOffset now)
    {
        Ensure(order, by, "shipBack", FactoryRepairStage.Tested, TestPassed == false ? "测试未通过，须重新维修并测试通过后才能寄回。" : "维修后须测试通过才能寄回。");
        ReturnCarrier = InvalidInput.Text(carrier, "carrier", "承运商", 50);
        ReturnTracking = InvalidInput.Text(tracking, "trackingNumber", "运单号", 50);
        ShippedBackAt = now;
        Stage = FactoryRepairStage.ShippedBack;
        order.NoteStage(by, "shipBack", $"已寄回客户：{ReturnCarrier} {ReturnTracking}；{Kept("寄回", ReturnDueAt!.Value, now)}", now);
    }

    /// <summary>客户签收: the customer (or supplier staff, from the carrier's proof) records delivery; the work order is done.</summary>
    public void ConfirmDelivery(WorkOrder order, Actor by, string? note, DateTimeOffset now)
    {
        Ensure(order, by, "confirmDelivery", FactoryRepairStage.ShippedBack, "设备尚未寄回。", customerMay: true);
        DeliveredNote = InvalidInput.OptionalText(note, "note", "备注", 1000);
        DeliveredAt = now;
        Stage = FactoryRepairStage.Delivered;
        order.NoteStage(by, "confirmDelivery", Join("客户已签收维修后的设备", DeliveredNote), now, completes: true);
    }

    private static DueState State(DateTimeOffset? started, DateTimeOffset? done, DateTimeOffset? due, DateTimeOffset now) =>
        started is null || due is null ? DueState.NotStarted
        : done is { } at ? (at <= due ? DueState.Met : DueState.Late)
        : now > due ? DueState.Late : DueState.Running;

    private static string Kept(string what, DateTimeOffset due, DateTimeOffset now) =>
        now <= due ? $"按时{what}（应于 {ServiceZone.ToLocal(due):yyyy-MM-dd HH:mm} 前）"
            : $"{what}超时 {WorkOrderNames.Duration((int)Math.Ceiling((now - due).TotalMinutes))}（应于 {ServiceZone.ToLocal(due):yyyy-MM-dd HH:mm} 前）";

    private static string Join(string text, string? note) =>
        InvalidInput.OptionalText(note, "note", "备注", 1000) is { } n ? $"{text}；{n}" : text;

    private void Ensure(WorkOrder order, Actor by, string action, FactoryRepairStage expected, string outOfOrder, bool customerMay = false)
    {
        if (!order.IsSupplierStaff(by) && !(customerMay && order.IsCustomer(by)))
        {
            throw new ActionNotPermitted(action, customerMay ? "只有该工单的客户或供应商人员可以登记签收。" : "只有本供应商的调度人员或该工单的工程师可以登记返厂环节。");
        }

        order.EnsureStageOpen(WorkOrderKind.ReturnToFactory, action);
        if (Stage != expected)
        {
            throw new TransitionRefused(action, Stage.ToString(), Stage > expected
                ? $"该环节已登记（当前：{ReturnStageNames.Factory(Stage)}）。"
                : $"返厂维修当前为「{ReturnStageNames.Factory(Stage)}」：{outOfOrder}");
        }
    }
}
