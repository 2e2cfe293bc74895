using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AfterSales.Web.Features.Warranty;

/// <summary>Warranty decisions with their basis, the dealer's and the customer's cards, and the exclusions (R-WTY-1..7, R-JDG-2).</summary>
public static class WarrantyApi
{
    public static IServiceCollection AddWarrantyFeatures(this IServiceCollection services)
    {
        services.AddScoped<WarrantyDecider>();
        services.AddScoped<WarrantyQueries>();
        services.AddScoped<RegisterWarrantyCard>();
        services.AddScoped<IssueCustomerWarrantyCard>();
        return services;
    }

    public static RouteGroupBuilder MapWarrantyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/warranty/exclusions", () => TypedResults.Ok(WarrantyQueries.Exclusions()))
            .WithTags("Warranty 质保")
            .WithSummary("除外条款 Exclusion reason codes a judgement cites to refuse warranty (R-WTY-4)");

        var assets = api.MapGroup("/assets").WithTags("Warranty 质保");
        assets.MapGet("/{serial}/warranty", async (string serial, WarrantyQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ForAssetAsync(serial, ct)))
            .WithSummary("设备质保 The asset's warranty decision today with its basis: rules, dates, documents, parts, repeat faults (R-WTY-1..7)");
        assets.MapPost("/{serial}/warranty-card", async (string serial, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RegisterWarrantyCard.Command? command,
                RegisterWarrantyCard useCase, WarrantyQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForAssetAsync(await useCase.HandleAsync(serial, command ?? new(), ct), ct)))
            .WithSummary("登记三包回执卡 The selling dealer registers the warranty card (R-WTY-3)")
            .WithDescription("Body { \"registeredOn\": \"2026-11-23\" } is optional (default today; not in the future, not before the sale). Registered more than the policy's days (20 in [004]) after the sale, the card is kept but the asset stays notRegistered. Only the selling dealer (403 otherwise); registering twice is 422 R-WTY-3; another organisation's asset is 404.");
        assets.MapPost("/{serial}/customer-warranty-card", async (string serial, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] IssueCustomerWarrantyCard.Command? command,
                IssueCustomerWarrantyCard useCase, WarrantyQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForAssetAsync(await useCase.HandleAsync(serial, command ?? new(), ct), ct)))
            .WithSummary("交付质保卡 The supplier records the warranty card issued to the customer (R-WTY-7)")
            .WithDescription("Body { \"issuedOn\": \"2026-11-23\" } is optional (default today). Supplier staff with assets.manage for its own asset, or the platform; twice is 422 R-WTY-7.");

        api.MapGet("/service-requests/{id}/warranty", async (string id, WarrantyQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ForRequestAsync(id, ct)))
            .WithTags("Warranty 质保")
            .WithSummary("售后单质保判定 The request's warranty decision on the fault's day, the intake decision and what the judgement cited (R-JDG-2)");
        return api;
    }
}
