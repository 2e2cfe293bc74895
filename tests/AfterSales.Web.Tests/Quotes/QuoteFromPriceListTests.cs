using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Quotes;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;
using static AfterSales.Web.Tests.Quotes.QuoteCalls;

namespace AfterSales.Web.Tests.Quotes;

/// <summary>
/// Quotes built item by item from the price list (R-QUO-1, R-QUO-2, R-QUO-4): prices inside the band, totals to the
/// fen, refusals naming the line, and the customer's decision with its session.
/// </summary>
public sealed class QuoteFromPriceListTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Lines_from_the_price_list_carry_code_and_unit_and_the_total_is_rounded_to_the_fen_per_line()
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        var labour = await agent.PriceAsync("L-ENG");
        var travel = await agent.PriceAsync("T-KM");
        var sensor = await agent.PriceAsync("P-TS10");

        var judged = await agent.ActAsync(request.Id, "judge", PaidJudgement(
        [
            Listed(labour.Id, 1.5m, "333.33"),  // 499.995 → 500.00 (四舍五入)
            Listed(travel.Id, 12.345m),         // 3.00 × 12.345 = 37.035 → 37.04
            Listed(sensor.Id, 2m),              // 360.00
            Free("other", "设备清洁", 1m, "0.01"),
        ], validUntil: "2026-11-30"));

        Assert.Equal(ServiceRequestStatus.QuotePending, judged.Status);
        var quote = judged.Quote!;
        Assert.Equal(["500.00", "37.04", "360.00", "0.01"], quote.Lines.Select(l => l.LineTotal.AmountText));
        Assert.Equal("897.05", quote.Total.AmountText);
        Assert.Equal([labour.Id, travel.Id, sensor.Id, (Guid?)null], quote.Lines.Select(l => l.PriceListItemId));
        Assert.Equal(["L-ENG", "T-KM", "P-TS10", null], quote.Lines.Select(l => l.Code));
        Assert.Equal([QuoteLineKind.Labour, QuoteLineKind.Travel, QuoteLineKind.Parts, QuoteLineKind.Other], quote.Lines.Select(l => l.Kind));
        Assert.Equal("工程师工时", quote.Lines[0].Description);
        Assert.Equal("小时", quote.Lines[0].Unit);
        Assert.Equal(3, quote.PartsLeadTimeDays); // R-QUO-4: the sensor's lead time
        Assert.Equal(new DateOnly(2026, 11, 30), quote.ValidUntil);
    }

    [Fact]
    public async Task A_price_outside_the_band_is_400_naming_the_line_and_nothing_changes()
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        var motor = await agent.PriceAsync("P-SM15");
        var labour = await agent.PriceAsync("L-ENG");

        var above = await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/judge", PaidJudgement([Listed(motor.Id, 1m, "2200.00"), Listed(labour.Id, 2m, "350.01")]));
        var problem = await above.NamesFieldAsync("quote.lines[1].unitPrice");
        Assert.Contains("第 2 行", problem.GetProperty("errors").GetProperty("quote.lines[1].unitPrice")[0].GetString());
        Assert.Contains("250.00–350.00", problem.GetProperty("errors").GetProperty("quote.lines[1].unitPrice")[0].GetString());
        var below = await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/judge", PaidJudgement([Listed(motor.Id, 1m, "1799.99")]));
        await below.NamesFieldAsync("quote.lines[0].unitPrice");

        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task A_retired_item_or_another_suppliers_item_cannot_be_quoted()
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        var retiring = await (await agent.PostJsonAsync("/api/v1/price-list", new
        {
            code = "S-OLD", name = "旧版巡检服务", kind = "service", unit = "次", unitPrice = new { amount = "600.00", currency = "CNY" },
        })).ReadAsync<Features.Catalogue.PriceListItemView>(HttpStatusCode.Created);
        (await agent.PostJsonAsync($"/api/v1/price-list/{retiring.Id}/retire", null)).EnsureSuccessStatusCode();
        var foreign = await (await App.ClientForAsync("supplier2.agent")).PriceAsync("L-TECH");

        var retired = await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/judge", PaidJudgement([Free("labour", "检测", 1m, "100.00"), Listed(retiring.Id, 1m)]));
        var problem = await retired.NamesFieldAsync("quote.lines[1].priceListItemId");
        Assert.Contains("已停用", problem.GetProperty("errors").GetProperty("quote.lines[1].priceListItemId")[0].GetString());
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/judge", PaidJudgement([Listed(foreign.Id, 1m)]))).NamesFieldAsync("quote.lines[0].priceListItemId");

        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task The_customer_accepts_and_the_decision_records_who_when_and_the_session()
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        await agent.ActAsync(request.Id, "judge", PaidJudgement([Listed((await agent.PriceAsync("S-DIAG")).Id, 1m)]));
        var customer = await App.ClientForAsync("customer");
        App.Clock.Advance(TimeSpan.FromMinutes(30));

        var accepted = await customer.ActAsync(request.Id, "acceptQuote");

        Assert.Equal(ServiceRequestStatus.Planned, accepted.Status);
        var decision = accepted.Quote!.Decision!;
        Assert.True(decision.Accepted);
        Assert.Equal(App.Clock.GetUtcNow(), decision.At);
        Assert.NotNull(decision.UserId);
        Assert.Equal("api", decision.Session!.Channel);
        Assert.StartsWith("token:", decision.Session.SessionId, StringComparison.Ordinal);
        var agreements = await agent.GetAsync<AgreementsView>($"/api/v1/service-requests/{request.Id}/agreements");
        Assert.Equal(decision.SessionId(), agreements.QuoteDecision!.SessionId());
    }

    [Fact]
    public async Task The_customer_rejects_with_a_reason_from_its_session_and_a_reason_is_required()
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        var judged = await agent.ActAsync(request.Id, "judge", PaidJudgement([Listed((await agent.PriceAsync("S-DIAG")).Id, 1m)]));
        var customer = await App.ClientForAsync("customer");

        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/declineQuote", new { reason = " " })).NamesFieldAsync("reason");
        await customer.AssertUnchangedAsync(judged);
        var declined = await customer.ActAsync(request.Id, "declineQuote", new { reason = "价格超出预算" });

        Assert.Equal(ServiceRequestStatus.Cancelled, declined.Status);
        Assert.False(declined.Quote!.Decision!.Accepted);
        Assert.Equal("价格超出预算", declined.Quote.Decision.Reason);
        Assert.Equal("api", declined.Quote.Decision.Session!.Channel);
    }

    [Fact]
    public async Task A_quote_past_its_validity_cannot_be_accepted()
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        var judged = await agent.ActAsync(request.Id, "judge", PaidJudgement([Free("service", "检测", 1m, "500.00")], validUntil: "2026-11-24"));
        App.Clock.Advance(TimeSpan.FromDays(2)); // 2026-11-25 09:00 +08:00
        var customer = await App.ClientForAsync("customer");

        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/acceptQuote", null)).NamesRuleAsync("R-QUO-1");

        await customer.AssertUnchangedAsync(judged);
        var another = await ReceivedAsync(App);
        agent = await App.ClientForAsync("supplier.agent"); // the first token expired with the clock
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{another.Id}/judge", PaidJudgement([Free("service", "检测", 1m, "500.00")], validUntil: "2026-11-24")))
            .NamesFieldAsync("quote.validUntil");
    }
}

internal static class DecisionReading
{
    public static string? SessionId(this QuoteDecision decision) => decision.Session?.SessionId;
}
