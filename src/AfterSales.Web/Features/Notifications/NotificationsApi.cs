using AfterSales.Web.Features.Notifications.Pages;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Notifications;

/// <summary>站内通知 (R-X-1, R-SLA-3): the caller's inbox of deadline warnings, breaches and escalations.</summary>
public static class NotificationsApi
{
    public static IServiceCollection AddNotificationFeatures(this IServiceCollection services) => services
        .AddScoped<NotificationQueries>()
        .AddScoped<MarkNotificationRead>()
        .AddScoped<MarkAllNotificationsRead>()
        .AddScoped<InboxChanges>();

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications 通知");
        group.MapGet("/", async (
            [FromQuery(Name = "unread")] bool? unread,
            [FromQuery(Name = "page[size]")] int? pageSize,
            [FromQuery(Name = "page[after]")] string? after,
            NotificationQueries queries,
            CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(unread ?? false, pageSize, after, ct)))
            .WithSummary("我的通知 The caller's notifications, newest first, with the unread count");
        group.MapPost("/{id:guid}/read", async (Guid id, MarkNotificationRead useCase, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(id, ct)))
            .WithSummary("标为已读 Mark one of the caller's notifications read");
        group.MapPost("/read-all", async (MarkAllNotificationsRead useCase, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(ct)))
            .WithSummary("全部已读 Mark all of the caller's notifications read");
        return group;
    }
}
