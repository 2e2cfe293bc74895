using System.Text.RegularExpressions;
using AfterSales.Data;
using AfterSales.Data.Identity;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// 新建用户: a user in exactly one organisation (R-ROLE-1) holding one role of that organisation's party kind,
/// whose permissions the role grants (R-ROLE-2). The initial password must meet the sign-in rules.
/// </summary>
public sealed partial class CreateUser(AppDbContext db, CallerContext callers, TimeProvider clock, UserManager<AppUser> users, PlatformAuditLog audit)
{
    /// <summary>Role: a role name of <c>Roles.All</c> whose party is the organisation's kind.</summary>
    public sealed record Command(string? UserName, string? DisplayName, string? Role, string? Password);

    public async Task<Guid> HandleAsync(Guid organizationId, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        IdentityRules.RequireManagerOf(caller, organizationId, "createUser");
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken) ?? throw new NotFound("组织");

        var userName = InvalidInput.Text(command.UserName, "userName", "用户名", 64);
        InvalidInput.Require(UserNamePattern().IsMatch(userName), "userName", IdentityRules.UserNameRule);
        var displayName = InvalidInput.Text(command.DisplayName, "displayName", "姓名", 100);
        var choices = string.Join("、", Roles.All.Where(r => r.Party == organization.Kind).Select(r => $"{r.Name}（{r.DisplayZh}）"));
        InvalidInput.Require(!string.IsNullOrWhiteSpace(command.Role), "role", $"请选择角色：{choices}。");
        var role = Roles.All.FirstOrDefault(r => r.Name == command.Role!.Trim());
        InvalidInput.Require(role is not null, "role", $"没有名为 {command.Role!.Trim()} 的角色，可选：{choices}。");
        if (role!.Party != organization.Kind)
        {
            throw new WorkflowRuleViolation("R-ROLE-1",
                $"角色“{role.DisplayZh}”属于{IdentityRules.PartyName(role.Party)}，不能授予{IdentityRules.PartyName(organization.Kind)}组织“{organization.Name}”的用户，可选：{choices}。");
        }

        var now = clock.GetUtcNow();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = userName,
            DisplayName = displayName,
            OrganizationId = organization.Id,
            CreatedAt = now,
        };
        await IdentityRules.RequireValidPasswordAsync(users, user, command.Password, "password");
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw IdentityRules.DuplicateUserName(userName);
        }

        // Identity saves the user and the role grant separately; one transaction keeps them together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityRules.Check(await users.CreateAsync(user, command.Password!), users, userName);
            IdentityRules.Check(await users.AddToRoleAsync(user, role.Name), users, userName);
            await transaction.CommitAsync(cancellationToken);
        }

        audit.Record(caller, "createUser", "user", user.Id, userName, $"organisation {organization.Code}, role {role.Name}");
        return user.Id;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
