using AfterSales.Data;
using AfterSales.Domain.Notifications;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

/// <summary>One in-app notification as its recipient sees it (R-X-1); unread while <c>readAt</c> is null.</summary>
public sealed record NotificationView(
    Guid Id,
    NotificationKind Kind,
    string Title,
    string Body,
    Guid? ServiceRequestId,
    string? Link,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt);

/// <summary>A page of the caller's notifications, newest first, with how many are unread in all.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationView> Items, string? Next, int UnreadCount);

/// <summary>
/// Reads the caller's own notifications. Always filtered by recipient: the query filter lets the platform see every
/// row (it audits them), but a notification list is one person's inbox, whoever reads it.
/// </summary>
public sealed class NotificationQueries(AppDbContext db, CallerContext callers)
{
    public async Task<NotificationList> ListAsync(bool unreadOnly, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var mine = Mine();
        var query = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(n => n.CreatedAt < key || (n.CreatedAt == key && n.Id < c.Id));
        }

        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(size + 1)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.ServiceRequestId, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        var items = rows.Take(size).ToList();
        var next = rows.Count > size ? Cursor.Encode(items[^1].CreatedAt.UtcTicks, items[^1].Id) : null;
        return new NotificationList(items, next, await UnreadCountAsync(cancellationToken));
    }

    public Task<int> UnreadCountAsync(CancellationToken cancellationToken) =>
        Mine().CountAsync(n => n.ReadAt == null, cancellationToken);

    private IQueryable<Notification> Mine()
    {
        var me = callers.Required.UserId;
        return db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == me);
    }
}
