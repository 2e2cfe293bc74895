using System.Net;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>确认验收: the customer accepts an order, its assets' warranty starts that day (R-WTY-1) and requests may be filed (R-ORD-2).</summary>
public sealed class AcceptOrderTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly OrderCalls _orders = new(app);

    [Fact]
    public async Task Acceptance_starts_the_warranty_of_every_asset_and_opens_the_order_to_requests()
    {
        var placed = await _orders.PlaceAsync("PO-2026-1001", OrderCalls.Line("VMC-850", 1, "386000.00"), OrderCalls.Line("PLC-200", 2, "12500.00"));
        Assert.Equal(OrderStatus.Placed, placed.Status);
        Assert.Equal("411000.00", placed.Amount.AmountText);
        var first = await _orders.RegisterAsync("EQ-1001", "PO-2026-1001", lineNo: 1);
        var second = await _orders.RegisterAsync("EQ-1002", "PO-2026-1001", lineNo: 2);
        Assert.Equal(WarrantyStatus.NotStarted, first.Warranty.Status);
        Assert.Null(second.AcceptedOn);

        var customer = await App.ClientForAsync("customer");
        var tooEarly = await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody("PO-2026-1001", "EQ-1001"));
        Assert.Equal("R-ORD-2", (await tooEarly.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());

        var accepted = await _orders.AcceptAsync("PO-2026-1001");

        Assert.Equal(OrderStatus.Accepted, accepted.Status);
        Assert.Equal(AfterSalesApp.StartTime, accepted.AcceptedAt);
        var start = new DateOnly(2026, 11, 23);
        foreach (var serial in new[] { "EQ-1001", "EQ-1002" })
        {
            var asset = await customer.GetAsync<AssetView>($"/api/v1/assets/{serial}");
            Assert.Equal(WarrantyStatus.InWarranty, asset.Warranty.Status);
            Assert.Equal(start, asset.AcceptedOn);
            Assert.Equal(start, asset.Warranty.Start);
            Assert.Equal(start.AddMonths(12).AddDays(-1), asset.Warranty.End);
            Assert.Contains("R-WTY-1", asset.Warranty.Basis);
        }

        var filed = await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody("PO-2026-1001", "EQ-1001"));
        var request = await filed.ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(WarrantyStatus.InWarranty, request.Warranty!.Status);
    }

    [Fact]
    public async Task A_part_is_covered_for_the_policys_6_months()
    {
        await _orders.PlaceAsync("PO-2026-1010", OrderCalls.Line("SM-15", 1, "2000.00", "S2026-11"));
        await _orders.RegisterAsync("PT-1001", "PO-2026-1010");

        await _orders.AcceptAsync("PO-2026-1010");

        var customer = await App.ClientForAsync("customer");
        var asset = await customer.GetAsync<AssetView>("/api/v1/assets/PT-1001");
        Assert.Equal("parts", asset.Category);
        Assert.Equal(WarrantyStatus.InWarranty, asset.Warranty.Status);
        Assert.Equal(new DateOnly(2027, 5, 22), asset.Warranty.End);
    }

    [Fact]
    public async Task A_contract_warranty_term_overrides_the_policy()
    {
        await _orders.PlaceAsync("PO-2026-1011", 24, OrderCalls.Line("SM-15"), OrderCalls.Line("VMC-850"));
        await _orders.RegisterAsync("PT-1002", "PO-2026-1011", lineNo: 1);
        await _orders.RegisterAsync("EQ-1011", "PO-2026-1011", lineNo: 2);

        await _orders.AcceptAsync("PO-2026-1011");

        var customer = await App.ClientForAsync("customer");
        foreach (var serial in new[] { "PT-1002", "EQ-1011" })
        {
            var asset = await customer.GetAsync<AssetView>($"/api/v1/assets/{serial}");
            Assert.Equal(new DateOnly(2028, 11, 22), asset.Warranty.End);
            Assert.Contains("合同", asset.Warranty.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_asset_registered_after_acceptance_takes_the_acceptance_date()
    {
        await _orders.PlaceAsync("PO-2026-1002", null, "2026-11-20T10:00:00+08:00", OrderCalls.Line("PLC-200", 2));
        await _orders.AcceptAsync("PO-2026-1002", new { acceptedAt = "2026-11-22T23:30:00+08:00" });

        var asset = await _orders.RegisterAsync("EQ-1003", "PO-2026-1002");

        Assert.Equal(new DateOnly(2026, 11, 22), asset.AcceptedOn);
        Assert.Equal(WarrantyStatus.InWarranty, asset.Warranty.Status);
    }

    [Fact]
    public async Task The_acceptance_date_is_the_Shanghai_date_of_the_instant()
    {
        await _orders.PlaceAsync("PO-2026-1003", null, "2026-11-20T10:00:00+08:00", OrderCalls.Line("PLC-200"));
        await _orders.RegisterAsync("EQ-1004", "PO-2026-1003");

        // 2026-11-22T16:30Z is already 00:30 on the 23rd in Shanghai.
        var accepted = await _orders.AcceptAsync("PO-2026-1003", new { acceptedAt = "2026-11-22T16:30:00Z" });

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.FromHours(8)), accepted.AcceptedAt);
        var customer = await App.ClientForAsync("customer");
        Assert.Equal(new DateOnly(2026, 11, 23), (await customer.GetAsync<AssetView>("/api/v1/assets/EQ-1004")).Warranty.Start);
    }

    [Fact]
    public async Task Accepting_twice_is_409()
    {
        await _orders.PlaceAsync("PO-2026-1004", OrderCalls.Line("PLC-200"));
        await _orders.AcceptAsync("PO-2026-1004");
        var customer = await App.ClientForAsync("customer");

        var again = await customer.PostJsonAsync("/api/v1/orders/PO-2026-1004/accept", null);

        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("accepted", problem.GetProperty("currentStatus").GetString());
    }

    [Fact]
    public async Task An_acceptance_in_the_future_is_400_naming_acceptedAt()
    {
        await _orders.PlaceAsync("PO-2026-1005", OrderCalls.Line("PLC-200"));
        var customer = await App.ClientForAsync("customer");

        var response = await customer.PostJsonAsync("/api/v1/orders/PO-2026-1005/accept", new { acceptedAt = "2026-11-23T10:00:00+08:00" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("acceptedAt", out _));
        Assert.Equal(OrderStatus.Placed, (await customer.GetAsync<OrderView>("/api/v1/orders/PO-2026-1005")).Status);
    }

    [Fact]
    public async Task An_acceptance_before_the_order_was_placed_is_400_naming_acceptedAt()
    {
        await _orders.PlaceAsync("PO-2026-1006", OrderCalls.Line("PLC-200"));
        var customer = await App.ClientForAsync("customer");

        var response = await customer.PostJsonAsync("/api/v1/orders/PO-2026-1006/accept", new { acceptedAt = "2026-11-01T10:00:00+08:00" });

        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("acceptedAt", out _));
    }

    [Fact]
    public async Task A_delivered_order_is_accepted_after_the_supplier_marks_it_delivered()
    {
        await _orders.PlaceAsync("PO-2026-1007", OrderCalls.Line("PLC-200"));
        var agent = await App.ClientForAsync("supplier.agent");

        var delivered = await (await agent.PostJsonAsync("/api/v1/orders/PO-2026-1007/deliver", null)).ReadAsync<OrderView>();
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        await (await agent.PostJsonAsync("/api/v1/orders/PO-2026-1007/deliver", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(OrderStatus.Accepted, (await _orders.AcceptAsync("PO-2026-1007")).Status);
    }

    [Fact]
    public async Task The_supplier_cannot_accept_for_its_customer_and_the_customer_cannot_mark_delivery()
    {
        await _orders.PlaceAsync("PO-2026-1008", OrderCalls.Line("PLC-200"));
        var agent = await App.ClientForAsync("supplier.agent");
        var customer = await App.ClientForAsync("customer");

        await (await agent.PostJsonAsync("/api/v1/orders/PO-2026-1008/accept", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostJsonAsync("/api/v1/orders/PO-2026-1008/deliver", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_customer_gets_404_for_the_order_its_assets_and_its_acceptance()
    {
        var other = await App.ClientForAsync("customer2");

        await (await other.GetAsync("/api/v1/orders/PO-2026-0001", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync("/api/v1/assets/EQ-0001", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync("/api/v1/orders/PO-2026-0008/accept", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync("/api/v1/orders/PO-2026-0001/accept", null)).ProblemAsync(HttpStatusCode.NotFound);

        var customer = await App.ClientForAsync("customer");
        Assert.Equal(OrderStatus.Delivered, (await customer.GetAsync<OrderView>("/api/v1/orders/PO-2026-0008")).Status);
    }

    [Fact]
    public async Task Two_acceptances_at_once_accept_the_order_once()
    {
        await _orders.PlaceAsync("PO-2026-1012", OrderCalls.Line("PLC-200", 2));
        await _orders.RegisterAsync("EQ-1012", "PO-2026-1012");
        var first = await App.ClientForAsync("customer");
        var second = await App.ClientForAsync("customer");

        var responses = await Task.WhenAll(
            first.PostJsonAsync("/api/v1/orders/PO-2026-1012/accept", null),
            second.PostJsonAsync("/api/v1/orders/PO-2026-1012/accept", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(AfterSalesApp.StartTime, (await first.GetAsync<OrderView>("/api/v1/orders/PO-2026-1012")).AcceptedAt);
        Assert.Equal(WarrantyStatus.InWarranty, (await first.GetAsync<AssetView>("/api/v1/assets/EQ-1012")).Warranty.Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_first_acceptance()
    {
        await _orders.PlaceAsync("PO-2026-1009", OrderCalls.Line("PLC-200"));
        var customer = await App.ClientForAsync("customer");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "accept-1009" };

        var first = await (await customer.PostJsonAsync("/api/v1/orders/PO-2026-1009/accept", new { }, headers)).ReadAsync<OrderView>();
        var retry = await (await customer.PostJsonAsync("/api/v1/orders/PO-2026-1009/accept", new { }, headers)).ReadAsync<OrderView>();

        Assert.Equal(first.AcceptedAt, retry.AcceptedAt);
        Assert.Equal(OrderStatus.Accepted, retry.Status);
    }
}
