using AfterSales.Domain.Deadlines;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>The supplier's work queue: open requests, nearest deadline first (the console's /console/queue).</summary>
public sealed class SupplierQueueTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_queue_lists_open_requests_by_next_due_ascending_not_by_age()
    {
        var flow = new RequestFlow(App);
        var older = await flow.CreateAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        var newer = await flow.CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        // Receiving the older one closes its 2-hour receive deadline and opens the 24-hour plan deadline,
        // so the newer request, still waiting to be received, is now due first.
        var received = await agent.ActAsync(older.Id, "receive", new { note = "已受理" });
        var queue = await agent.GetAsync<Page<ServiceRequestSummary>>("/api/v1/service-requests?open=true&sort=nearestDeadline");

        var ids = queue.Items.Select(r => r.Id).ToList();
        Assert.Equal(DeadlineKind.Receive, queue.Items.Single(r => r.Id == newer.Id).NextDeadline!.Kind);
        Assert.Equal(DeadlineKind.Plan, queue.Items.Single(r => r.Id == received.Id).NextDeadline!.Kind);
        Assert.True(ids.IndexOf(newer.Id) < ids.IndexOf(older.Id), "the request due first comes first");
        var dues = queue.Items.Select(r => r.NextDueAt).ToList();
        Assert.Equal(dues.OrderBy(d => d is null).ThenBy(d => d), dues);
    }

    [Fact]
    public async Task Another_suppliers_queue_does_not_show_them()
    {
        var created = await new RequestFlow(App).CreateAsync();
        var otherSupplier = await App.ClientForAsync("supplier2.agent");

        var queue = await otherSupplier.GetAsync<Page<ServiceRequestSummary>>("/api/v1/service-requests?open=true&sort=nearestDeadline");

        Assert.DoesNotContain(queue.Items, r => r.Id == created.Id);
    }

    [Fact]
    public async Task Enum_filters_are_read_in_camel_case_and_an_unknown_value_is_a_400_naming_it()
    {
        var created = await new RequestFlow(App).CreateAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        var pending = await agent.GetAsync<Page<ServiceRequestSummary>>("/api/v1/service-requests?status=pendingReceipt,underAssessment&type=warrantyRepair&sort=NEARESTDEADLINE");
        var problem = await (await agent.GetAsync("/api/v1/service-requests?sort=oldest", Ct)).ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Contains(pending.Items, r => r.Id == created.Id);
        Assert.All(pending.Items, r => Assert.Contains(r.Status, new[] { Domain.ServiceRequests.ServiceRequestStatus.PendingReceipt, Domain.ServiceRequests.ServiceRequestStatus.UnderAssessment }));
        Assert.True(problem.GetProperty("errors").TryGetProperty("sort", out _));
    }
}
