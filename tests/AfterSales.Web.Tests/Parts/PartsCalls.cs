using System.Net;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Parts;

/// <summary>Calls the spare-parts tests share (R-EXE-4, R-KPI-4).</summary>
internal static class PartsCalls
{
    public static async Task<SparePartView> PartAsync(this HttpClient client, string partNumber) =>
        (await client.GetAsync<IReadOnlyList<SparePartView>>($"/api/v1/parts?q={partNumber}")).Single(p => p.PartNumber == partNumber);

    public static async Task<WarehouseView> WarehouseAsync(this HttpClient client, string code) =>
        (await client.GetAsync<IReadOnlyList<WarehouseView>>("/api/v1/warehouses")).Single(w => w.Code == code);

    public static async Task<IReadOnlyList<StockRow>> StockAsync(this HttpClient client, Guid partId) =>
        (await client.GetAsync<Page<StockRow>>($"/api/v1/stock?partId={partId}&page[size]=200")).Items;

    /// <summary>A new standard part fitting VMC-850 with <paramref name="quantity"/> received into WH-SZ under <paramref name="batch"/>.</summary>
    public static async Task<SparePartView> StockedPartAsync(this HttpClient supplier, string partNumber, int quantity, string batch = "B-TEST-01")
    {
        var part = await (await supplier.PostJsonAsync("/api/v1/parts", new
        {
            partNumber,
            name = "测试备件 " + partNumber,
            brand = "华东精密",
            compatibleModels = new[] { "VMC-850" },
            isCustom = false,
            leadTimeDays = 5,
        })).ReadAsync<SparePartView>(HttpStatusCode.Created);
        var warehouse = await supplier.WarehouseAsync("WH-SZ");
        var order = await (await supplier.PostJsonAsync("/api/v1/replenishments", new { partId = part.Id, warehouseId = warehouse.Id, quantity }))
            .ReadAsync<ReplenishmentView>(HttpStatusCode.Created);
        await (await supplier.PostJsonAsync($"/api/v1/replenishments/{order.Id}/receive", new { batchNumber = batch })).ReadAsync<ReplenishmentView>();
        return await supplier.GetAsync<SparePartView>($"/api/v1/parts/{part.Id}");
    }

    public static Task<HttpResponseMessage> ReserveAsync(this HttpClient client, Guid requestId, Guid partId, int quantity = 1, string? batchNumber = null) =>
        client.PostJsonAsync("/api/v1/reservations", new { requestId = requestId.ToString(), partId, quantity, batchNumber });
}
