using System.Net;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>Orders and assets made through the API by the demo supplier 华东精密机械 for the demo customer 苏州恒达.</summary>
public sealed class OrderCalls(AfterSalesApp app)
{
    public static object Line(string model, int quantity = 1, string amount = "10000.00", string? batch = "B2026-11") =>
        new { model, quantity, unitPrice = new { amount, currency = "CNY" }, batch };

    public async Task<Guid> CustomerIdAsync(string customer = "customer")
    {
        var client = await app.ClientForAsync(customer);
        var me = await client.GetAsync<AfterSales.Web.Security.AuthApi.MeView>("/api/v1/me");
        return me.Organization.Id;
    }

    public async Task<OrderView> PlaceAsync(string number, params object[] lines) => await PlaceAsync(number, null, lines);

    public async Task<OrderView> PlaceAsync(string number, int? contractWarrantyMonths, params object[] lines) => await PlaceAsync(number, contractWarrantyMonths, null, lines);

    public async Task<OrderView> PlaceAsync(string number, int? contractWarrantyMonths, string? placedAt, params object[] lines)
    {
        var agent = await app.ClientForAsync("supplier.agent");
        var body = new { number, customerId = await CustomerIdAsync(), contractWarrantyMonths, placedAt, lines };
        return await (await agent.PostJsonAsync("/api/v1/orders", body)).ReadAsync<OrderView>(HttpStatusCode.Created);
    }

    public static object AssetBody(string serial, string orderNumber, int lineNo = 1) =>
        new { serial, orderNumber, lineNo, siteCity = "苏州", siteAddress = "苏州工业园区星湖街 328 号 3 号厂房" };

    public async Task<AssetView> RegisterAsync(string serial, string orderNumber, int lineNo = 1)
    {
        var agent = await app.ClientForAsync("supplier.agent");
        return await (await agent.PostJsonAsync("/api/v1/assets", AssetBody(serial, orderNumber, lineNo))).ReadAsync<AssetView>(HttpStatusCode.Created);
    }

    public async Task<OrderView> AcceptAsync(string orderNumber, object? body = null)
    {
        var customer = await app.ClientForAsync("customer");
        return await (await customer.PostJsonAsync($"/api/v1/orders/{orderNumber}/accept", body)).ReadAsync<OrderView>();
    }
}
