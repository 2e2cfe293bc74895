using System.Security.Claims;
using AfterSales.Data;
using AfterSales.Data.Identity;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Security;

/// <summary>The signed-in person a use case acts for: user, organisation, party, roles and permissions.</summary>
public sealed record Caller(
    Guid UserId,
    string UserName,
    string DisplayName,
    Guid OrganizationId,
    Guid? ParentSupplierId,
    PartyKind Party,
    IReadOnlyList<string> Roles,
    IReadOnlySet<string> Permissions)
{
    public bool Has(string permission) => Permissions.Contains(permission);

    public string RoleDisplay => Roles.Count == 0 ? string.Empty : Domain.Organizations.Roles.All.FirstOrDefault(r => r.Name == Roles[0])?.DisplayZh ?? Roles[0];

    public Actor ToActor() => new(UserId, DisplayName, Roles.Count > 0 ? Roles[0] : Party.ToString(), OrganizationId, Party, Permissions);

    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var org = principal.FindFirstValue(PermissionClaim.OrganizationId);
        var party = principal.FindFirstValue(PermissionClaim.Party);
        if (!Guid.TryParse(id, out var userId) || !Guid.TryParse(org, out var orgId) || !Enum.TryParse<PartyKind>(party, out var partyKind))
        {
            return null;
        }

        return new Caller(
            userId,
            principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            principal.FindFirstValue(PermissionClaim.DisplayName) ?? principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            orgId,
            Guid.TryParse(principal.FindFirstValue(PermissionClaim.ParentSupplier), out var parent) ? parent : null,
            partyKind,
            [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            principal.FindAll(PermissionClaim.Type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// Holds the caller for the current unit of work (an HTTP request or a Blazor circuit) and scopes the
/// data they see. Set by <see cref="CallerMiddleware"/> for HTTP and by <see cref="CircuitCallerHandler"/>
/// for interactive pages.
/// </summary>
public sealed class CallerContext(DataScope scope)
{
    private Caller? _caller;

    public Caller? Current => _caller;

    public Caller Required => _caller ?? throw new UnauthorizedAccessException("Sign-in required.");

    public void Set(Caller? caller)
    {
        _caller = caller;
        if (caller is null)
        {
            return;
        }

        scope.SetActor(caller.UserId, caller.DisplayName);
        if (caller.Party == PartyKind.Platform)
        {
            scope.SetPlatform(caller.OrganizationId);
        }
        else
        {
            scope.SetOrganization(caller.OrganizationId, caller.ParentSupplierId);
        }
    }
}
