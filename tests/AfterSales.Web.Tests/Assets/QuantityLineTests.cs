using System.Net;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Catalogue;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Assets;

/// <summary>数量行 (R-AST-1): units without a serial of their own are one record with a quantity, counted against the order line.</summary>
public sealed class QuantityLineTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly OrderCalls _orders = new(app);

    [Fact]
    public async Task The_demo_sensors_are_one_quantity_line_of_ten_with_site_acceptance_and_spec()
    {
        var customer2 = await App.ClientForAsync("customer2");

        var sensors = await customer2.GetAsync<AssetView>("/api/v1/assets/TS-0201");

        Assert.Equal(10, sensors.Quantity);
        Assert.Equal("TS-10", sensors.ProductModel);
        Assert.Equal("PT100，-50–300 ℃", sensors.ProductSpecification);
        Assert.Equal("T2026-07", sensors.Batch);
        Assert.Equal("宁波", sensors.SiteCity);
        Assert.Equal(new DateOnly(2026, 8, 23), sensors.AcceptedOn);
        Assert.Equal(1, (await customer2.GetAsync<AssetView>("/api/v1/assets/EQ-0201")).Quantity);
    }

    [Fact]
    public async Task A_quantity_line_counts_its_units_against_the_order_line()
    {
        await _orders.PlaceAsync("PO-2026-3101", OrderCalls.Line("TS-10", 10, "180.00"));
        var agent = await App.ClientForAsync("supplier.agent");

        var six = await (await agent.PostJsonAsync("/api/v1/assets", QuantityBody("TS-3101", 6))).ReadAsync<AssetView>(HttpStatusCode.Created);
        var tooMany = await agent.PostJsonAsync("/api/v1/assets", QuantityBody("TS-3102", 5));
        var four = await (await agent.PostJsonAsync("/api/v1/assets", QuantityBody("TS-3103", 4))).ReadAsync<AssetView>(HttpStatusCode.Created);
        var oneMore = await agent.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("TS-3104", "PO-2026-3101"));

        Assert.Equal(6, six.Quantity);
        Assert.Equal(4, four.Quantity);
        Assert.Equal("R-AST-1", (await tooMany.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        Assert.Equal("R-AST-1", (await oneMore.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        var order = await agent.GetAsync<AfterSales.Web.Http.Page<AssetView>>("/api/v1/assets?orderNumber=PO-2026-3101");
        Assert.Equal(10, order.Items.Sum(a => a.Quantity));
    }

    [Fact]
    public async Task A_quantity_of_zero_is_400_naming_quantity()
    {
        await _orders.PlaceAsync("PO-2026-3102", OrderCalls.Line("TS-10", 10, "180.00"));
        var agent = await App.ClientForAsync("supplier.agent");

        var problem = await (await agent.PostJsonAsync("/api/v1/assets", new { serial = "TS-3105", orderNumber = "PO-2026-3102", lineNo = 1, quantity = 0, siteCity = "苏州", siteAddress = "园区" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("quantity", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
    }

    private static object QuantityBody(string serial, int quantity) =>
        new { serial, orderNumber = "PO-2026-3101", lineNo = 1, quantity, siteCity = "苏州", siteAddress = "苏州工业园区星湖街 328 号 3 号厂房" };
}
