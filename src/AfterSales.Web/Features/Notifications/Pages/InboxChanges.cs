using AfterSales.Domain.Notifications;
using MudBlazor;

namespace AfterSales.Web.Features.Notifications.Pages;

/// <summary>
/// One per circuit: a page that marks notifications read tells the bell at once, instead of the bell's count
/// staying stale until its next 30-second refresh.
/// </summary>
public sealed class InboxChanges
{
    public event Func<Task>? Changed;

    public Task AnnounceAsync() =>
        Changed is { } changed ? Task.WhenAll(changed.GetInvocationList().Cast<Func<Task>>().Select(listener => listener())) : Task.CompletedTask;
}

/// <summary>How the notification views show a kind: the colour of its chip (R-SLA-3: at risk orange, breached red).</summary>
public static class NotificationDisplay
{
    public static Color KindColor(NotificationKind kind) => kind switch
    {
        NotificationKind.DeadlineAtRisk => Color.Warning,
        NotificationKind.LoanerOwed => Color.Warning,
        _ => Color.Error,
    };

    public static string KindIcon(NotificationKind kind) => kind switch
    {
        NotificationKind.DeadlineAtRisk => Icons.Material.Filled.HourglassBottom,
        NotificationKind.DeadlineEscalated => Icons.Material.Filled.TrendingUp,
        NotificationKind.LoanerOwed => Icons.Material.Filled.PrecisionManufacturing,
        _ => Icons.Material.Filled.AlarmOff,
    };
}
