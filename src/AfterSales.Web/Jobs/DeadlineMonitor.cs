using AfterSales.Data;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Finds open deadlines past due and records each breach exactly once (R-SLA-4). Works through the
/// aggregate, so the request's version check and the unique index on the breach make a second instance,
/// a retry or a restart record nothing twice.
/// </summary>
public sealed class DeadlineMonitor(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<DeadlineMonitor> logger)
{
    public const int BatchSize = 200;

    /// <summary>One pass: returns how many breaches were newly recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateSystemContext();
        var due = await db.Deadlines
            .IgnoreQueryFilters()
            .Where(d => d.ClosedAt == null && d.BreachRecordedAt == null && d.DueAt < now)
            .OrderBy(d => d.DueAt)
            .Select(d => d.ServiceRequestId)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var recorded = 0;
        foreach (var requestId in due.Distinct())
        {
            recorded += await RecordForRequestAsync(requestId, now, cancellationToken);
        }

        return recorded;
    }

    private async Task<int> RecordForRequestAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateSystemContext();
        var request = await db.ServiceRequests.Include(r => r.Deadlines).SingleAsync(r => r.Id == requestId, cancellationToken);
        var count = request.RecordBreaches(now);
        if (count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return count;
        }
        catch (DbUpdateException ex)
        {
            // Another instance or a user action changed the request first; the next pass sees the result.
            logger.LogInformation(ex, "Breach recording for {RequestId} lost a race; will re-check next pass.", requestId);
            return 0;
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
                var recorded = await monitor.RunOnceAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Recorded {Count} deadline breaches.", recorded);
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
