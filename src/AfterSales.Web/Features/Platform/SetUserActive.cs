using AfterSales.Data.Identity;
using AfterSales.Domain.Common;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// 停用 / 启用用户: a deactivated user can neither get a token nor sign in (both check <see cref="AppUser.IsActive"/>);
/// a new security stamp also ends their cookie sessions at the next stamp validation. Nothing is deleted (R-ARC-2).
/// </summary>
public sealed class SetUserActive(CallerContext callers, UserManager<AppUser> users, PlatformAuditLog audit, ActiveUsers activeUsers)
{
    public async Task HandleAsync(Guid userId, bool active, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var caller = callers.Required;
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFound("用户");
        IdentityRules.RequireManagerOf(caller, user.OrganizationId, active ? "activateUser" : "deactivateUser");
        if (!active && user.Id == caller.UserId)
        {
            throw new ActionNotPermitted("deactivateUser", "不能停用自己的账号，请由另一位管理员操作。");
        }

        if (user.IsActive == active)
        {
            return;
        }

        user.IsActive = active;
        var result = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
        IdentityRules.Check(result, users, user.UserName ?? string.Empty);
        activeUsers.Forget(user.Id);
        audit.Record(caller, active ? "activateUser" : "deactivateUser", "user", user.Id, user.UserName ?? string.Empty, active ? "may sign in again" : "sign-in blocked");
    }
}
