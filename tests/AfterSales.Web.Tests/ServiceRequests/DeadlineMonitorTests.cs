using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Deadlines;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Jobs;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>
/// R-SLA-4 over the real app and database: a deadline past due is recorded as breached exactly once — by one
/// monitor pass, by two monitors at once, or by a late action — and shown to the platform and the supplier
/// that owes it, never to another supplier or to the customer.
/// </summary>
public sealed class DeadlineMonitorTests(AfterSalesApp app) : ApiTest(app)
{
    /// <summary>Preset 000 (the demo supplier's policy): the supplier receives within 2 hours (R-JDG-1).</summary>
    private static readonly TimeSpan PastReceiveDeadline = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_receive_deadline_past_due_is_recorded_as_breached_once()
    {
        await SettleEarlierDeadlinesAsync();
        var request = await PendingReceiptAsync();

        App.Clock.Advance(PastReceiveDeadline);
        var first = await App.Monitor.RunOnceAsync(Ct);
        var second = await App.Monitor.RunOnceAsync(Ct);

        Assert.Equal(1, first.Breaches);
        Assert.Equal(0, second.Breaches);
        var view = await (await App.ClientForAsync("supplier.agent")).ViewAsync(request.Id);
        var receive = view.Deadlines.Single(d => d.Kind == DeadlineKind.Receive);
        Assert.Equal(DeadlineState.Breached, receive.State);
        Assert.Null(receive.ClosedAt);
        var entry = Assert.Single(view.Timeline, t => t.Action == "deadlineBreached");
        Assert.Equal("系统", entry.Actor);
        Assert.Contains("受理", entry.Note);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, view.Status);
        var breach = Assert.Single(await BreachesAsync("platform", request.Id));
        Assert.Equal((DeadlineKind.Receive, DeadlineParty.Supplier, receive.DueAt), (breach.Kind, breach.OwedBy, breach.DueAt));
        Assert.Equal(view.Supplier.Id, breach.SupplierId);
    }

    [Fact]
    public async Task A_breach_is_listed_to_the_platform_and_the_supplier_that_owes_it_and_to_nobody_else()
    {
        var request = await PendingReceiptAsync();
        App.Clock.Advance(PastReceiveDeadline);
        await App.Monitor.RunOnceAsync(Ct);

        Assert.Single(await BreachesAsync("platform", request.Id));
        Assert.Single(await BreachesAsync("supplier.agent", request.Id));
        Assert.Single(await BreachesAsync("supplier.manager", request.Id));
        Assert.Empty(await BreachesAsync("supplier2.agent", request.Id));
        Assert.Empty(await BreachesAsync("dealer", request.Id));
        Assert.Empty(await BreachesAsync("customer2", request.Id));

        // The customer is owed the deadline but does not see the supplier's breach ledger (R-PEN-*, R-RAT-1 read it).
        var customer = await App.ClientForAsync("customer");
        Assert.Empty((await customer.GetAsync<Page<BreachRow>>("/api/v1/deadlines/breaches")).Items);
    }

    [Fact]
    public async Task Two_monitors_running_at_once_record_one_breach()
    {
        var other = ActivatorUtilities.CreateInstance<DeadlineMonitor>(App.Services);
        Assert.NotSame(App.Monitor, other);

        // A few rounds: whether the two passes overlap is up to the scheduler; the outcome must not be.
        for (var round = 0; round < 3; round++)
        {
            await SettleEarlierDeadlinesAsync();
            var request = await PendingReceiptAsync();
            App.Clock.Advance(PastReceiveDeadline);

            var recorded = await Task.WhenAll(App.Monitor.RunOnceAsync(Ct), other.RunOnceAsync(Ct), App.Monitor.RunOnceAsync(Ct));

            Assert.True(recorded.Sum(r => r.Breaches) == 1, $"round {round}: recorded {string.Join(" + ", recorded.Select(r => r.Breaches))} breaches");
            Assert.Single(await BreachesAsync("platform", request.Id));
            Assert.Single((await (await App.ClientForAsync("platform")).ViewAsync(request.Id)).Timeline, t => t.Action == "deadlineBreached");
        }
    }

    [Fact]
    public async Task Receiving_late_after_the_breach_was_recorded_adds_no_second_breach()
    {
        var request = await PendingReceiptAsync();
        App.Clock.Advance(PastReceiveDeadline);
        await App.Monitor.RunOnceAsync(Ct);

        var received = await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "迟到受理" });

        Assert.Equal(ServiceRequestStatus.UnderAssessment, received.Status);
        var receive = received.Deadlines.Single(d => d.Kind == DeadlineKind.Receive);
        Assert.Equal(DeadlineState.Breached, receive.State);
        Assert.NotNull(receive.ClosedAt);
        Assert.Single(received.Timeline, t => t.Action == "deadlineBreached");
        Assert.Single(await BreachesAsync("platform", request.Id));
        Assert.Equal(DeadlineState.Running, received.Deadlines.Single(d => d.Kind == DeadlineKind.Plan).State);
    }

    [Fact]
    public async Task Receiving_late_before_any_monitor_pass_records_the_breach_then_and_the_monitor_adds_none()
    {
        var request = await PendingReceiptAsync();
        App.Clock.Advance(PastReceiveDeadline);

        var received = await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "迟到受理" });

        Assert.Equal(DeadlineState.Breached, received.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).State);
        Assert.Single(received.Timeline, t => t.Action == "deadlineBreached");
        await App.Monitor.RunOnceAsync(Ct);
        Assert.Single(await BreachesAsync("platform", request.Id));
    }

    [Fact]
    public async Task The_deadline_list_shows_a_breached_deadline_under_breached_and_not_under_running()
    {
        var request = await PendingReceiptAsync();
        var platform = await App.ClientForAsync("platform");
        Assert.Contains(await DeadlinesAsync(platform, "running"), d => d.RequestId == request.Id && d.Deadline.Kind == DeadlineKind.Receive);
        Assert.DoesNotContain(await DeadlinesAsync(platform, "breached"), d => d.RequestId == request.Id);

        App.Clock.Advance(PastReceiveDeadline);
        await App.Monitor.RunOnceAsync(Ct);
        platform = await App.ClientForAsync("platform");

        var breached = Assert.Single(await DeadlinesAsync(platform, "breached"), d => d.RequestId == request.Id);
        Assert.Equal((DeadlineKind.Receive, DeadlineState.Breached), (breached.Deadline.Kind, breached.Deadline.State));
        Assert.Equal(request.Number, breached.RequestNumber);
        Assert.DoesNotContain(await DeadlinesAsync(platform, "running"), d => d.RequestId == request.Id);
        Assert.Contains(await DeadlinesAsync(await App.ClientForAsync("supplier.agent"), "breached"), d => d.RequestId == request.Id);
        Assert.DoesNotContain(await DeadlinesAsync(await App.ClientForAsync("supplier2.agent"), "breached"), d => d.RequestId == request.Id);
    }

    /// <summary>A technical-support request (no certificate, no warranty check) of the demo customer, pending receipt.</summary>
    private async Task<ServiceRequestView> PendingReceiptAsync()
    {
        var customer = await App.ClientForAsync("customer");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);
        return created;
    }

    /// <summary>
    /// The tests of this class share a database and a clock: moving well past every preset-000 target (at most
    /// 7 days) and recording what earlier tests left open lets a test count only its own breaches.
    /// </summary>
    private async Task SettleEarlierDeadlinesAsync()
    {
        App.Clock.Advance(TimeSpan.FromDays(10));
        while ((await App.Monitor.RunOnceAsync(Ct)).Total > 0)
        {
        }
    }

    private async Task<List<BreachRow>> BreachesAsync(string userName, Guid requestId)
    {
        var client = await App.ClientForAsync(userName);
        var rows = new List<BreachRow>();
        string? next = null;
        do
        {
            var page = await client.GetAsync<Page<BreachRow>>("/api/v1/deadlines/breaches?page[size]=200" + (next is null ? string.Empty : $"&page[after]={next}"));
            rows.AddRange(page.Items.Where(b => b.RequestId == requestId));
            next = page.Next;
        }
        while (next is not null);
        return rows;
    }

    private static async Task<List<DeadlineRow>> DeadlinesAsync(HttpClient client, string state)
    {
        var rows = new List<DeadlineRow>();
        string? next = null;
        do
        {
            var page = await client.GetAsync<Page<DeadlineRow>>($"/api/v1/deadlines?state={state}&page[size]=200" + (next is null ? string.Empty : $"&page[after]={next}"));
            rows.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return rows;
    }
}
