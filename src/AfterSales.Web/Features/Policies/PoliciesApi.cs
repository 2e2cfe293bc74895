using AfterSales.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Policies;

/// <summary><c>/api/v1/policies</c>: policy versions and announcing a new one (R-SLA-1). Presets and one version by id are in CatalogueApi.</summary>
public static class PoliciesApi
{
    public static IServiceCollection AddPolicyFeatures(this IServiceCollection services)
    {
        services.AddScoped<PolicyQueries>();
        services.AddScoped<IssuePolicyVersion>();
        return services;
    }

    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies 售后政策");
        policies.MapGet("/", async ([FromQuery(Name = "supplierId")] Guid? supplierId, PolicyQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(supplierId, ct)))
            .WithSummary("售后政策版本 Policy versions the caller may read, each current, upcoming or superseded")
            .WithDescription("With supplierId: the versions that govern that supplier's requests (its own and the preset it is on), newest first. " +
                "status: current (new requests are filed under it), upcoming (announced, effectiveFrom in the future), superseded.");

        policies.MapPost("/", async Task<Created<PolicyVersionView>> (IssuePolicyVersion.Command command, IssuePolicyVersion useCase, PolicyQueries queries,
            HttpRequest http, CancellationToken ct) =>
        {
            var id = await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct);
            var view = await queries.VersionAsync(id, ct);
            return TypedResults.Created($"/api/v1/policies/{id}", view);
        })
        .WithSummary("发布政策新版本 Announce the next version of a supplier's policy (R-SLA-1)")
        .WithDescription("Supplier manager (policies.manage) for its own organisation, or a platform admin naming supplierId. Body: { supplierId?, name?, effectiveFrom, " +
            "figures } with figures shaped as GET /policies/{id} returns them. effectiveFrom must be at least 7 working days ahead on the cn-9-18 calendar " +
            "(422 R-SLA-1 names the earliest instant) and not before a version already announced. The version is the next of the supplier's key; a supplier " +
            "on a preset first gets its own copy of it under supplier:{code}. Requests filed before effectiveFrom keep their version.");
        return api;
    }
}
