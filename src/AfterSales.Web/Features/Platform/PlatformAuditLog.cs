using AfterSales.Web.Security;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// Who changed which organisation or user, and how (R-X-4). There is no audit table yet, so each administrative
/// change is written as one structured log event (category AfterSales.Audit, event id 7000) carrying the actor, the
/// target and the change; a log pipeline can keep them apart from the rest. Passwords are never logged.
/// </summary>
public sealed class PlatformAuditLog(ILoggerFactory loggers)
{
    private static readonly EventId AdminChange = new(7000, "AdminChange");

    private readonly ILogger _logger = loggers.CreateLogger("AfterSales.Audit");

    public void Record(Caller actor, string action, string targetKind, Guid targetId, string target, string detail) =>
        _logger.LogInformation(
            AdminChange,
            "Audit {Action} {TargetKind} {Target} ({TargetId}) by {ActorUserName} ({ActorUserId}, organisation {ActorOrganizationId}): {Detail}",
            action, targetKind, target, targetId, actor.UserName, actor.UserId, actor.OrganizationId, detail);
}
