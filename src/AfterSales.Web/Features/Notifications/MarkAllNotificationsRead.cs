using AfterSales.Data;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

/// <summary>全部已读: every unread notification of the caller, marked read at once.</summary>
public sealed class MarkAllNotificationsRead(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record Result(int Marked);

    public async Task<Result> HandleAsync(CancellationToken cancellationToken)
    {
        var me = callers.Required.UserId;
        DateTimeOffset? now = clock.GetUtcNow();

        // One statement instead of loading an inbox that may hold thousands of rows; a notification has no
        // version to check and marking read twice keeps the first instant (ReadAt IS NULL).
        var marked = await db.Notifications
            .Where(n => n.RecipientUserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new Result(marked);
    }
}
