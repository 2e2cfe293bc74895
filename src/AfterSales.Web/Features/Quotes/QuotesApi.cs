using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AfterSales.Web.Features.Quotes;

/// <summary>
/// Price-list maintenance (R-QUO-2) and the agreements a request needs before work (R-QUO-3, R-SEC-1) under
/// <c>/api/v1</c>; quoting itself goes through <c>judge</c>, deciding through <c>acceptQuote</c>/<c>declineQuote</c>.
/// </summary>
public static class QuotesApi
{
    public static IServiceCollection AddQuoteFeatures(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ClientSessions>();
        services.AddScoped<CircuitHandler, SessionCircuitHandler>();
        services.AddScoped<QuotePricing>();
        services.AddScoped<AgreementQueries>();
        services.AddScoped<RevisePriceListItem>();
        services.AddScoped<RetirePriceListItem>();
        services.AddScoped<RecordServiceAgreement>();
        services.AddScoped<ConfirmServiceAgreement>();
        services.AddScoped<RecordConfidentialityAgreement>();
        services.AddScoped<AuthorizeRemoteSession>();
        return services;
    }

    public static RouteGroupBuilder MapQuotesApi(this RouteGroupBuilder api)
    {
        api.MapPut("/price-list/{id:guid}", async (Guid id, RevisePriceListItem.Command command, RevisePriceListItem useCase, CatalogueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.PriceListItemAsync(await useCase.HandleAsync(id, command, ct), ct)))
            .WithTags("Price list 价格表")
            .WithSummary("调整价格 Edit a price-list item: name, unit, price, band, cost, end date, lead time (R-QUO-2)");
        api.MapPost("/price-list/{id:guid}/retire", async (Guid id, RetirePriceListItem useCase, CatalogueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.PriceListItemAsync(await useCase.HandleAsync(id, ct), ct)))
            .WithTags("Price list 价格表")
            .WithSummary("停用价格 Retire a price-list item: kept for history, no longer quotable (R-QUO-2)");

        var requests = api.MapGroup("/service-requests").WithTags("Service requests 售后单");
        requests.MapGet("/{id}/agreements", async (string id, AgreementQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("协议与授权 Quote decision, service agreement, confidentiality agreement, remote authorisation and what blocks the start (R-QUO-3, R-SEC-1)");

        ServiceRequestsApi.MapAction<RecordServiceAgreement.Command>(requests, "recordServiceAgreement", "登记服务协议 Record the signed service agreement (R-QUO-3)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<RecordServiceAgreement>().HandleAsync(id, body ?? new(null, null, null, null, null), ctx, ct));
        ServiceRequestsApi.MapAction<ConfirmServiceAgreement.Command>(requests, "confirmServiceAgreement", "确认服务协议 The customer confirms the service agreement (R-QUO-3)",
            (sp, id, _, ctx, ct) => sp.GetRequiredService<ConfirmServiceAgreement>().HandleAsync(id, ctx, ct));
        ServiceRequestsApi.MapAction<RecordConfidentialityAgreement.Command>(requests, "recordConfidentialityAgreement", "登记数据保密协议 Record the pair's data-confidentiality agreement (R-SEC-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<RecordConfidentialityAgreement>().HandleAsync(id, body ?? new(null, null, null, null), ctx, ct));
        ServiceRequestsApi.MapAction<AuthorizeRemoteSession.Command>(requests, "authorizeRemoteSession", "授权远程会话 The customer authorises remote access (R-SEC-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<AuthorizeRemoteSession>().HandleAsync(id, body ?? new(null, null, null), ctx, ct));
        return api;
    }
}
