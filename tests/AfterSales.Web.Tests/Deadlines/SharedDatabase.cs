using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Web.Hosting;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Deadlines;

/// <summary>
/// One more app instance: with a connection string it joins another instance's database instead of its own, as a
/// second server of a deployment would (R-SLA-4). Small monitor batches make a pass take several claims.
/// </summary>
public sealed class SharedDatabaseApp(string? sharedConnectionString, int batchSize, int? concurrency = null) : AfterSalesApp
{
    public string ConnectionString => Services.GetRequiredService<IConfiguration>().GetConnectionString("AfterSales")!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (sharedConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:AfterSales", sharedConnectionString);
        }

        builder.UseSetting("Deadlines:MonitorBatchSize", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (concurrency is { } lanes)
        {
            builder.UseSetting("Deadlines:MonitorConcurrency", lanes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// What the database holds after the monitors ran, checked against what the deadline rows say must exist: one breach
/// per deadline that went past due, one deposit penalty per late response, one notification per recipient and
/// deadline event (R-SLA-3, R-SLA-4, R-PEN-2).
/// </summary>
public static class ExactlyOnce
{
    public static async Task<IReadOnlyDictionary<string, int>> AssertAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemContext();
        var deadlines = await db.Deadlines.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        var breaches = await db.DeadlineBreaches.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        var penalties = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().Where(l => l.BreachId != null).ToListAsync(cancellationToken);
        var notifications = await db.Notifications.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);

        // Every deadline that ran past its due instant (closed late, or still open) has exactly one breach row.
        var due = deadlines.Where(d => d.PausedAt is null && (d.ClosedAt ?? now) > d.DueAt).Select(d => d.Id).Order().ToList();
        Assert.NotEmpty(due);
        Assert.Equal(due, breaches.Select(b => b.DeadlineId).Order().ToList());
        Assert.All(breaches.GroupBy(b => b.DeadlineId), g => Assert.Single(g));

        // Preset 000 charges 500 from the deposit once per late response (R-PEN-2), and no rule twice for a breach.
        var lateResponses = breaches.Where(b => b.Kind == DeadlineKind.Receive).Select(b => b.Id).Order().ToList();
        Assert.NotEmpty(lateResponses);
        Assert.Equal(lateResponses, penalties.Where(p => p.RuleCode == "late-response-deposit").Select(p => p.BreachId!.Value).Order().ToList());
        Assert.All(penalties.GroupBy(p => (p.BreachId, p.RuleCode)), g => Assert.Single(g));

        // One message per recipient for each warning, breach and escalation step the deadline rows record.
        var audiences = new Dictionary<(Guid? Organization, string Role), int>();
        async Task<int> AudienceAsync(Guid? organization, string role)
        {
            if (!audiences.TryGetValue((organization, role), out var count))
            {
                var users = db.Users.AsNoTracking().Where(u => u.IsActive);
                users = organization is { } id
                    ? users.Where(u => u.OrganizationId == id)
                    : users.Where(u => db.Organizations.IgnoreQueryFilters().Any(o => o.Id == u.OrganizationId && o.Kind == PartyKind.Platform));
                count = await users.CountAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)), cancellationToken);
                audiences[(organization, role)] = count;
            }

            return count;
        }

        var requests = await db.ServiceRequests.IgnoreQueryFilters().AsNoTracking()
            .Select(r => new { r.Id, r.SupplierId, r.CustomerId, r.DealerId, r.PolicyId }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var policies = await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var expected = new Dictionary<string, int>();
        foreach (var deadline in deadlines)
        {
            var request = requests[deadline.ServiceRequestId];

            // The desk that owes the deadline (DeadlineNotifier.Audience).
            var handler = deadline.OwedBy switch
            {
                DeadlineParty.Customer => await AudienceAsync(request.CustomerId, Roles.CustomerUser),
                DeadlineParty.Dealer when request.DealerId is { } dealer => await AudienceAsync(dealer, Roles.DealerAgent),
                DeadlineParty.Platform => await AudienceAsync(null, Roles.PlatformOperator),
                _ => await AudienceAsync(request.SupplierId, Roles.SupplierAgent),
            };
            if (deadline.WarnedAt is not null)
            {
                expected[$"{deadline.Id:N}:AtRisk:0"] = handler;
            }

            if (deadline.BreachRecordedAt is not null)
            {
                expected[$"{deadline.Id:N}:Breached:0"] = handler;
                if (deadline.Kind == DeadlineKind.LevelFix)
                {
                    expected[$"{deadline.Id:N}:LoanerOwed:0"] = handler;
                }
            }

            var steps = policies[request.PolicyId].Figures.Escalation;
            for (var level = 1; level <= deadline.EscalationLevel; level++)
            {
                expected[$"{deadline.Id:N}:Escalated:{level}"] = steps[level - 1].Notify switch
                {
                    EscalationTarget.SupplierManager => await AudienceAsync(request.SupplierId, Roles.SupplierManager),
                    EscalationTarget.Platform => await AudienceAsync(null, Roles.PlatformOperator),
                    _ => handler,
                };
            }
        }

        expected = expected.Where(e => e.Value > 0).ToDictionary();
        Assert.All(notifications.GroupBy(n => (n.RecipientUserId, n.DedupKey)), g => Assert.Single(g));
        var actual = notifications.GroupBy(n => n.DedupKey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal).ToList(), actual.OrderBy(a => a.Key, StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Values.Sum(), notifications.Count);
        return actual;
    }
}
