using System.Security.Claims;
using AfterSales.Data;
using AfterSales.Data.Identity;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Security;

/// <summary><c>POST /api/v1/auth/token</c>, <c>GET /api/v1/me</c>, and the web sign-in/out form posts.</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record OrganizationView(Guid Id, string Code, string Name, PartyKind Kind);

    public sealed record MeView(Guid Id, string UserName, string DisplayName, OrganizationView Organization, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async Task<Results<SignInHttpResult, ProblemHttpResult>> (TokenRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            InvalidInput.Require(!string.IsNullOrWhiteSpace(request.UserName), "userName", "请输入用户名。");
            InvalidInput.Require(!string.IsNullOrEmpty(request.Password), "password", "请输入密码。");
            var user = await users.FindByNameAsync(request.UserName!.Trim());
            if (user is null || !user.IsActive)
            {
                return Unauthorized();
            }

            var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                return check.IsLockedOut
                    ? TypedResults.Problem("登录失败次数过多，账号已暂时锁定，请稍后再试。", statusCode: StatusCodes.Status429TooManyRequests, title: "账号已锁定 Locked out")
                    : Unauthorized();
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Auth 认证")
        .WithSummary("获取访问令牌 Exchange user name and password for a bearer token");

        api.MapGet("/me", async Task<Ok<MeView>> (ClaimsPrincipal principal, CallerContext callers, AppDbContext db, CancellationToken ct) =>
        {
            var caller = callers.Required;
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == caller.OrganizationId)
                .Select(o => new OrganizationView(o.Id, o.Code, o.Name, o.Kind)).SingleAsync(ct);
            return TypedResults.Ok(new MeView(caller.UserId, caller.UserName, caller.DisplayName, organization, caller.Roles, [.. caller.Permissions.Order(StringComparer.Ordinal)]));
        })
        .WithTags("Auth 认证")
        .WithSummary("当前用户 The caller: user, organisation, roles, permissions");

        return api;
    }

    /// <summary>The sign-in page posts here (static form, so the cookie can be set); failures go back with a message.</summary>
    public static IEndpointRouteBuilder MapWebSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async (HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var form = await http.Request.ReadFormAsync();
            var userName = form["userName"].ToString().Trim();
            var password = form["password"].ToString();
            var returnUrl = SafeReturnUrl(form["returnUrl"].ToString());
            var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
            if (user is not null && user.IsActive)
            {
                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    return Results.LocalRedirect(returnUrl);
                }

                if (result.IsLockedOut)
                {
                    return Results.LocalRedirect($"/login?error=locked&returnUrl={Uri.EscapeDataString(returnUrl)}");
                }
            }

            return Results.LocalRedirect($"/login?error=invalid&userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        });

        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        return app;
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("用户名或密码错误。", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败 Sign-in failed");

    private static string SafeReturnUrl(string url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
