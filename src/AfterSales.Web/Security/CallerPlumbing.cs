using AfterSales.Data;
using AfterSales.Data.Identity;
using AfterSales.Domain.Organizations;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace AfterSales.Web.Security;

/// <summary>Sets the caller for an HTTP request from its authenticated principal.</summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerContext callers, ActiveUsers activeUsers)
    {
        var caller = Caller.FromPrincipal(context.User);
        if (caller is not null && !await activeUsers.IsActiveAsync(caller.UserId, context.RequestAborted))
        {
            // A deactivated user's earlier token or cookie no longer counts: the request goes on as anonymous.
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            caller = null;
        }

        callers.Set(caller);
        await next(context);
    }
}

/// <summary>
/// Sets the caller for a Blazor circuit, whose DI scope is not the HTTP request's (the documented
/// circuit-handler pattern), and follows sign-in changes during the circuit.
/// </summary>
public sealed class CircuitCallerHandler(AuthenticationStateProvider authentication, CallerContext callers) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        callers.Set(Caller.FromPrincipal((await authentication.GetAuthenticationStateAsync()).User));
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private void OnChanged(Task<AuthenticationState> state) =>
        _ = state.ContinueWith(t => callers.Set(Caller.FromPrincipal(t.Result.User)), TaskScheduler.Default);
}

/// <summary>Adds organisation, party and display name to the principal; role claims carry the permissions (R-ROLE-2).</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organization = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == user.OrganizationId)
            .Select(o => new { o.Kind, o.ParentSupplierId })
            .SingleAsync();
        identity.AddClaim(new Claim(PermissionClaim.OrganizationId, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(PermissionClaim.Party, organization.Kind.ToString()));
        identity.AddClaim(new Claim(PermissionClaim.DisplayName, user.DisplayName));
        if (organization.ParentSupplierId is { } parent)
        {
            identity.AddClaim(new Claim(PermissionClaim.ParentSupplier, parent.ToString()));
        }

        if (organization.Kind != PartyKind.Platform && identity.FindAll(ClaimTypes.Role).Any(r => Roles.Get(r.Value).Party != organization.Kind))
        {
            throw new InvalidOperationException("A user holds a role of another party kind than its organisation.");
        }

        return identity;
    }
}
