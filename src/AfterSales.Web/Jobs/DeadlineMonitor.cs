using AfterSales.Data;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Finds deadlines past due, warnings and escalation steps that fell due, and records each exactly once (R-SLA-3,
/// R-SLA-4). Works through the aggregate, so the request's version check and the unique indexes on breaches,
/// penalties and notifications make a second instance, a retry or a restart record nothing twice.
/// </summary>
public sealed class DeadlineMonitor(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ServiceRulesCatalog rulesCatalog, DeadlineNotifier notifier, ILogger<DeadlineMonitor> logger)
{
    public const int BatchSize = 200;

    /// <summary>One pass: breaches, escalations and warnings that fell due, and how many of each were recorded.</summary>
    public async Task<MonitorOutcome> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateSystemContext();

        // Three small polls, each on its own partial index (ARCHITECTURE §6).
        var deadlines = db.Deadlines.IgnoreQueryFilters().AsNoTracking();
        var breaching = await deadlines
            .Where(d => d.ClosedAt == null && d.BreachRecordedAt == null && d.PausedAt == null && d.DueAt < now)
            .OrderBy(d => d.DueAt).Select(d => d.ServiceRequestId).Take(BatchSize).ToListAsync(cancellationToken);
        var escalating = await deadlines
            .Where(d => d.NextEscalationAt != null && d.NextEscalationAt <= now)
            .OrderBy(d => d.NextEscalationAt).Select(d => d.ServiceRequestId).Take(BatchSize).ToListAsync(cancellationToken);
        var warning = await deadlines
            .Where(d => d.ClosedAt == null && d.BreachRecordedAt == null && d.PausedAt == null && d.WarnedAt == null && d.WarningAt <= now)
            .OrderBy(d => d.WarningAt).Select(d => d.ServiceRequestId).Take(BatchSize).ToListAsync(cancellationToken);

        var outcome = default(MonitorOutcome);
        foreach (var requestId in breaching.Concat(escalating).Concat(warning).Distinct())
        {
            outcome += await MonitorRequestAsync(requestId, now, cancellationToken);
        }

        return outcome;
    }

    private async Task<MonitorOutcome> MonitorRequestAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateSystemContext();
        var request = await db.ServiceRequests.Include(r => r.Deadlines).SingleAsync(r => r.Id == requestId, cancellationToken);
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var happened = request.Monitor(now, rules);
        if (happened.Total == 0)
        {
            return default;
        }

        await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return happened;
        }
        catch (DbUpdateException ex)
        {
            // Another instance or a user action changed the request first; the next pass sees the result.
            logger.LogInformation(ex, "Deadline monitoring of {RequestId} lost a race; will re-check next pass.", requestId);
            return default;
        }
    }
}

/// <summary>Runs the <see cref="DeadlineMonitor"/> on an interval (Deadlines:MonitorIntervalSeconds, default 30).</summary>
public sealed class DeadlineMonitorWorker(DeadlineMonitor monitor, IConfiguration configuration, TimeProvider clock, ILogger<DeadlineMonitorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Deadlines:MonitorIntervalSeconds", 30);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                var outcome = await monitor.RunOnceAsync(stoppingToken);
                if (outcome.Total > 0)
                {
                    logger.LogInformation("Deadline monitor: {Breaches} breaches, {Escalations} escalations, {Warnings} warnings.", outcome.Breaches, outcome.Escalations, outcome.Warnings);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deadline monitor pass failed; retrying next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
