using AfterSales.Data;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

/// <summary>已读: the recipient marks one of their notifications read. Someone else's is not there for them (404).</summary>
public sealed class MarkNotificationRead(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public async Task<NotificationView> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = callers.Required.UserId;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientUserId == me, cancellationToken)
            ?? throw new NotFound("通知");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new NotificationView(notification.Id, notification.Kind, notification.Title, notification.Body, notification.ServiceRequestId,
            notification.Link, notification.CreatedAt, notification.ReadAt);
    }
}
