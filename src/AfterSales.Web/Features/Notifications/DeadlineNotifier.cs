using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Notifications;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

/// <summary>
/// Turns a request's deadline alerts into in-app notifications for the right people (R-SLA-3, R-X-1): the desk
/// that owes the deadline, then its service manager, then the platform's operators. Added to the same unit of
/// work as the change that raised them; the dedup key makes each message unique per recipient and event.
/// </summary>
public sealed class DeadlineNotifier
{
    public Task NotifyAsync(AppDbContext db, ServiceRequest request, IReadOnlyList<DeadlineAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken) =>
        NotifyAsync(db, request, alerts, now, new RecipientCache(), cancellationToken);

    /// <summary>
    /// As above, reusing <paramref name="recipients"/> across requests: the deadline monitor's batch asks for the same
    /// desks hundreds of times (R-SLA-4 exactly-once monitor, batched).
    /// </summary>
    public async Task NotifyAsync(AppDbContext db, ServiceRequest request, IReadOnlyList<DeadlineAlert> alerts, DateTimeOffset now, RecipientCache recipients, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        foreach (var alert in alerts)
        {
            var (organization, role) = Audience(request, alert);
            if (!recipients.TryGetValue((organization, role), out var users))
            {
                users = await UsersAsync(db, organization, role, cancellationToken);
                recipients[(organization, role)] = users;
            }

            var (title, body, kind) = Message(request, alert);
            foreach (var (userId, organizationId) in users)
            {
                db.Notifications.Add(new Notification(Guid.CreateVersion7(now), userId, organizationId, kind, title, body, request.Id,
                    $"/requests/{request.Id}", $"{alert.DeadlineId:N}:{alert.Type}:{alert.Level}", now));
            }
        }
    }

    /// <summary>Whom an alert is for: the owing party's desk, or the escalation step's audience.</summary>
    private static (Guid? Organization, string Role) Audience(ServiceRequest request, DeadlineAlert alert)
    {
        var notify = alert.Type == DeadlineAlertType.Escalated ? alert.Notify : EscalationTarget.Handler;
        return notify switch
        {
            EscalationTarget.SupplierManager => (request.SupplierId, Roles.SupplierManager),
            EscalationTarget.Platform => (null, Roles.PlatformOperator),
            _ => alert.OwedBy switch
            {
                DeadlineParty.Customer => (request.CustomerId, Roles.CustomerUser),
                DeadlineParty.Dealer when request.DealerId is { } dealer => (dealer, Roles.DealerAgent),
                DeadlineParty.Platform => (null, Roles.PlatformOperator),
                _ => (request.SupplierId, Roles.SupplierAgent),
            },
        };
    }

    /// <summary>Active users holding <paramref name="role"/> in the organisation (or in any platform organisation when null).</summary>
    private static async Task<IReadOnlyList<(Guid UserId, Guid OrganizationId)>> UsersAsync(AppDbContext db, Guid? organizationId, string role, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        users = organizationId is { } id
            ? users.Where(u => u.OrganizationId == id)
            : users.Where(u => db.Organizations.IgnoreQueryFilters().Any(o => o.Id == u.OrganizationId && o.Kind == PartyKind.Platform));
        var rows = await users
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .Select(u => new { u.Id, u.OrganizationId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.OrganizationId))];
    }

    private static (string Title, string Body, NotificationKind Kind) Message(ServiceRequest request, DeadlineAlert alert)
    {
        var kind = DeadlineKindNames.Chinese(alert.Kind);
        var due = ServiceZone.ToLocal(alert.DueAt).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return alert.Type switch
        {
            DeadlineAlertType.AtRisk => ($"【即将超时】{request.Number} {kind}", $"应于 {due} 前完成，请尽快处理。", NotificationKind.DeadlineAtRisk),
            DeadlineAlertType.Breached => ($"【已超时】{request.Number} {kind}", $"应于 {due} 前完成，现已超时。", NotificationKind.DeadlineBreached),
            DeadlineAlertType.Escalated => ($"【超时升级·第 {alert.Level} 级】{request.Number} {kind}", $"应于 {due} 前完成，已超时未处理，升级至{EscalationNames.Chinese(alert.Notify)}。", NotificationKind.DeadlineEscalated),
            _ => ($"【应提供备用机】{request.Number}", "故障未在时限内修复，须免费提供同档次备用设备（R-EXE-7）。", NotificationKind.LoanerOwed),
        };
    }
}

/// <summary>Who holds a role in an organisation, remembered for one unit of work (one request, or one monitor batch).</summary>
public sealed class RecipientCache : Dictionary<(Guid? Organization, string Role), IReadOnlyList<(Guid UserId, Guid OrganizationId)>>;
