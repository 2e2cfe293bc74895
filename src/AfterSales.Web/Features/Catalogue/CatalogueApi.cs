using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AfterSales.Web.Features.Catalogue;

/// <summary>Organisations, products, orders, assets, price list and policies under <c>/api/v1</c> (API.md).</summary>
public static class CatalogueApi
{
    public static IServiceCollection AddCatalogueFeatures(this IServiceCollection services)
    {
        services.AddScoped<CatalogueQueries>();
        services.AddScoped<AddProduct>();
        services.AddScoped<PublishPriceListItem>();
        services.AddScoped<PlaceOrder>();
        services.AddScoped<DeliverOrder>();
        services.AddScoped<AcceptOrder>();
        services.AddScoped<RegisterAsset>();
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
        products.MapGet("/{id:guid}", async (Guid id, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ProductAsync(id, ct)))
            .WithSummary("产品详情 One product");
        products.MapPost("/", async (AddProduct.Command command, AddProduct useCase, CatalogueQueries queries, HttpRequest http, CancellationToken ct) =>
        {
            var view = await queries.ProductAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
            return TypedResults.Created($"/api/v1/products/{view.Id}", view);
        })
        .WithSummary("新增产品 Add a product to the supplier's catalogue")
        .WithDescription("Supplier staff with products.manage, or a platform admin naming supplierId. category: equipment, parts, software, consumables or an own code; warrantyMonths overrides the policy's category term (R-WTY-1). A model already in the catalogue is 409.");

        var orders = api.MapGroup("/orders").WithTags("Orders 采购订单");
        orders.MapGet("/", async ([FromQuery(Name = "status")] OrderStatus? status, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.OrdersAsync(status, search, pageSize, after, ct)))
            .WithSummary("采购订单列表 Purchase orders, newest first");
        orders.MapGet("/{number}", async (string number, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OrderAsync(number, ct)))
            .WithSummary("采购订单详情 One order with its lines");
        orders.MapPost("/", async (PlaceOrder.Command command, PlaceOrder useCase, CatalogueQueries queries, HttpRequest http, CancellationToken ct) =>
        {
            var view = await queries.OrderAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
            return TypedResults.Created($"/api/v1/orders/{view.Number}", view);
        })
        .WithSummary("录入采购订单 Place an order for a customer (R-ORD-1)")
        .WithDescription("Supplier staff with orders.manage for one of its customers, or a platform admin naming supplierId. Lines name a product of the supplier's catalogue by productId or model; errors name the line field (lines[0].quantity, zero-based). A number already used is 409.");
        orders.MapPost("/{number}/deliver", async (string number, DeliverOrder useCase, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.OrderAsync(await useCase.HandleAsync(number, ct), ct)))
            .WithSummary("标记到货 Mark a placed order delivered");
        orders.MapPost("/{number}/accept", async (string number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] AcceptOrder.Command? command,
                AcceptOrder useCase, CatalogueQueries queries, HttpRequest http, CancellationToken ct) =>
            TypedResults.Ok(await queries.OrderAsync(await useCase.HandleAsync(number, command ?? new(), Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("确认验收 The customer accepts the order (R-ORD-2); its assets' warranty starts that day (R-WTY-1)")
            .WithDescription("Body { \"acceptedAt\": \"2026-11-23T09:00:00+08:00\" } is optional (default now; not in the future, not before the order was placed). Accepting twice is 409.");

        var assets = api.MapGroup("/assets").WithTags("Assets 设备");
        assets.MapGet("/", async ([FromQuery(Name = "orderNumber")] string? orderNumber, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.AssetsAsync(orderNumber, search, pageSize, after, ct)))
            .WithSummary("设备列表 Installed base with warranty status");
        assets.MapGet("/{serial}", async (string serial, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AssetAsync(serial, ct)))
            .WithSummary("设备详情 One asset with its warranty decision and basis (R-WTY-1)");
        assets.MapPost("/", async (RegisterAsset.Command command, RegisterAsset useCase, CatalogueQueries queries, HttpRequest http, CancellationToken ct) =>
        {
            var view = await queries.AssetAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
            return TypedResults.Created($"/api/v1/assets/{view.Serial}", view);
        })
        .WithSummary("登记设备 Register an asset on an order line (R-AST-1)")
        .WithDescription("Supplier staff with assets.manage. quantity (default 1) above 1 registers a quantity line: units without serials of their own, one record. A serial already registered is 409; more units than the line's quantity is 422 R-AST-1. An asset of an accepted order is in warranty from the acceptance date.");

        api.MapGet("/price-list", async ([FromQuery(Name = "supplierId")] Guid? supplierId, [FromQuery(Name = "kind")] QuoteLineKind? kind, [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "validToday")] bool? validToday, [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after,
                CatalogueQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.PriceListAsync(supplierId, kind, search, validToday ?? false, pageSize, after, ct)))
            .WithTags("Price list 价格表")
            .WithSummary("价格表 Published prices (R-QUO-2)");
        api.MapGet("/price-list/{id:guid}", async (Guid id, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PriceListItemAsync(id, ct)))
            .WithTags("Price list 价格表")
            .WithSummary("价格表项目 One published price");
        api.MapPost("/price-list", async (PublishPriceListItem.Command command, PublishPriceListItem useCase, CatalogueQueries queries, HttpRequest http, CancellationToken ct) =>
        {
            var view = await queries.PriceListItemAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
            return TypedResults.Created($"/api/v1/price-list/{view.Id}", view);
        })
        .WithTags("Price list 价格表")
        .WithSummary("发布价格 Publish a price-list item (R-QUO-2, R-QUO-4)")
        .WithDescription("Supplier staff with products.manage, or a platform admin naming supplierId. validFrom defaults to today; the same code and validFrom twice is 409.");

        // GET and POST /policies (the versions, R-SLA-1) are in Features/Policies/PoliciesApi.
        var policies = api.MapGroup("/policies").WithTags("Policies 售后政策");
        policies.MapGet("/presets", () => TypedResults.Ok(CatalogueQueries.Presets()))
            .WithSummary("政策预设 The five seed presets (R-SLA-1)");
        policies.MapGet("/{id:guid}", async (Guid id, CatalogueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PolicyAsync(id, ct)))
            .WithSummary("售后政策详情 One policy version with every figure");

        return api;
    }
}
