using AfterSales.Data.Identity;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// 重置密码: the administrator sets a new password meeting the sign-in rules. It also lifts a lockout after failed
/// sign-ins, and a new security stamp ends sessions signed in with the old password.
/// </summary>
public sealed class ResetUserPassword(CallerContext callers, UserManager<AppUser> users, PlatformAuditLog audit)
{
    public sealed record Command(string? Password);

    public async Task HandleAsync(Guid userId, Command command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var caller = callers.Required;
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFound("用户");
        IdentityRules.RequireManagerOf(caller, user.OrganizationId, "resetPassword");
        await IdentityRules.RequireValidPasswordAsync(users, user, command.Password, "password");

        // One save: hash, unlock and new stamp together.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password!);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        IdentityRules.Check(await users.UpdateSecurityStampAsync(user), users, user.UserName ?? string.Empty);
        audit.Record(caller, "resetPassword", "user", user.Id, user.UserName ?? string.Empty, "password reset by administrator");
    }
}
