using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>Organisations, products, orders, assets, price list and policies under <c>/api/v1</c> (API.md).</summary>
public static class CatalogueApi
{
    public static IServiceCollection AddCatalogueFeatures(this IServiceCollection services)
    {
        services.AddScoped<CatalogueQueries>();
        return services;
    }

    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations 组织");
        organizations.MapGet("/", async ([FromQuery(Name = "kind")] PartyKind? kind, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.OrganizationsAsync(kind, search, pageSize, after, ct)))
            .WithSummary("组织列表 Organisations the caller deals with");
        organizations.MapGet("/{id:guid}", async (Guid id, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OrganizationAsync(id, ct)))
            .WithSummary("组织详情 One organisation");

        var products = api.MapGroup("/products").WithTags("Products 产品");
        products.MapGet("/", async ([FromQuery(Name = "supplierId")] Guid? supplierId, [FromQuery(Name = "category")] string? category, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ProductsAsync(supplierId, category, search, pageSize, after, ct)))
            .WithSummary("产品目录 Catalogue");

        var orders = api.MapGroup("/orders").WithTags("Orders 采购订单");
        orders.MapGet("/", async ([FromQuery(Name = "status")] OrderStatus? status, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.OrdersAsync(status, search, pageSize, after, ct)))
            .WithSummary("采购订单列表 Purchase orders, newest first");
        orders.MapGet("/{number}", async (string number, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OrderAsync(number, ct)))
            .WithSummary("采购订单详情 One order with its lines");

        var assets = api.MapGroup("/assets").WithTags("Assets 设备");
        assets.MapGet("/", async ([FromQuery(Name = "orderNumber")] string? orderNumber, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.AssetsAsync(orderNumber, search, pageSize, after, ct)))
            .WithSummary("设备列表 Installed base with warranty status");
        assets.MapGet("/{serial}", async (string serial, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AssetAsync(serial, ct)))
            .WithSummary("设备详情 One asset with its warranty decision and basis (R-WTY-1)");

        api.MapGet("/price-list", async ([FromQuery(Name = "supplierId")] Guid? supplierId, [FromQuery(Name = "kind")] QuoteLineKind? kind, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "validToday")] bool? validToday, [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after,
                CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.PriceListAsync(supplierId, kind, search, validToday ?? false, pageSize, after, ct)))
            .WithTags("Price list 价格表")
            .WithSummary("价格表 Published prices (R-QUO-2)");

        var policies = api.MapGroup("/policies").WithTags("Policies 售后政策");
        policies.MapGet("/", async (CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PoliciesAsync(ct)))
            .WithSummary("售后政策 Policy versions the caller may read");
        policies.MapGet("/presets", () => TypedResults.Ok(CatalogueQueries.Presets()))
            .WithSummary("政策预设 The five seed presets (R-SLA-1)");
        policies.MapGet("/{id:guid}", async (Guid id, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PolicyAsync(id, ct)))
            .WithSummary("售后政策详情 One policy version with every figure");

        return api;
    }
}
