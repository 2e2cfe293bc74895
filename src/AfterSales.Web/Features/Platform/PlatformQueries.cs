using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// Read side of organisations and their users for the platform console. The platform sees every organisation
/// (R-ROLE-1); users are not behind a query filter, so who may read them is decided here: the platform reads all,
/// another organisation only its own users and only with users.manage.
/// </summary>
public sealed class PlatformQueries(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public async Task<Page<OrganizationSummary>> OrganizationsAsync(PartyKind? kind, string? search, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.Organizations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(o => o.Name.Contains(term) || o.Code.Contains(term) || (o.City != null && o.City.Contains(term)));
        }

        if (cursor is { } c)
        {
            query = query.Where(o => o.Id > c.Id);
        }

        var rows = await SummariesAsync(query.OrderBy(o => o.Id).Take(size + 1), cancellationToken);
        return new Page<OrganizationSummary>([.. rows.Take(size)], rows.Count > size ? Cursor.Encode(0, rows[size - 1].Id) : null);
    }

    public async Task<OrganizationSummary> OrganizationAsync(Guid id, CancellationToken cancellationToken) =>
        (await SummariesAsync(db.Organizations.AsNoTracking().Where(o => o.Id == id), cancellationToken)).SingleOrDefault() ?? throw new NotFound("组织");

    public async Task<Page<UserView>> UsersAsync(Guid organizationId, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        await RequireUserReadAsync(organizationId, cancellationToken);
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId);
        if (cursor is { } c)
        {
            query = query.Where(u => u.Id > c.Id);
        }

        var users = await query.OrderBy(u => u.Id).Take(size + 1).ToListAsync(cancellationToken);
        var views = await ViewsAsync(users.Take(size).ToList(), cancellationToken);
        return new Page<UserView>(views, users.Count > size ? Cursor.Encode(0, views[^1].Id) : null);
    }

    public async Task<UserView> UserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFound("用户");
        var caller = callers.Required;
        if (caller.Party != PartyKind.Platform && user.OrganizationId != caller.OrganizationId)
        {
            throw new NotFound("用户");
        }

        await RequireUserReadAsync(user.OrganizationId, cancellationToken);
        return (await ViewsAsync([user], cancellationToken))[0];
    }

    /// <summary>The roles a user of an organisation of this kind may hold (R-ROLE-1, R-ROLE-2).</summary>
    public static IReadOnlyList<RoleView> RolesFor(PartyKind kind) =>
        [.. Roles.All.Where(r => r.Party == kind).Select(r => new RoleView(r.Name, r.DisplayZh, r.DisplayEn))];

    private async Task RequireUserReadAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (caller.Party != PartyKind.Platform)
        {
            // Another organisation's users are not there for you (404); your own need users.manage (403).
            if (organizationId != caller.OrganizationId)
            {
                throw new NotFound("组织");
            }

            if (!caller.Has(Permissions.UsersManage))
            {
                throw new ActionNotPermitted("readUsers", "查看本组织的用户需要“用户管理”权限。");
            }
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw new NotFound("组织");
        }
    }

    private async Task<List<OrganizationSummary>> SummariesAsync(IQueryable<Organization> query, CancellationToken cancellationToken)
    {
        var rows = await query.Select(o => new
        {
            Organization = o,
            UserCount = db.Users.Count(u => u.OrganizationId == o.Id),
        }).ToListAsync(cancellationToken);

        var policyIds = rows.Select(r => r.Organization.ServicePolicyId).OfType<Guid>().Distinct().ToList();
        var policies = await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().Where(p => policyIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Version, p.PresetKey }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var parentIds = rows.Select(r => r.Organization.ParentSupplierId).OfType<Guid>().Distinct().ToList();
        var parents = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => parentIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        return [.. rows.Select(r =>
        {
            var o = r.Organization;
            var policy = o.ServicePolicyId is { } pid && policies.TryGetValue(pid, out var p) ? p : null;
            return new OrganizationSummary(
                o.Id, o.Code, o.Name, o.Kind, o.City, o.ContactPhone,
                policy is null ? null : new PolicyRef(policy.Id, policy.Name, policy.Version),
                policy?.PresetKey,
                o.ParentSupplierId is { } parent ? new PartyRef(parent, parents.GetValueOrDefault(parent, string.Empty)) : null,
                r.UserCount,
                o.CreatedAt);
        })];
    }

    private async Task<List<UserView>> ViewsAsync(List<Data.Identity.AppUser> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roleNames = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roleNames.ToLookup(x => x.UserId, x => x.Name ?? string.Empty);
        var now = clock.GetUtcNow();
        return [.. users.Select(u => new UserView(
            u.Id,
            u.UserName ?? string.Empty,
            u.DisplayName,
            u.OrganizationId,
            [.. byUser[u.Id].Order(StringComparer.Ordinal).Select(RoleOf)],
            u.IsActive,
            u.LockoutEnd is { } end && end > now,
            u.CreatedAt))];
    }

    private static RoleView RoleOf(string name) =>
        Roles.All.FirstOrDefault(r => r.Name == name) is { } role ? new RoleView(role.Name, role.DisplayZh, role.DisplayEn) : new RoleView(name, name, name);
}
