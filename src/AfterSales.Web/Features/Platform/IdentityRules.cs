using AfterSales.Data.Identity;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// Identity's refusals in the words of the API: password rules as a 400 naming the field (in Chinese), a taken
/// user name as 409, a stale user row as 409. Shared by the user-management use cases.
/// </summary>
internal static class IdentityRules
{
    /// <summary>Checks a new password against Identity's configured rules (length, upper, lower, digit, symbol).</summary>
    public static async Task RequireValidPasswordAsync(UserManager<AppUser> users, AppUser user, string? password, string field)
    {
        InvalidInput.Require(!string.IsNullOrEmpty(password), field, "请输入密码。");
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        if (errors.Count > 0)
        {
            throw new InvalidInput(field, $"密码不符合要求：{string.Join("；", errors.Select(e => Describe(users, e)))}。");
        }
    }

    /// <summary>Turns a failed Identity result into the matching refusal.</summary>
    public static void Check(IdentityResult result, UserManager<AppUser> users, string userName)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw DuplicateUserName(userName);
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyConflict();
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            throw new InvalidInput("userName", UserNameRule);
        }

        if (codes.All(c => c.StartsWith("Password", StringComparison.Ordinal)))
        {
            throw new InvalidInput("password", $"密码不符合要求：{string.Join("；", result.Errors.Select(e => Describe(users, e)))}。");
        }

        throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }

    public const string UserNameRule = "用户名须为 3–64 位字母、数字或 . _ - @ +，且以字母或数字开头。";

    public static DuplicateRecord DuplicateUserName(string userName) => new("userName", $"用户名 {userName} 已被使用，请换一个用户名。");

    /// <summary>Users are managed by the platform for every organisation, by an organisation only for its own (R-ROLE-1).</summary>
    public static void RequireManagerOf(Caller caller, Guid organizationId, string action)
    {
        if (!caller.Has(Permissions.UsersManage))
        {
            throw new ActionNotPermitted(action, "只有有“用户管理”权限的管理员可以管理用户。");
        }

        if (caller.Party != PartyKind.Platform && organizationId != caller.OrganizationId)
        {
            throw new NotFound("用户");
        }
    }

    public static string PartyName(PartyKind kind) => kind switch
    {
        PartyKind.Platform => "平台",
        PartyKind.Supplier => "供应商",
        PartyKind.Dealer => "经销商",
        _ => "客户",
    };

    private static string Describe(UserManager<AppUser> users, IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"至少 {users.Options.Password.RequiredLength} 个字符",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "须包含大写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "须包含小写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "须包含数字",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "须包含符号（如 @ # !）",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => $"须包含至少 {users.Options.Password.RequiredUniqueChars} 个不同字符",
        _ => error.Description,
    };
}
