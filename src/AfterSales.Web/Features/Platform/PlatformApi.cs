using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.ServiceRequests.Pages.Console;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Platform;

/// <summary>
/// Platform management under <c>/api/v1</c>: the platform admin creates organisations and their users, changes a
/// supplier's policy, deactivates users and resets passwords (API.md: "platform admin creates"). Reads of
/// organisations stay in the catalogue (<c>GET /organizations</c>, <c>GET /organizations/{id}</c>).
/// </summary>
public static class PlatformApi
{
    public static IServiceCollection AddPlatformFeatures(this IServiceCollection services)
    {
        services.AddSingleton<PlatformAuditLog>();
        services.AddScoped<PlatformQueries>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<ChooseSupplierPolicy>();
        services.AddScoped<CreateUser>();
        services.AddScoped<SetUserActive>();
        services.AddScoped<ResetUserPassword>();

        // The consoles' own read model: stage counts of the supplier/dealer queue.
        services.AddScoped<WorkQueueQueries>();
        return services;
    }

    public static RouteGroupBuilder MapPlatformApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations 组织");
        organizations.MapPost("/", async Task<Created<OrganizationSummary>> (CreateOrganization.Command command, CreateOrganization useCase, PlatformQueries queries, CancellationToken ct) =>
        {
            var id = await useCase.HandleAsync(command, ct);
            return TypedResults.Created($"/api/v1/organizations/{id}", await queries.OrganizationAsync(id, ct));
        })
        .RequireAuthorization(Permissions.OrganizationsManage)
        .WithSummary("新建组织 Create an organisation (platform admin); 409 when the code is already taken")
        .WithDescription("kind: customer, supplier or dealer. A supplier needs policyPreset (a key of GET /policies/presets, R-SLA-1); a dealer needs parentSupplierId (R-DLR-1). " +
            "400 names the invalid field; 409 (errors.code) when another organisation has the code.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

        organizations.MapPut("/{id:guid}/policy", async Task<Ok<OrganizationSummary>> (Guid id, ChooseSupplierPolicy.Command command, ChooseSupplierPolicy useCase, PlatformQueries queries, CancellationToken ct) =>
        {
            await useCase.HandleAsync(id, command, ct);
            return TypedResults.Ok(await queries.OrganizationAsync(id, ct));
        })
        .RequireAuthorization(Permissions.OrganizationsManage)
        .WithSummary("更换售后政策 Put a supplier on a policy preset or version; open requests keep theirs (R-SLA-1)")
        .WithDescription("Body: { \"policyPreset\": \"factory\" } or { \"policyId\": \"…\" }. 422 (R-SLA-1) when the organisation is not a supplier.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        organizations.MapGet("/{id:guid}/users", async (Guid id, [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after,
                PlatformQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.UsersAsync(id, pageSize, after, ct)))
        .WithSummary("组织用户 Users of an organisation with roles and active flag")
        .WithDescription("The platform reads every organisation's users; another organisation gets 404 for an organisation not its own and 403 for its own without users.manage.")
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        organizations.MapPost("/{id:guid}/users", async Task<Created<UserView>> (Guid id, CreateUser.Command command, CreateUser useCase, PlatformQueries queries, CancellationToken ct) =>
        {
            var userId = await useCase.HandleAsync(id, command, ct);
            return TypedResults.Created($"/api/v1/users/{userId}", await queries.UserAsync(userId, ct));
        })
        .RequireAuthorization(Permissions.UsersManage)
        .WithSummary("新建用户 Create a user in the organisation; 409 when the user name is taken, 422 when the role is of another party kind")
        .WithDescription("Body: userName, displayName, role (a role of the organisation's party kind, R-ROLE-1/R-ROLE-2), password " +
            "(at least 8 characters with upper- and lower-case letters, a digit and a symbol). 409 (errors.userName) when the user name is taken.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var users = api.MapGroup("/users").WithTags("Users 用户");
        users.MapGet("/{id:guid}", async (Guid id, PlatformQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.UserAsync(id, ct)))
            .WithSummary("用户详情 One user with roles and active flag")
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/{id:guid}/deactivate", async Task<Ok<UserView>> (Guid id, SetUserActive useCase, PlatformQueries queries, CancellationToken ct) =>
        {
            await useCase.HandleAsync(id, active: false, ct);
            return TypedResults.Ok(await queries.UserAsync(id, ct));
        })
        .RequireAuthorization(Permissions.UsersManage)
        .WithSummary("停用用户 Deactivate a user: no new token, no sign-in")
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/{id:guid}/activate", async Task<Ok<UserView>> (Guid id, SetUserActive useCase, PlatformQueries queries, CancellationToken ct) =>
        {
            await useCase.HandleAsync(id, active: true, ct);
            return TypedResults.Ok(await queries.UserAsync(id, ct));
        })
        .RequireAuthorization(Permissions.UsersManage)
        .WithSummary("启用用户 Reactivate a user")
        .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/{id:guid}/password", async Task<NoContent> (Guid id, ResetUserPassword.Command command, ResetUserPassword useCase, CancellationToken ct) =>
        {
            await useCase.HandleAsync(id, command, ct);
            return TypedResults.NoContent();
        })
        .RequireAuthorization(Permissions.UsersManage)
        .WithSummary("重置密码 Set a new password (also lifts a sign-in lockout)")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
