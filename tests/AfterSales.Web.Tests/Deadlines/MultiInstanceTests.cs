// Several app instances on one database need PostgreSQL (row locks with SKIP LOCKED); SQLite has a single writer,
// so this class is compiled into AfterSales.Web.Tests.Postgres only rather than skipped on SQLite.
#if POSTGRES
using System.Net;
using AfterSales.Data;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Hosting;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Deadlines;

/// <summary>
/// R-SLA-4 "a breach is recorded once, even with several app instances": three instances of the real app on ONE
/// PostgreSQL database, their clocks moved in step across many deadlines, their monitors running at the same time
/// (with small batches, so they claim and skip each other's rows), while users on another instance receive some
/// requests late. Afterwards every breach, deposit penalty and notification exists exactly once.
/// </summary>
public sealed class MultiInstanceTests
{
    private const int RequestsPerInstancePerWave = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_instances_on_one_database_record_each_breach_penalty_and_notification_exactly_once()
    {
        // The first instance creates (and at the end drops) the database; the other two join it once it is migrated and seeded.
        await using var first = new SharedDatabaseApp(null, batchSize: 7);
        Assert.SkipWhen(first.UnavailableReason is not null, first.UnavailableReason ?? string.Empty);
        await first.InitializeAsync();
        await using var second = new SharedDatabaseApp(first.ConnectionString, batchSize: 7);
        await second.InitializeAsync();
        await using var third = new SharedDatabaseApp(first.ConnectionString, batchSize: 7);
        await third.InitializeAsync();
        SharedDatabaseApp[] apps = [first, second, third];

        var monitored = default(MonitorOutcome);
        var byInstance = new int[apps.Length];
        async Task MonitorAllAsync()
        {
            var outcomes = await Task.WhenAll(apps.Select(a => Task.Run(() => a.Monitor.RunOnceAsync(Ct), Ct)));
            monitored = outcomes.Aggregate(monitored, (sum, o) => sum + o);
            for (var i = 0; i < outcomes.Length; i++)
            {
                byInstance[i] += outcomes[i].Breaches;
            }
        }

        void Advance(TimeSpan by)
        {
            foreach (var app in apps)
            {
                app.Clock.Advance(by);
            }
        }

        // Three waves of requests, 40 minutes apart, created through all three instances: staggered Receive deadlines (2 h).
        var created = new List<ServiceRequestView>();
        for (var wave = 0; wave < 3; wave++)
        {
            var clients = await Task.WhenAll(apps.Select(a => a.ClientForAsync("customer")));
            foreach (var chunk in Enumerable.Range(0, RequestsPerInstancePerWave))
            {
                created.AddRange(await Task.WhenAll(clients.Select(CreateAsync)));
            }

            Advance(TimeSpan.FromMinutes(40));
            await MonitorAllAsync();
        }

        // Move time in 25-minute steps across 30 hours: warnings, breaches, the three escalation steps, and the Plan
        // deadlines (24 h) of the requests received late. Some late receipts race the monitors of all three instances.
        var lateReceipts = created.Take(10).Select(r => r.Id).ToList();
        for (var step = 0; step < 72; step++)
        {
            Advance(TimeSpan.FromMinutes(25));
            if (step == 4)
            {
                var agent = await second.ClientForAsync("supplier.agent");
                await Task.WhenAll(lateReceipts.Select(id => ReceiveAsync(agent, id)).Append(MonitorAllAsync()));
            }
            else
            {
                await MonitorAllAsync();
            }
        }

        var now = first.Clock.GetUtcNow();
        var notified = await ExactlyOnce.AssertAsync(first.Services, now, Ct);
        Assert.Contains(notified.Keys, k => k.EndsWith(":Escalated:3", StringComparison.Ordinal));

        // The monitors' own counts add up too: no instance reported a breach another one recorded.
        var recordedByLateClose = await BreachesRecordedByLateCloseAsync(first);
        Assert.Equal(await BreachCountAsync(first), monitored.Breaches + recordedByLateClose);
        Assert.True(monitored.Breaches >= 3 * RequestsPerInstancePerWave * 3 - lateReceipts.Count, $"monitors recorded {monitored.Breaches} breaches");

        // SKIP LOCKED shares the work: more than one instance recorded breaches (not all three raced for the same rows).
        Assert.True(byInstance.Count(b => b > 0) >= 2, $"breaches per instance: {string.Join(", ", byInstance)}");
    }

    [Fact]
    public async Task One_instance_with_four_batches_in_flight_drains_a_backlog_in_one_pass_exactly_once()
    {
        // Batches of 3 and four in flight (Deadlines:MonitorConcurrency): the pass's batches claim past each other's
        // locked rows and commit while the others claim, as the 10,000-due benchmark runs them (docs/benchmarks.md §5).
        await using var app = new SharedDatabaseApp(null, batchSize: 3, concurrency: 4);
        Assert.SkipWhen(app.UnavailableReason is not null, app.UnavailableReason ?? string.Empty);
        await app.InitializeAsync();
        var customer = await app.ClientForAsync("customer");
        for (var i = 0; i < 30; i++)
        {
            await CreateAsync(customer);
        }

        // Past the Receive deadlines (2 h): 30 late responses, and the demo data's own due deadlines with them.
        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var before = await BreachCountAsync(app);
        var pass = await app.Monitor.RunOnceAsync(Ct);

        Assert.True(app.Monitor.PeakBatchesInFlight > 1, $"at most {app.Monitor.PeakBatchesInFlight} batch in flight");
        Assert.True(pass.Breaches >= 30, $"the pass recorded {pass.Breaches} breaches");
        Assert.Equal(before + pass.Breaches, await BreachCountAsync(app));
        await ExactlyOnce.AssertAsync(app.Services, app.Clock.GetUtcNow(), Ct);

        // Nothing was left behind for a second pass, and nothing is recorded twice by it.
        var again = await app.Monitor.RunOnceAsync(Ct);
        Assert.Equal(0, again.Breaches);
        Assert.Equal(before + pass.Breaches, await BreachCountAsync(app));
    }

    private static async Task<ServiceRequestView> CreateAsync(HttpClient customer) =>
        await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);

    /// <summary>A late receipt; when a monitor saved the request first the API answers 409 and the agent tries again.</summary>
    private static async Task ReceiveAsync(HttpClient agent, Guid requestId)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await agent.PostJsonAsync($"/api/v1/service-requests/{requestId}/receive", new { note = "迟到受理" });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Conflict && attempt < 10, $"receive answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    private static Task<int> BreachCountAsync(AfterSalesApp app) =>
        Query(app, db => db.DeadlineBreaches.CountAsync(Ct));

    /// <summary>Breaches written by the user's late receipt in its own save (its close instant is the breach's).</summary>
    private static Task<int> BreachesRecordedByLateCloseAsync(AfterSalesApp app) =>
        Query(app, db => db.DeadlineBreaches.CountAsync(b => db.Deadlines.Any(d => d.Id == b.DeadlineId && d.ClosedAt == b.RecordedAt), Ct));

    private static async Task<T> Query<T>(AfterSalesApp app, Func<AppDbContext, Task<T>> query)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemContext();
        return await query(db);
    }
}
#endif
