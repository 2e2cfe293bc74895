using AfterSales.Domain.WorkOrders;
using MudBlazor;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>How the pages show a work order's status and lateness.</summary>
public static class WorkOrderDisplay
{
    public static Color StatusColor(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Done => Color.Success,
        WorkOrderStatus.Cancelled => Color.Default,
        WorkOrderStatus.InProgress => Color.Primary,
        WorkOrderStatus.AwaitingConfirmation => Color.Warning,
        _ => Color.Info,
    };

    public static string Late(WorkOrderView order) =>
        order.LateMinutes is > 0 and var minutes ? $"迟到 {WorkOrderNames.Duration(minutes)}" : "已超到场时限";
}
