using AfterSales.Data;
using Microsoft.AspNetCore.Authorization;
using AfterSales.Data.Identity;
using AfterSales.Domain.Organizations;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Security;

/// <summary>
/// One set of identities, two ways in (ADR 0001): a cookie for the web UI and bearer tokens for the API.
/// A policy scheme picks bearer when the request carries an Authorization header.
/// </summary>
public static class Authentication
{
    public const string Smart = "CookieOrBearer";

    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Smart;
                options.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Cookie or bearer", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/login";
                options.Cookie.Name = "aftersales.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);

                // The API answers 401/403 with problem details, never a redirect to the sign-in page.
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder().AddPermissionPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, CircuitCallerHandler>();
        return services;
    }

    /// <summary>One authorisation policy per permission, named as the permission (R-ROLE-2).</summary>
    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireClaim(PermissionClaim.Type, permission));
        }

        return builder;
    }

    private static async Task ApiOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = status,
                    Title = status == StatusCodes.Status401Unauthorized ? "需要登录 Sign-in required" : "不允许的操作 Not allowed",
                    Detail = status == StatusCodes.Status401Unauthorized ? "请先获取访问令牌（POST /api/v1/auth/token）。" : "您的角色不能执行此操作。",
                },
            });
            return;
        }

        context.Response.Redirect(redirectUri);
    }
}
