// The set-based writes are PostgreSQL's (COPY, UPDATE … FROM unnest); on SQLite both apps below would take the same
// SaveChanges path and the comparison could not fail, so this class is compiled into AfterSales.Web.Tests.Postgres only.
#if POSTGRES
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Data;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Hosting;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Deadlines;

/// <summary>
/// The deadline monitor writes its batches set-based on PostgreSQL (docs/benchmarks.md §5). What users see must not
/// change with it: the same requests, moved through the same hours on two databases — one monitor writing through
/// SaveChanges, the other set-based — end with the same timelines (texts, order, instants), the same notifications
/// to the same people, the same breaches, penalties and deadline states (R-SLA-3, R-SLA-4, R-PEN-2).
/// </summary>
public sealed class SetBasedMonitorTests
{
    private const int Requests = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Set_based_batches_leave_the_same_timeline_notifications_breaches_and_penalties_as_SaveChanges()
    {
        await using var tracked = new MonitorApp(setBased: false);
        Assert.SkipWhen(tracked.UnavailableReason is not null, tracked.UnavailableReason ?? string.Empty);
        await tracked.InitializeAsync();
        await using var setBased = new MonitorApp(setBased: true);
        await setBased.InitializeAsync();

        var before = await RunAsync(tracked);
        var after = await RunAsync(setBased);

        // The path each took: otherwise the comparison would prove nothing.
        Assert.Equal(0, tracked.Monitor.SetBasedBatches);
        Assert.True(setBased.Monitor.SetBasedBatches > 0, "the set-based app wrote no batch set-based");

        // Something worth comparing happened: warnings, breaches with their deposit penalty, all three escalation steps.
        Assert.Contains(before, l => l.StartsWith("timeline", StringComparison.Ordinal) && l.Contains("deadlineAtRisk", StringComparison.Ordinal));
        Assert.Contains(before, l => l.StartsWith("timeline", StringComparison.Ordinal) && l.Contains("时效超时", StringComparison.Ordinal));
        Assert.Contains(before, l => l.StartsWith("ledger", StringComparison.Ordinal) && l.Contains("late-response-deposit", StringComparison.Ordinal));
        Assert.Contains(before, l => l.StartsWith("notification", StringComparison.Ordinal) && l.Contains(":Escalated:3", StringComparison.Ordinal));

        Assert.Equal(before, after);
    }

