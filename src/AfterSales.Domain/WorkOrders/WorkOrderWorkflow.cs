using AfterSales.Domain.Organizations;

namespace AfterSales.Domain.WorkOrders;

/// <summary>工单类型 (issue 6 §1): one work order per execution of a service request.</summary>
public enum WorkOrderKind
{
    /// <summary>远程服务 (R-EXE-1)</summary>
    Remote,

    /// <summary>上门服务 (R-EXE-2)</summary>
    OnSite,

    /// <summary>备件寄送 (R-EXE-4)</summary>
    PartsShipment,

    /// <summary>返厂维修 (R-EXE-5)</summary>
    ReturnToFactory,

    /// <summary>整机更换 (R-EXE-6)</summary>
    Replacement,

    /// <summary>备用机 (R-EXE-7)</summary>
    Loaner,

    /// <summary>巡检 (R-MNT-1)</summary>
    Inspection,
}

/// <summary>工单状态.</summary>
public enum WorkOrderStatus
{
    /// <summary>已创建</summary>
    Created,

    /// <summary>已排期</summary>
    Scheduled,

    /// <summary>已派工</summary>
    Dispatched,

    /// <summary>执行中 (已签到)</summary>
    InProgress,

    /// <summary>待客户确认 (remote, R-EXE-1)</summary>
    AwaitingConfirmation,

    /// <summary>已完成</summary>
    Done,

    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>工单动作: each one a route segment of <c>POST /work-orders/{id}/{action}</c>.</summary>
public enum WorkOrderAction
{
    Schedule,
    Dispatch,
    Authorize,
    CheckIn,
    Record,
    SignRepairSheet,
    CheckOut,
    Confirm,
    Cancel,
}

/// <summary>远程服务确认结果 (R-EXE-1).</summary>
public enum RemoteOutcome
{
    /// <summary>已完成</summary>
    Completed,

    /// <summary>需后续跟进</summary>
    NeedsFollowUp,
}

/// <summary>
/// The one transition table of a work order (issue 6 §1), who takes each action and with which permission. Recording
/// verbs (notes, steps, test run, signature) keep the status; nothing else decides whether a move is allowed.
/// </summary>
public static class WorkOrderWorkflow
{
    private static readonly WorkOrderStatus[] BeforeWork = [WorkOrderStatus.Created, WorkOrderStatus.Scheduled, WorkOrderStatus.Dispatched];

    public static IReadOnlyDictionary<(WorkOrderStatus From, WorkOrderAction Action), WorkOrderStatus[]> Transitions { get; } = new Dictionary<(WorkOrderStatus, WorkOrderAction), WorkOrderStatus[]>
    {
        [(WorkOrderStatus.Created, WorkOrderAction.Schedule)] = [WorkOrderStatus.Scheduled],
        [(WorkOrderStatus.Scheduled, WorkOrderAction.Schedule)] = [WorkOrderStatus.Scheduled],
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Schedule)] = [WorkOrderStatus.Dispatched],

        // R-EXE-2: an engineer is chosen (and may be replaced) until the work starts.
        [(WorkOrderStatus.Created, WorkOrderAction.Dispatch)] = [WorkOrderStatus.Dispatched],
        [(WorkOrderStatus.Scheduled, WorkOrderAction.Dispatch)] = [WorkOrderStatus.Dispatched],
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Dispatch)] = [WorkOrderStatus.Dispatched],

        // R-EXE-1: the customer authorises the remote session before it starts.
        [(WorkOrderStatus.Created, WorkOrderAction.Authorize)] = [WorkOrderStatus.Created],
        [(WorkOrderStatus.Scheduled, WorkOrderAction.Authorize)] = [WorkOrderStatus.Scheduled],
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Authorize)] = [WorkOrderStatus.Dispatched],

        [(WorkOrderStatus.Dispatched, WorkOrderAction.CheckIn)] = [WorkOrderStatus.InProgress],
        [(WorkOrderStatus.InProgress, WorkOrderAction.Record)] = [WorkOrderStatus.InProgress],
        [(WorkOrderStatus.InProgress, WorkOrderAction.SignRepairSheet)] = [WorkOrderStatus.InProgress],

        // Remote work waits for the customer's confirmation; every other kind is done at check-out.
        [(WorkOrderStatus.InProgress, WorkOrderAction.CheckOut)] = [WorkOrderStatus.Done, WorkOrderStatus.AwaitingConfirmation],
        [(WorkOrderStatus.AwaitingConfirmation, WorkOrderAction.Confirm)] = [WorkOrderStatus.Done],

        [(WorkOrderStatus.Created, WorkOrderAction.Cancel)] = [WorkOrderStatus.Cancelled],
        [(WorkOrderStatus.Scheduled, WorkOrderAction.Cancel)] = [WorkOrderStatus.Cancelled],
        [(WorkOrderStatus.Dispatched, WorkOrderAction.Cancel)] = [WorkOrderStatus.Cancelled],
    };

    /// <summary>The party that takes each action.</summary>
    public static IReadOnlyDictionary<WorkOrderAction, PartyKind> Parties { get; } = new Dictionary<WorkOrderAction, PartyKind>
    {
        [WorkOrderAction.Schedule] = PartyKind.Supplier,
        [WorkOrderAction.Dispatch] = PartyKind.Supplier,
        [WorkOrderAction.Authorize] = PartyKind.Customer,
        [WorkOrderAction.CheckIn] = PartyKind.Supplier,
        [WorkOrderAction.Record] = PartyKind.Supplier,
        [WorkOrderAction.SignRepairSheet] = PartyKind.Supplier,
        [WorkOrderAction.CheckOut] = PartyKind.Supplier,
        [WorkOrderAction.Confirm] = PartyKind.Customer,
        [WorkOrderAction.Cancel] = PartyKind.Supplier,
    };

    /// <summary>Planning verbs need the dispatcher's permission; the field verbs the engineer's (and only the assignee's).</summary>
    public static IReadOnlyDictionary<WorkOrderAction, string> RequiredPermission { get; } = new Dictionary<WorkOrderAction, string>
    {
        [WorkOrderAction.Schedule] = Permissions.WorkOrdersDispatch,
        [WorkOrderAction.Dispatch] = Permissions.WorkOrdersDispatch,
        [WorkOrderAction.Authorize] = Permissions.RequestsAcceptWork,
        [WorkOrderAction.CheckIn] = Permissions.RequestsExecute,
        [WorkOrderAction.Record] = Permissions.RequestsExecute,
        [WorkOrderAction.SignRepairSheet] = Permissions.RequestsExecute,
        [WorkOrderAction.CheckOut] = Permissions.RequestsExecute,
        [WorkOrderAction.Confirm] = Permissions.RequestsAcceptWork,
        [WorkOrderAction.Cancel] = Permissions.WorkOrdersDispatch,
    };

    /// <summary>Field verbs: taken by the assigned engineer (a dispatcher of the supplier may stand in).</summary>
    public static bool IsFieldAction(WorkOrderAction action) =>
        action is WorkOrderAction.CheckIn or WorkOrderAction.Record or WorkOrderAction.SignRepairSheet or WorkOrderAction.CheckOut;

    /// <summary>Open work blocks completing the request (R-WO-1); done and cancelled work does not.</summary>
    public static bool IsOpen(WorkOrderStatus status) => status is not (WorkOrderStatus.Done or WorkOrderStatus.Cancelled);

    public static bool Allows(WorkOrderStatus from, WorkOrderAction action) => Transitions.ContainsKey((from, action));

    public static bool IsBeforeWork(WorkOrderStatus status) => BeforeWork.Contains(status);
}
