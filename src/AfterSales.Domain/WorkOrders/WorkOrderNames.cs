namespace AfterSales.Domain.WorkOrders;

/// <summary>The Chinese words users read for work orders (docs/glossary.md).</summary>
public static class WorkOrderNames
{
    public static string Kind(WorkOrderKind kind) => kind switch
    {
        WorkOrderKind.Remote => "远程服务",
        WorkOrderKind.OnSite => "上门服务",
        WorkOrderKind.PartsShipment => "备件寄送",
        WorkOrderKind.ReturnToFactory => "返厂维修",
        WorkOrderKind.Replacement => "整机更换",
        WorkOrderKind.Loaner => "备用机",
        _ => "巡检",
    };

    public static string Status(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Created => "已创建",
        WorkOrderStatus.Scheduled => "已排期",
        WorkOrderStatus.Dispatched => "已派工",
        WorkOrderStatus.InProgress => "执行中",
        WorkOrderStatus.AwaitingConfirmation => "待客户确认",
        WorkOrderStatus.Done => "已完成",
        _ => "已取消",
    };

    public static string Action(WorkOrderAction action) => action switch
    {
        WorkOrderAction.Schedule => "排期",
        WorkOrderAction.Dispatch => "派工",
        WorkOrderAction.Authorize => "授权远程服务",
        WorkOrderAction.CheckIn => "签到",
        WorkOrderAction.Record => "记录",
        WorkOrderAction.SignRepairSheet => "维修单签字",
        WorkOrderAction.CheckOut => "签退",
        WorkOrderAction.Confirm => "确认远程服务",
        _ => "取消",
    };

    public static string Certificate(CertificateType type) => type switch
    {
        CertificateType.Electrician => "电工证",
        CertificateType.MaintenanceCertification => "维修资质认证",
        CertificateType.WorkingAtHeight => "高处作业证",
        _ => "特种设备作业证",
    };

    public static string Outcome(RemoteOutcome outcome) => outcome == RemoteOutcome.Completed ? "已完成" : "需后续跟进";

    public static string Duration(int minutes) => minutes >= 60 ? $"{minutes / 60} 小时 {minutes % 60} 分钟" : $"{minutes} 分钟";

    public static string ActionName(WorkOrderAction action)
    {
        var name = action.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Timeline action names (route segments and the non-moving records).</summary>
    public static string Entry(string action) => action switch
    {
        "create" => "创建工单",
        "schedule" => "排期",
        "dispatch" => "派工",
        "authorize" => "客户授权",
        "checkIn" => "签到",
        "record" => "记录",
        "step" => "操作步骤",
        "signRepairSheet" => "维修单签字",
        "checkOut" => "签退",
        "confirm" => "客户确认",
        "cancel" => "取消",
        "followUpOpened" => "后续跟进",
        "photo" => "现场照片",
        _ => ReturnStageNames.Entry(action),
    };
}
