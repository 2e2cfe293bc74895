using System.Net;
using System.Net.Http.Json;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Quotes;

/// <summary>PUT /price-list/{id} and POST /price-list/{id}/retire (R-QUO-2): bands, cost, retirement, who may do it.</summary>
public sealed class PriceListMaintenanceTests(AfterSalesApp app) : ApiTest(app)
{
    private static object Publish(string code) => new
    {
        code, name = "控制器 PLC-200", kind = "parts", unit = "件", unitPrice = new { amount = "12500.00", currency = "CNY" },
        minPrice = new { amount = "12000.00", currency = "CNY" }, maxPrice = new { amount = "13000.00", currency = "CNY" },
        cost = new { amount = "9800.00", currency = "CNY" }, leadTimeDays = 7,
    };

    private static object Revision(string price = "12800.00", string min = "12500.00", string max = "13500.00") => new
    {
        name = "控制器 PLC-200（新版）", unit = "件", unitPrice = new { amount = price, currency = "CNY" },
        minPrice = new { amount = min, currency = "CNY" }, maxPrice = new { amount = max, currency = "CNY" },
        cost = new { amount = "9900.00", currency = "CNY" }, leadTimeDays = 10,
    };

    private async Task<PriceListItemView> PublishAsync(string code) =>
        await (await (await App.ClientForAsync("supplier.agent")).PostJsonAsync("/api/v1/price-list", Publish(code))).ReadAsync<PriceListItemView>(HttpStatusCode.Created);

    [Fact]
    public async Task The_supplier_edits_price_band_and_cost_and_the_customer_never_sees_the_cost()
    {
        var item = await PublishAsync("P-EDIT");
        Assert.Equal("12000.00", item.MinPrice.AmountText);
        Assert.Equal("9800.00", item.Cost?.AmountText);
        var agent = await App.ClientForAsync("supplier.agent");

        var edited = await (await agent.PutAsJsonAsync($"/api/v1/price-list/{item.Id}", Revision(), AfterSalesApp.Json, Ct)).ReadAsync<PriceListItemView>();

        Assert.Equal("12800.00", edited.UnitPrice.AmountText);
        Assert.Equal("12500.00", edited.MinPrice.AmountText);
        Assert.Equal("13500.00", edited.MaxPrice.AmountText);
        Assert.Equal("9900.00", edited.Cost?.AmountText);
        Assert.Equal(10, edited.LeadTimeDays);
        var customer = await App.ClientForAsync("customer");
        var seen = await customer.GetAsync<PriceListItemView>($"/api/v1/price-list/{item.Id}");
        Assert.Equal("12800.00", seen.UnitPrice.AmountText);
        Assert.Null(seen.Cost);
    }

    [Fact]
    public async Task A_band_that_does_not_hold_the_list_price_is_400_naming_the_bound_and_nothing_changes()
    {
        var item = await PublishAsync("P-BAND");
        var agent = await App.ClientForAsync("supplier.agent");

        var problem = await (await agent.PutAsJsonAsync($"/api/v1/price-list/{item.Id}", Revision(min: "12900.00"), AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("minPrice", out _));
        await (await agent.PutAsJsonAsync($"/api/v1/price-list/{item.Id}", Revision(max: "12700.00"), AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        var after = await agent.GetAsync<PriceListItemView>($"/api/v1/price-list/{item.Id}");
        Assert.Equal("12500.00", after.UnitPrice.AmountText);
        Assert.Equal("12000.00", after.MinPrice.AmountText);
    }

    [Fact]
    public async Task A_retired_item_stays_readable_leaves_the_quotable_list_and_cannot_be_edited_or_retired_again()
    {
        var item = await PublishAsync("P-RETIRE");
        var agent = await App.ClientForAsync("supplier.agent");

        var retired = await (await agent.PostJsonAsync($"/api/v1/price-list/{item.Id}/retire", null)).ReadAsync<PriceListItemView>();

        Assert.NotNull(retired.RetiredAt);
        Assert.Equal("赵丽", retired.RetiredBy);
        var quotable = await agent.GetAsync<Page<PriceListItemView>>("/api/v1/price-list?q=P-RETIRE&validToday=true");
        Assert.Empty(quotable.Items);
        var history = await agent.GetAsync<Page<PriceListItemView>>("/api/v1/price-list?q=P-RETIRE");
        Assert.Equal([item.Id], history.Items.Select(i => i.Id));
        var edit = await agent.PutAsJsonAsync($"/api/v1/price-list/{item.Id}", Revision(), AfterSalesApp.Json, Ct);
        Assert.Equal("R-QUO-2", (await edit.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        await (await agent.PostJsonAsync($"/api/v1/price-list/{item.Id}/retire", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_customer_is_refused_and_another_supplier_does_not_see_the_item()
    {
        var item = await PublishAsync("P-ISO");
        var customer = await App.ClientForAsync("customer");
        var other = await App.ClientForAsync("supplier2.agent");

        await (await customer.PutAsJsonAsync($"/api/v1/price-list/{item.Id}", Revision(), AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostJsonAsync($"/api/v1/price-list/{item.Id}/retire", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PutAsJsonAsync($"/api/v1/price-list/{item.Id}", Revision(), AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"/api/v1/price-list/{item.Id}/retire", null)).ProblemAsync(HttpStatusCode.NotFound);
        var unchanged = await (await App.ClientForAsync("supplier.agent")).GetAsync<PriceListItemView>($"/api/v1/price-list/{item.Id}");
        Assert.Null(unchanged.RetiredAt);
    }
}
