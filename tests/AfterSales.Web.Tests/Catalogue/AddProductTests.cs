using System.Net;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>新增产品: a supplier's catalogue grows model by model; the category keys the warranty term (R-WTY-1).</summary>
public sealed class AddProductTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_supplier_adds_a_product_and_orders_it()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        var product = await (await agent.PostJsonAsync("/api/v1/products", new { model = "CNC-1260", name = "龙门加工中心", category = "equipment", specification = "行程 1260 mm" }))
            .ReadAsync<ProductView>(HttpStatusCode.Created);

        Assert.Equal("CNC-1260", product.Model);
        Assert.Null(product.WarrantyMonths);
        var catalogue = await agent.GetAsync<Page<ProductView>>($"/api/v1/products?supplierId={product.SupplierId}&page[size]=200");
        Assert.Contains(catalogue.Items, p => p.Id == product.Id);

        var orders = new OrderCalls(App);
        var order = await orders.PlaceAsync("PO-2026-4001", new { productId = product.Id, quantity = 1, unitPrice = new { amount = "520000.00", currency = "CNY" } });
        Assert.Equal("CNC-1260", Assert.Single(order.Lines).Model);
    }

    [Fact]
    public async Task A_products_own_warranty_term_is_used_over_the_policys_category_term()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        await (await agent.PostJsonAsync("/api/v1/products", new { model = "SRV-5", name = "远程运维软件", category = "software", warrantyMonths = 36 })).ReadAsync<ProductView>(HttpStatusCode.Created);
        var orders = new OrderCalls(App);
        await orders.PlaceAsync("PO-2026-4002", OrderCalls.Line("SRV-5"));
        await orders.RegisterAsync("SW-4001", "PO-2026-4002");

        await orders.AcceptAsync("PO-2026-4002");

        var asset = await agent.GetAsync<AssetView>("/api/v1/assets/SW-4001");
        Assert.Equal(WarrantyStatus.InWarranty, asset.Warranty.Status);
        Assert.Equal(new DateOnly(2029, 11, 22), asset.Warranty.End);
    }

    [Fact]
    public async Task A_model_already_in_the_catalogue_is_409()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        await (await agent.PostJsonAsync("/api/v1/products", new { model = "VMC-850", name = "立式加工中心", category = "equipment" })).ProblemAsync(HttpStatusCode.Conflict);

        // Another supplier may use the same model name in its own catalogue.
        var other = await App.ClientForAsync("supplier2.agent");
        await (await other.PostJsonAsync("/api/v1/products", new { model = "VMC-850", name = "立式加工中心", category = "equipment" })).ReadAsync<ProductView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Product_fields_are_checked_and_named()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        async Task<string> FieldOf(object body) =>
            Assert.Single((await (await agent.PostJsonAsync("/api/v1/products", body)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject()).Name;

        Assert.Equal("model", await FieldOf(new { name = "传感器", category = "parts" }));
        Assert.Equal("name", await FieldOf(new { model = "X-1", category = "parts" }));
        Assert.Equal("category", await FieldOf(new { model = "X-1", name = "传感器" }));
        Assert.Equal("category", await FieldOf(new { model = "X-1", name = "传感器", category = "零件 A" }));
        Assert.Equal("warrantyMonths", await FieldOf(new { model = "X-1", name = "传感器", category = "parts", warrantyMonths = 0 }));

        var custom = await (await agent.PostJsonAsync("/api/v1/products", new { model = "X-1", name = "润滑油", category = "lubricants" })).ReadAsync<ProductView>(HttpStatusCode.Created);
        Assert.Equal("lubricants", custom.Category);
    }

    [Fact]
    public async Task Customers_and_engineers_cannot_add_products_and_a_platform_admin_names_the_supplier()
    {
        var body = new { model = "X-2", name = "传感器", category = "parts" };
        await (await (await App.ClientForAsync("customer")).PostJsonAsync("/api/v1/products", body)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("supplier.engineer")).PostJsonAsync("/api/v1/products", body)).ProblemAsync(HttpStatusCode.Forbidden);

        var admin = await App.ClientForAsync("admin");
        var withoutSupplier = await admin.PostJsonAsync("/api/v1/products", body);
        Assert.True((await withoutSupplier.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("supplierId", out _));
        var supplierId = (await admin.GetAsync<Page<OrganizationView>>("/api/v1/organizations?kind=supplier")).Items.Single(o => o.Code == "SUP-ZSTW").Id;
        var added = await (await admin.PostJsonAsync("/api/v1/products", new { model = "X-2", name = "传感器", category = "parts", supplierId })).ReadAsync<ProductView>(HttpStatusCode.Created);
        Assert.Equal(supplierId, added.SupplierId);
    }
}
