using System.Net;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>下单 (R-ORD-1): the supplier records an order of one of its customers, with lines from its catalogue.</summary>
public sealed class PlaceOrderTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly OrderCalls _orders = new(app);

    [Fact]
    public async Task A_placed_order_shows_its_lines_amount_and_parties()
    {
        var order = await _orders.PlaceAsync("PO-2026-2001", OrderCalls.Line("VMC-850", 1, "386000.00", "B2026-11"), OrderCalls.Line("TS-10", 3, "180.50", null));

        Assert.Equal("PO-2026-2001", order.Number);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(AfterSalesApp.StartTime, order.PlacedAt);
        Assert.Null(order.AcceptedAt);
        Assert.Equal("苏州恒达制造有限公司", order.Customer.Name);
        Assert.Equal("华东精密机械有限公司", order.Supplier.Name);
        Assert.Equal("386541.50", order.Amount.AmountText);
        Assert.Equal("CNY", order.Amount.Currency);
        Assert.Equal([1, 2], order.Lines.Select(l => l.LineNo));
        Assert.Equal("541.50", order.Lines[1].LineTotal.AmountText);
        Assert.Equal("B2026-11", order.Lines[0].Batch);

        var customer = await App.ClientForAsync("customer");
        Assert.Equal(order.Id, (await customer.GetAsync<OrderView>("/api/v1/orders/PO-2026-2001")).Id);
    }

    [Fact]
    public async Task A_duplicate_order_number_is_409()
    {
        await _orders.PlaceAsync("PO-2026-2002", OrderCalls.Line("PLC-200"));
        var agent = await App.ClientForAsync("supplier.agent");

        var again = await agent.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-2002", customerId = await _orders.CustomerIdAsync(), lines = new[] { OrderCalls.Line("PLC-200") } });
        await again.ProblemAsync(HttpStatusCode.Conflict);

        var demoNumber = await agent.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-0003", customerId = await _orders.CustomerIdAsync(), lines = new[] { OrderCalls.Line("PLC-200") } });
        await demoNumber.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_customer_cannot_place_orders()
    {
        var customer = await App.ClientForAsync("customer");

        var response = await customer.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-2003", customerId = await _orders.CustomerIdAsync(), lines = new[] { OrderCalls.Line("PLC-200") } });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_line_is_400_naming_the_line_field()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var customerId = await _orders.CustomerIdAsync();

        async Task<string> FieldOf(object line)
        {
            var response = await agent.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-2004", customerId, lines = new[] { OrderCalls.Line("PLC-200"), line } });
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            return Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;
        }

        Assert.Equal("lines[1].quantity", await FieldOf(OrderCalls.Line("PLC-200", quantity: 0)));
        Assert.Equal("lines[1].unitPrice", await FieldOf(OrderCalls.Line("PLC-200", amount: "-1.00")));
        Assert.Equal("lines[1].unitPrice", await FieldOf(OrderCalls.Line("PLC-200", amount: "10.005")));
        Assert.Equal("lines[1].model", await FieldOf(OrderCalls.Line("NO-SUCH-MODEL")));
        Assert.Equal("lines[1].model", await FieldOf(OrderCalls.Line("Y2-160M")));
        Assert.Equal("lines[1].productId", await FieldOf(new { quantity = 1, unitPrice = new { amount = "1.00", currency = "CNY" } }));
        Assert.Equal("lines[1].unitPrice.currency", await FieldOf(new { model = "PLC-200", quantity = 1, unitPrice = new { amount = "1.00", currency = "USD" } }));
    }

    [Fact]
    public async Task Order_fields_are_checked_and_named()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var customerId = await _orders.CustomerIdAsync();
        var lines = new[] { OrderCalls.Line("PLC-200") };

        async Task<string> FieldOf(object body) =>
            Assert.Single((await (await agent.PostJsonAsync("/api/v1/orders", body)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject()).Name;

        Assert.Equal("number", await FieldOf(new { number = " ", customerId, lines }));
        Assert.Equal("number", await FieldOf(new { number = "PO/2026/1", customerId, lines }));
        Assert.Equal("customerId", await FieldOf(new { number = "PO-2026-2005", lines }));
        Assert.Equal("lines", await FieldOf(new { number = "PO-2026-2005", customerId, lines = Array.Empty<object>() }));
        Assert.Equal("contractWarrantyMonths", await FieldOf(new { number = "PO-2026-2005", customerId, contractWarrantyMonths = 0, lines }));
        Assert.Equal("currency", await FieldOf(new { number = "PO-2026-2005", customerId, currency = "yuan", lines }));
        Assert.Equal("placedAt", await FieldOf(new { number = "PO-2026-2005", customerId, placedAt = "2026-12-01T09:00:00+08:00", lines }));
    }

    [Fact]
    public async Task A_supplier_places_orders_only_for_its_own_customers_and_dealers()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var platform = await App.ClientForAsync("admin");
        var organizations = await platform.GetAsync<AfterSales.Web.Http.Page<OrganizationView>>("/api/v1/organizations?page[size]=200");
        var strangerCustomer = organizations.Items.Single(o => o.Code == "CUS-HZYJ").Id;
        var otherSuppliersDealer = organizations.Items.Single(o => o.Code == "DLR-FSSD").Id;
        var lines = new[] { OrderCalls.Line("PLC-200") };

        var stranger = await agent.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-2006", customerId = strangerCustomer, lines });
        Assert.True((await stranger.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("customerId", out _));

        var dealer = await agent.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-2006", customerId = await _orders.CustomerIdAsync(), dealerId = otherSuppliersDealer, lines });
        Assert.True((await dealer.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("dealerId", out _));
    }

    [Fact]
    public async Task A_platform_admin_places_an_order_naming_supplier_customer_and_dealer()
    {
        var admin = await App.ClientForAsync("admin");
        var organizations = (await admin.GetAsync<AfterSales.Web.Http.Page<OrganizationView>>("/api/v1/organizations?page[size]=200")).Items;
        var body = new
        {
            number = "PO-2026-2007",
            supplierId = organizations.Single(o => o.Code == "SUP-ZSTW").Id,
            customerId = organizations.Single(o => o.Code == "CUS-HZYJ").Id,
            dealerId = organizations.Single(o => o.Code == "DLR-FSSD").Id,
            contractWarrantyMonths = 18,
            lines = new[] { OrderCalls.Line("Y2-160M", 2, "6800.00", "M2026-11") },
        };

        var order = await (await admin.PostJsonAsync("/api/v1/orders", body)).ReadAsync<OrderView>(HttpStatusCode.Created);
        Assert.Equal("佛山顺德机电经销服务部", order.Dealer!.Name);
        Assert.Equal(18, order.ContractWarrantyMonths);

        var withoutSupplier = await admin.PostJsonAsync("/api/v1/orders", new { number = "PO-2026-2008", customerId = body.customerId, lines = body.lines });
        Assert.True((await withoutSupplier.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("supplierId", out _));

        // A dealer-sold asset records the dealer and the date of sale (R-WTY-3).
        var asset = await (await admin.PostJsonAsync("/api/v1/assets", OrderCalls.AssetBody("MT-2001", "PO-2026-2007"))).ReadAsync<AssetView>(HttpStatusCode.Created);
        Assert.Equal(body.dealerId, asset.Dealer!.Id);
        Assert.Equal("M2026-11", asset.Batch);
        Assert.Equal(WarrantyStatus.NotStarted, asset.Warranty.Status);
    }

    [Fact]
    public async Task Paging_the_orders_with_one_per_page_reaches_every_order_once()
    {
        await _orders.PlaceAsync("PO-2026-2009", OrderCalls.Line("PLC-200"));
        await _orders.PlaceAsync("PO-2026-2010", OrderCalls.Line("PLC-200"));
        var customer = await App.ClientForAsync("customer");
        var all = await customer.GetAsync<AfterSales.Web.Http.Page<OrderView>>("/api/v1/orders?page[size]=200");

        var seen = new List<string>();
        string? next = null;
        do
        {
            var url = "/api/v1/orders?page[size]=1" + (next is null ? string.Empty : $"&page[after]={Uri.EscapeDataString(next)}");
            var page = await customer.GetAsync<AfterSales.Web.Http.Page<OrderView>>(url);
            Assert.True(page.Items.Count <= 1);
            seen.AddRange(page.Items.Select(o => o.Number));
            next = page.Next;
        }
        while (next is not null && seen.Count <= all.Items.Count);

        Assert.Equal(all.Items.Select(o => o.Number), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains("PO-2026-2009", seen);
        Assert.Contains("PO-2026-0001", seen);
        Assert.DoesNotContain("PO-2026-0003", seen);
    }

    [Fact]
    public async Task Orders_are_found_by_number_or_party_name_and_filtered_by_status()
    {
        await _orders.PlaceAsync("PO-2026-2011", OrderCalls.Line("PLC-200"));
        var agent = await App.ClientForAsync("supplier.agent");

        var byNumber = await agent.GetAsync<AfterSales.Web.Http.Page<OrderView>>("/api/v1/orders?q=2026-2011");
        Assert.Equal(["PO-2026-2011"], byNumber.Items.Select(o => o.Number));

        var byCustomer = await agent.GetAsync<AfterSales.Web.Http.Page<OrderView>>("/api/v1/orders?q=宁波海川&page[size]=200");
        Assert.Equal(["PO-2026-0003", "PO-2026-0009"], byCustomer.Items.Select(o => o.Number).Order());

        var placed = await agent.GetAsync<AfterSales.Web.Http.Page<OrderView>>("/api/v1/orders?status=placed&page[size]=200");
        Assert.All(placed.Items, o => Assert.Equal(OrderStatus.Placed, o.Status));
        Assert.Contains("PO-2026-2011", placed.Items.Select(o => o.Number));

        var otherCustomer = await App.ClientForAsync("customer2");
        Assert.Empty((await otherCustomer.GetAsync<AfterSales.Web.Http.Page<OrderView>>("/api/v1/orders?q=苏州恒达")).Items);
        Assert.Empty((await otherCustomer.GetAsync<AfterSales.Web.Http.Page<OrderView>>("/api/v1/orders?q=PO-2026-2011")).Items);
        await (await agent.GetAsync("/api/v1/orders?status=lost", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
