using AfterSales.Domain.CustomerSanctions;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.CustomerSanctions;

/// <summary>Customer abuse controls (R-FRD-1, issue 5 §6) under <c>/api/v1</c>.</summary>
public static class CustomerSanctionsApi
{
    public static IServiceCollection AddCustomerSanctionFeatures(this IServiceCollection services)
    {
        services.AddScoped<CustomerSanctionQueries>();
        services.AddScoped<CustomerSanctionGate>();
        services.AddScoped<RuleClaimFraudulent>();
        services.AddScoped<RevokeCustomerSanction>();
        return services;
    }

    public static RouteGroupBuilder MapCustomerSanctionsApi(this RouteGroupBuilder api)
    {
        // The ruling is about one claim, so it is an action on the request; what it produces is a customer-sanctions resource.
        api.MapPost("/service-requests/{id}/ruleFraudulent", async (string id, RuleClaimFraudulent.Command command, RuleClaimFraudulent useCase, CustomerSanctionQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var view = await queries.GetAsync(await useCase.HandleAsync(id, command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/customer-sanctions/{view.Id}", view);
            })
            .WithTags("Customer sanctions 客户处罚")
            .WithSummary("判定虚假索赔 Rule a request a fake quality claim; creates a customer sanction (R-FRD-1)")
            .WithDescription("Body { \"reason\": \"…\", \"evidenceAttachmentIds\": [\"…\"] (at least one of the request's attachments), \"serious\": false }. "
                + "Platform operators and admins (sanctions.rule). The customer organisation loses request rights for 3 months, the end date computed in Asia/Shanghai "
                + "(ruled 2026-11-23 → restored 2027-02-23); a repeat case (an earlier ruling not revoked) or serious = true puts it on the blacklist with no end date. "
                + "201 with the sanction at /api/v1/customer-sanctions/{id}; the request's timeline records the ruling. A request already ruled is 409.");

        var sanctions = api.MapGroup("/customer-sanctions").WithTags("Customer sanctions 客户处罚");
        sanctions.MapGet("/", async (
                [FromQuery(Name = "organizationId")] Guid? organizationId,
                [FromQuery(Name = "active")] string? active,
                [FromQuery(Name = "kind")] CustomerSanctionKind? kind,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                CustomerSanctionQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(new CustomerSanctionFilter(organizationId, QueryValues.Flag(active, "active"), kind), pageSize, after, ct)))
            .WithSummary("客户处罚/黑名单 Customer sanctions and blacklistings, newest ruling first (R-FRD-1)")
            .WithDescription("Filters: organizationId (the customer organisation), active (true: in force now; false: expired or revoked), kind (suspension, blacklist). "
                + "The platform sees all; a customer its own organisation's; suppliers and dealers 403.");
        sanctions.MapGet("/{id:guid}", async (Guid id, CustomerSanctionQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("客户处罚详情 One sanction with its evidence and reversal");
        sanctions.MapPost("/{id:guid}/revoke", async (Guid id, RevokeCustomerSanction.Command command, RevokeCustomerSanction useCase, CustomerSanctionQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await useCase.HandleAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("撤销处罚 Revoke a sanction or take the customer off the blacklist (R-FRD-1)")
            .WithDescription("Body { \"reason\": \"…\" } (required). Platform admins only (sanctions.revoke); operators get 403. The sanction is kept, marked revoked "
                + "with who, when and why (audited as an update, never a delete), and no longer counts as a proven case; the request's timeline records it. Revoked twice is 409.");
        return api;
    }
}
