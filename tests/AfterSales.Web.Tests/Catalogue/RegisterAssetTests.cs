using System.Net;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>登记设备 (R-AST-1): serials are unique, a line holds no more assets than its quantity, the site is required.</summary>
public sealed class RegisterAssetTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly OrderCalls _orders = new(app);

    [Fact]
    public async Task A_registered_asset_shows_its_order_line_product_and_site()
    {
        await _orders.PlaceAsync("PO-2026-3001", OrderCalls.Line("VMC-850", 1, "386000.00", "B2026-11"));

        var asset = await _orders.RegisterAsync("EQ-3001", "PO-2026-3001");

        Assert.Equal("EQ-3001", asset.Serial);
        Assert.Equal("PO-2026-3001", asset.OrderNumber);
        Assert.Equal(1, asset.OrderLineNo);
        Assert.Equal("VMC-850", asset.ProductModel);
        Assert.Equal("equipment", asset.Category);
        Assert.Equal("B2026-11", asset.Batch);
        Assert.Equal("苏州", asset.SiteCity);
        Assert.Equal("苏州恒达制造有限公司", asset.Customer.Name);
        Assert.Null(asset.Dealer);
        Assert.Equal(WarrantyStatus.NotStarted, asset.Warranty.Status);

        var customer = await App.ClientForAsync("customer");
        var listed = await customer.GetAsync<AfterSales.Web.Http.Page<AssetView>>("/api/v1/assets?orderNumber=PO-2026-3001");
        Assert.Equal(["EQ-3001"], listed.Items.Select(a => a.Serial));
    }

    [Fact]
    public async Task More_assets_than_the_line_quantity_is_422_R_AST_1()
    {
        await _orders.PlaceAsync("PO-2026-3002", OrderCalls.Line("PLC-200", 2), OrderCalls.Line("TS-10", 1));
        await _orders.RegisterAsync("EQ-3002", "PO-2026-3002", lineNo: 1);
        await _orders.RegisterAsync("EQ-3003", "PO-2026-3002", lineNo: 1);
        await _orders.RegisterAsync("TS-3001", "PO-2026-3002", lineNo: 2);
        var agent = await App.ClientForAsync("supplier.agent");

        var third = await agent.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3004", "PO-2026-3002", lineNo: 1));

        Assert.Equal("R-AST-1", (await third.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        await (await agent.GetAsync("/api/v1/assets/EQ-3004", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_registrations_racing_for_the_last_unit_of_a_line_register_one()
    {
        await _orders.PlaceAsync("PO-2026-3006", OrderCalls.Line("PLC-200", 1));
        var first = await App.ClientForAsync("supplier.agent");
        var second = await App.ClientForAsync("supplier.manager");

        var responses = await Task.WhenAll(
            first.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3010", "PO-2026-3006")),
            second.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3011", "PO-2026-3006")));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], responses.Select(r => r.StatusCode).Order());
        var listed = await first.GetAsync<AfterSales.Web.Http.Page<AssetView>>("/api/v1/assets?orderNumber=PO-2026-3006");
        Assert.Single(listed.Items);
    }

    [Fact]
    public async Task A_serial_already_registered_anywhere_is_409()
    {
        await _orders.PlaceAsync("PO-2026-3003", OrderCalls.Line("PLC-200", 3));
        await _orders.RegisterAsync("EQ-3005", "PO-2026-3003");
        var agent = await App.ClientForAsync("supplier.agent");

        await (await agent.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3005", "PO-2026-3003"))).ProblemAsync(HttpStatusCode.Conflict);

        // EQ-0201 belongs to another customer's order: still taken, platform-wide.
        await (await agent.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-0201", "PO-2026-3003"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Missing_site_or_an_unknown_line_is_400_naming_the_field()
    {
        await _orders.PlaceAsync("PO-2026-3004", OrderCalls.Line("PLC-200", 3));
        var agent = await App.ClientForAsync("supplier.agent");

        async Task<string> FieldOf(object body) =>
            Assert.Single((await (await agent.PostJsonAsync("/api/v1/assets", body)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject()).Name;

        Assert.Equal("siteCity", await FieldOf(new { serial = "EQ-3006", orderNumber = "PO-2026-3004", lineNo = 1, siteAddress = "苏州工业园区" }));
        Assert.Equal("siteAddress", await FieldOf(new { serial = "EQ-3006", orderNumber = "PO-2026-3004", lineNo = 1, siteCity = "苏州" }));
        Assert.Equal("lineNo", await FieldOf(OrderCalls.AssetBody("EQ-3006", "PO-2026-3004", lineNo: 2)));
        Assert.Equal("serial", await FieldOf(OrderCalls.AssetBody("EQ 3006", "PO-2026-3004")));
        Assert.Equal("soldOn", await FieldOf(new { serial = "EQ-3006", orderNumber = "PO-2026-3004", lineNo = 1, siteCity = "苏州", siteAddress = "园区", soldOn = "2026-11-20" }));
    }

    [Fact]
    public async Task Only_the_orders_supplier_registers_its_assets()
    {
        await _orders.PlaceAsync("PO-2026-3005", OrderCalls.Line("PLC-200", 3));
        var otherSupplier = await App.ClientForAsync("supplier2.agent");
        var customer = await App.ClientForAsync("customer");
        var engineer = await App.ClientForAsync("supplier.engineer");

        await (await otherSupplier.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3007", "PO-2026-3005"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await customer.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3007", "PO-2026-3005"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await engineer.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("EQ-3007", "PO-2026-3005"))).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
