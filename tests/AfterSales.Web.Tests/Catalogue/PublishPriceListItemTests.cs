using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>发布价格 (R-QUO-2, R-QUO-4): a supplier publishes prices that quotes are built from.</summary>
public sealed class PublishPriceListItemTests(AfterSalesApp app) : ApiTest(app)
{
    private static object Item(string code = "P-PLC200", string amount = "12500.00", string? validFrom = null, string? validTo = null, int? leadTimeDays = 7) =>
        new { code, name = "控制器 PLC-200", kind = "parts", unit = "件", unitPrice = new { amount, currency = "CNY" }, validFrom, validTo, leadTimeDays };

    [Fact]
    public async Task A_published_price_is_valid_from_today_and_customers_see_it()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        var item = await (await agent.PostJsonAsync("/api/v1/price-list", Item())).ReadAsync<PriceListItemView>(HttpStatusCode.Created);

        Assert.Equal(new DateOnly(2026, 11, 23), item.ValidFrom);
        Assert.Equal(QuoteLineKind.Parts, item.Kind);
        Assert.Equal("12500.00", item.UnitPrice.AmountText);
        Assert.Equal(7, item.LeadTimeDays);
        var customer = await App.ClientForAsync("customer");
        var visible = await customer.GetAsync<Page<PriceListItemView>>("/api/v1/price-list?q=P-PLC200&validToday=true");
        Assert.Equal([item.Id], visible.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task The_same_code_from_the_same_date_is_409_and_a_later_date_is_a_new_price()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        await (await agent.PostJsonAsync("/api/v1/price-list", Item("L-NIGHT", validFrom: "2026-12-01"))).ReadAsync<PriceListItemView>(HttpStatusCode.Created);

        await (await agent.PostJsonAsync("/api/v1/price-list", Item("L-NIGHT", validFrom: "2026-12-01"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PostJsonAsync("/api/v1/price-list", Item("L-NIGHT", "13000.00", validFrom: "2027-01-01"))).ReadAsync<PriceListItemView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Price_fields_are_checked_and_named()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        async Task<string> FieldOf(object body) =>
            Assert.Single((await (await agent.PostJsonAsync("/api/v1/price-list", body)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject()).Name;

        Assert.Equal("unitPrice", await FieldOf(Item(amount: "-5.00")));
        Assert.Equal("validTo", await FieldOf(Item(validFrom: "2026-12-01", validTo: "2026-11-30")));
        Assert.Equal("leadTimeDays", await FieldOf(Item(leadTimeDays: -1)));
        Assert.Equal("code", await FieldOf(Item(code: " ")));
        Assert.Equal("kind", await FieldOf(new { code = "X", name = "X", unit = "件", unitPrice = new { amount = "1.00" } }));
        Assert.Equal("unit", await FieldOf(new { code = "X", name = "X", kind = "labour", unitPrice = new { amount = "1.00" } }));
    }

    [Fact]
    public async Task A_customer_cannot_publish_prices()
    {
        var customer = await App.ClientForAsync("customer");

        await (await customer.PostJsonAsync("/api/v1/price-list", Item("P-X"))).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