    /// <summary>
    /// Files the requests, receives two of them late, and moves the clock an hour at a time for 30 hours with a monitor
    /// pass after each step; returns every row the monitor writes or changes, with ids replaced by what users read.
    /// </summary>
    private static async Task<List<string>> RunAsync(MonitorApp app)
    {
        var customer = await app.ClientForAsync("customer");
        var created = new List<ServiceRequestView>();
        for (var i = 0; i < Requests; i++)
        {
            created.Add(await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
                .ReadAsync<ServiceRequestView>(HttpStatusCode.Created));
        }

        for (var hour = 1; hour <= 30; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            if (hour == 3)
            {
                // Late receipts: their Receive breach is already recorded; their Plan deadlines start now.
                var agent = await app.ClientForAsync("supplier.agent");
                foreach (var request in created.Take(2))
                {
                    using var response = await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/receive", new { note = "迟到受理" });
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }

            await app.Monitor.RunOnceAsync(Ct);
        }

        return await SnapshotAsync(app);
    }

    private static async Task<List<string>> SnapshotAsync(AfterSalesApp app)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemContext();
        var numbers = await db.ServiceRequests.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Number, Ct);
        var deadlines = await db.Deadlines.IgnoreQueryFilters().AsNoTracking().ToListAsync(Ct);
        var deadlineNames = deadlines.ToDictionary(d => d.Id, d => $"{numbers[d.ServiceRequestId]}/{d.Kind}");
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName, Ct);
        string At(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "-";
        string Named(string text) => numbers.Aggregate(deadlineNames.Aggregate(text, (t, d) => t.Replace(d.Key.ToString("N"), d.Value, StringComparison.Ordinal)),
            (t, r) => t.Replace(r.Key.ToString(), r.Value, StringComparison.Ordinal));

        var lines = new List<string>();
        lines.AddRange((await db.ServiceRequests.IgnoreQueryFilters().AsNoTracking().ToListAsync(Ct))
            .Select(r => $"request {r.Number} {r.Status} v{r.Version} timeline {r.TimelineLength} updated {At(r.UpdatedAt)} next {At(r.NextDueAt)} loaner {At(r.LoanerOwedSince)}"));
        lines.AddRange(deadlines.Select(d =>
            $"deadline {deadlineNames[d.Id]} {d.State} due {At(d.DueAt)} warned {At(d.WarnedAt)} breached {At(d.BreachRecordedAt)} closed {At(d.ClosedAt)} level {d.EscalationLevel} next {At(d.NextEscalationAt)}"));
        lines.AddRange((await db.TimelineEntries.IgnoreQueryFilters().AsNoTracking().ToListAsync(Ct))
            .Select(t => $"timeline {numbers[t.ServiceRequestId]} #{t.Sequence} {At(t.At)} {t.ActorName}/{t.ActorRole} {t.Action} {t.FromStatus}->{t.ToStatus} {t.Note}"));
        lines.AddRange((await db.DeadlineBreaches.IgnoreQueryFilters().AsNoTracking().ToListAsync(Ct))
            .Select(b => $"breach {deadlineNames[b.DeadlineId]} {b.OwedBy} due {At(b.DueAt)} recorded {At(b.RecordedAt)}"));
        lines.AddRange((await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().ToListAsync(Ct))
            .Select(l => $"ledger {l.ServiceRequestNumber} {(l.BreachId is { } b ? deadlineNames[b] : "-")} {l.Kind} {l.Account} {l.Amount} {l.RuleCode} {l.RuleId} {l.Explanation} {At(l.CreatedAt)} {l.CreatedBy}"));
        lines.AddRange((await db.Notifications.IgnoreQueryFilters().AsNoTracking().ToListAsync(Ct))
            .Select(n => $"notification {users[n.RecipientUserId]} {Named(n.DedupKey)} {n.Kind} {n.Title} | {n.Body} | {Named(n.Link ?? "-")} {At(n.CreatedAt)} read {At(n.ReadAt)}"));

        // Every column of every request and deadline row as the database holds it, ids aside (they differ between the
        // two databases): a column the verbs change is written by either path, whichever it is.
        var tables = new Dictionary<string, FormattableString>
        {
            ["ServiceRequests"] = $"SELECT to_jsonb(t)::text AS \"Value\" FROM \"ServiceRequests\" AS t",
            ["Deadlines"] = $"SELECT to_jsonb(t)::text AS \"Value\" FROM \"Deadlines\" AS t",
        };
        foreach (var (table, sql) in tables)
        {
            var rows = await db.Database.SqlQuery<string>(sql).ToListAsync(Ct);
            lines.AddRange(rows.Select(row =>
            {
                var json = JsonNode.Parse(row)!.AsObject();
                var owner = json["Number"]?.GetValue<string>() ?? deadlineNames[json["Id"]!.GetValue<Guid>()];
                foreach (var id in json.Select(p => p.Key).Where(k => k.EndsWith("Id", StringComparison.Ordinal)).ToList())
                {
                    json.Remove(id);
                }

                return $"row {table} {owner} {json.ToJsonString()}";
            }));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The app with the monitor's write path chosen, and small batches so a pass takes several.</summary>
    private sealed class MonitorApp(bool setBased) : AfterSalesApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Deadlines:MonitorSetBasedWrites", setBased ? "true" : "false");
            builder.UseSetting("Deadlines:MonitorBatchSize", "4");
        }
    }
}
#endif
