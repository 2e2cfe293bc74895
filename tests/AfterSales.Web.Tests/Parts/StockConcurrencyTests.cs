using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Parts;

/// <summary>
/// Stock stays consistent under concurrent reservations (issue 6 §10, R-EXE-4): 20 reservations fired at once against 5
/// in stock — exactly 5 succeed, the 15 others get 409 problem details naming R-EXE-4, and the counts add up.
/// Runs on SQLite here and on PostgreSQL in AfterSales.Web.Tests.Postgres.
/// </summary>
public sealed class StockConcurrencyTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Twenty_concurrent_reservations_against_five_in_stock_reserve_exactly_five()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var agent = await App.ClientForAsync("supplier.agent");
        var part = await agent.StockedPartAsync("CC-5", 5);
        Assert.Equal(5, part.Available);

        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => App.ClientForAsync(i % 2 == 0 ? "supplier.agent" : "supplier.engineer")));
        var responses = await Task.WhenAll(clients.Select(c => c.ReserveAsync(request.Id, part.Id)));

        var won = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var lost = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(5, won);
        Assert.Equal(15, lost.Count);
        foreach (var loser in lost)
        {
            var problem = await loser.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("R-EXE-4", problem.GetProperty("ruleId").GetString());
            Assert.Contains("库存", problem.GetProperty("detail").GetString());
        }

        var stock = Assert.Single(await agent.StockAsync(part.Id));
        Assert.Equal((5, 5, 0), (stock.OnHand, stock.Reserved, stock.Available));
        var reservations = await agent.GetAsync<IReadOnlyList<ReservationView>>($"/api/v1/reservations?requestId={request.Id}");
        Assert.Equal(5, reservations.Where(r => r.PartId == part.Id).Sum(r => r.Quantity));

        // Cancelling one gives exactly one back; the next reservation takes it and the one after is refused again.
        var cancelled = await (await agent.PostJsonAsync($"/api/v1/reservations/{reservations[0].Id}/cancel", new { reason = "客户改约" })).ReadAsync<ReservationView>();
        Assert.Equal(Domain.Parts.ReservationStatus.Cancelled, cancelled.Status);
        Assert.Equal(HttpStatusCode.Created, (await agent.ReserveAsync(request.Id, part.Id)).StatusCode);
        await (await agent.ReserveAsync(request.Id, part.Id)).NamesRuleAsync("R-EXE-4", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Concurrent_transfers_never_take_more_than_is_available()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var part = await agent.StockedPartAsync("CC-T", 4, "B-T-01");
        var from = await agent.WarehouseAsync("WH-SZ");
        var van = await agent.WarehouseAsync("VAN-SH");
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => agent.PostJsonAsync("/api/v1/transfers",
            new { partId = part.Id, batchNumber = "B-T-01", fromWarehouseId = from.Id, toWarehouseId = van.Id, quantity = 1 })));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var lines = await agent.StockAsync(part.Id);
        Assert.Equal(0, lines.Single(l => l.WarehouseId == from.Id).OnHand);
        Assert.Equal(4, lines.Single(l => l.WarehouseId == van.Id).OnHand);
    }
}
