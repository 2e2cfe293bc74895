using System.Net;
using AfterSales.Domain.Loaners;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Loaners;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.WorkOrders;
using Xunit;

namespace AfterSales.Web.Tests.Loaners;

/// <summary>
/// Two people issuing the same loaner at once (R-EXE-7): exactly one wins; the others are refused (409 for the lost race,
/// or 422 R-EXE-7 when they read the unit after the winner's commit), the unit has one issue on its history and the
/// request one 备用机 work order. Runs on SQLite here and on PostgreSQL in AfterSales.Web.Tests.Postgres.
/// </summary>
public sealed class LoanerConcurrencyTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Of_concurrent_issues_of_one_unit_exactly_one_wins()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var unit = await agent.RegisterLoanerAsync("BYJ-C01");
        var requests = new[] { await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned), await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned) };

        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => App.ClientForAsync(i % 2 == 0 ? "supplier.agent" : "supplier.manager")));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.IssueLoanerAsync(unit.Unit.Id, requests[i % 2].Id)));

        var won = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r != won))
        {
            Assert.True(loser.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{loser.StatusCode}");
            var problem = await loser.ProblemAsync(loser.StatusCode);
            if (loser.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                Assert.Equal("R-EXE-7", problem.GetProperty("ruleId").GetString());
            }
        }

        var view = await won.ReadAsync<LoanerView>();
        var stored = await agent.LoanerAsync(unit.Unit.Id);
        Assert.Equal((LoanerLocation.InTransit, view.Unit.ServiceRequestId), (stored.Unit.Location, stored.Unit.ServiceRequestId));
        Assert.Single(stored.Movements, m => m.Action == "issue");

        // The losers left no work order behind: only the winner's request has a 备用机 work order.
        var orders = (await agent.WorkOrdersAsync("kind=loaner")).Items.Where(w => requests.Any(r => r.Id == w.ServiceRequestId)).ToList();
        var order = Assert.Single(orders);
        Assert.Equal((WorkOrderKind.Loaner, view.Unit.ServiceRequestId), (order.Kind, (Guid?)order.ServiceRequestId));
    }
}
