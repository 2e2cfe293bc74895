using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>How the pages show a work order's status and lateness (R-X-2: labels from WorkOrderText).</summary>
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

    /// <summary>The lateness in Chinese, kept for callers outside the work-order pages; the pages use the localised overload.</summary>
    public static string Late(WorkOrderView order) =>
        order.LateMinutes is > 0 and var minutes ? $"迟到 {WorkOrderNames.Duration(minutes)}" : "已超到场时限";

    public static string Late(IStringLocalizer<WorkOrderText> t, WorkOrderView order) =>
        order.LateMinutes is > 0 and var minutes ? t["Late.By", Duration(t, minutes)] : t["Late.Past"];

    public static string Duration(IStringLocalizer<WorkOrderText> t, int minutes) =>
        minutes >= 60 ? t["Duration.HoursMinutes", minutes / 60, minutes % 60] : t["Duration.Minutes", minutes];

    public static string Kind(IStringLocalizer<WorkOrderText> t, WorkOrderKind kind) => t[$"Kind.{kind}"];

    public static string Status(IStringLocalizer<WorkOrderText> t, WorkOrderStatus status) => t[$"Status.{status}"];

    public static string Certificate(IStringLocalizer<WorkOrderText> t, CertificateType type) => t[$"Certificate.{type}"];

    public static string Outcome(IStringLocalizer<WorkOrderText> t, RemoteOutcome outcome) => t[$"Outcome.{outcome}"];

    /// <summary>A timeline entry's name; an action without a text of its own keeps the label the server gave it.</summary>
    public static string Entry(IStringLocalizer<WorkOrderText> t, WorkOrderEntryView entry) =>
        t[$"Entry.{entry.Action}"] is { ResourceNotFound: false } text ? text : entry.Label;
}
