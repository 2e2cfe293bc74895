using System.Diagnostics;
using AfterSales.Data;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Finds deadlines past due, warnings and escalation steps that fell due, and records each exactly once (R-SLA-3,
/// R-SLA-4). Works in batches of requests through the aggregate. Exactly once rests on the database, never on a
/// clock: the unique indexes on breaches (one per deadline), penalty lines (one per breach and rule) and
/// notifications (one per recipient and deadline event, escalation step included), plus the request's version
/// check. On PostgreSQL a batch claims its requests with <c>FOR UPDATE SKIP LOCKED</c>, so several app instances
/// share the work instead of racing for it; SQLite has one writer and relies on the version check alone.
/// A pass keeps taking batches until nothing is due, so after downtime the backlog drains in one pass; on PostgreSQL a
/// long pass keeps <see cref="Concurrency"/> batches in flight.
/// </summary>
public sealed class DeadlineMonitor(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ServiceRulesCatalog rulesCatalog, DeadlineNotifier notifier,
    IConfiguration configuration, ILogger<DeadlineMonitor> logger)
{
    public const int DefaultBatchSize = 500;

    private long _setBasedBatches;

    private bool? _untrackedWrites;

    /// <summary>Requests per batch (Deadlines:MonitorBatchSize): one transaction, one SaveChanges.</summary>
    public int BatchSize { get; } = Math.Max(1, configuration.GetValue("Deadlines:MonitorBatchSize", DefaultBatchSize));

    /// <summary>
    /// Pause between two batches of one pass (Deadlines:MonitorBatchPauseMilliseconds, default none): a long catch-up
    /// after downtime can leave room for the requests users are working on, and the kill/restart test can stop a
    /// pass between committed batches however fast the machine is.
    /// </summary>
    public TimeSpan BatchPause { get; } = TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue("Deadlines:MonitorBatchPauseMilliseconds", 0)));

    /// <summary>
    /// Whether a batch is written set-based on PostgreSQL (Deadlines:MonitorSetBasedWrites, default on): the same rows
    /// the aggregate and the notifier produced, by COPY and one UPDATE per table instead of ≈ 3,500 statements per
    /// 500 requests (docs/benchmarks.md §5). Off, or on SQLite, the batch goes through SaveChanges.
    /// </summary>
    public bool SetBasedWrites { get; } = configuration.GetValue("Deadlines:MonitorSetBasedWrites", true);

    /// <summary>
    /// Whether a set-based batch loads its requests untracked and finds their changes itself
    /// (Deadlines:MonitorUntrackedBatch, default on); off, the set-based write reads the changes from EF's change
    /// tracker, as before (docs/benchmarks.md §5 compares the two).
    /// </summary>
    public bool UntrackedBatches { get; } = configuration.GetValue("Deadlines:MonitorUntrackedBatch", true);

    /// <summary>Batches written set-based since start (the rest went through SaveChanges): shows which path the monitor takes.</summary>
    public long SetBasedBatches => Interlocked.Read(ref _setBasedBatches);

    /// <summary>
    /// Batches in flight at once when a pass finds more than one batch due, on PostgreSQL
    /// (Deadlines:MonitorConcurrency, default 2). Within a batch the app decides and then the database writes, one
    /// after the other on one connection; a second batch lets each side work while the other does (docs/benchmarks.md
    /// §5). The claims' SKIP LOCKED keeps the batches on different requests, exactly as it does for several app
    /// instances. SQLite has one writer: there a pass is always one batch after another.
    /// </summary>
    public int Concurrency { get; } = Math.Max(1, configuration.GetValue("Deadlines:MonitorConcurrency", 2));

    private bool? _postgres;

    private int _batchesInFlight;

    private int _peakBatchesInFlight;

    /// <summary>The most batches this monitor had in flight at once since start (see <see cref="Concurrency"/>).</summary>
    public int PeakBatchesInFlight => Volatile.Read(ref _peakBatchesInFlight);

    /// <summary>One pass: every breach, escalation and warning that fell due, batch after batch, and how many of each were recorded.</summary>
    public async Task<MonitorOutcome> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // The first batch alone: a pass with nothing or little due (nearly every pass) costs one claim. A short batch
        // means nothing more is due (or other instances hold the rest); a batch that recorded nothing would find the
        // same rows again, so it ends the pass too.
        var (outcome, claimed) = await RunBatchAsync(now, cancellationToken);
        if (claimed < BatchSize || outcome.Total == 0)
        {
            return outcome;
        }

        var lanes = IsPostgres() ? Concurrency : 1;
        var drained = await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => RunBatchesAsync(now, lanes == 1 ? 1 : 2, cancellationToken)));
        return drained.Aggregate(outcome, (sum, lane) => sum + lane);
    }

    /// <summary>One lane of a pass: batch after batch until this lane finds nothing more to do.</summary>
    private async Task<MonitorOutcome> RunBatchesAsync(DateTimeOffset now, int emptyBatchesToStop, CancellationToken cancellationToken)
    {
        var outcome = default(MonitorOutcome);
        var emptyBatches = 0;
        while (true)
        {
            if (BatchPause > TimeSpan.Zero)
            {
                await Task.Delay(BatchPause, clock, cancellationToken);
            }

            var (recorded, claimed) = await RunBatchAsync(now, cancellationToken);
            outcome += recorded;

            // A batch that recorded nothing would find the same rows again, so it ends the lane — but beside other
            // batches a full batch can record nothing and still not mean the end: its candidates were read just before
            // a neighbour committed them (see ClaimOnPostgresAsync). There the next claim reads afresh, and a second
            // such batch in a row ends the lane, so rows the aggregate will never change cannot keep a pass going.
            emptyBatches = recorded.Total == 0 ? emptyBatches + 1 : 0;
            if (claimed < BatchSize || emptyBatches == emptyBatchesToStop)
            {
                return outcome;
            }
        }
    }

    private bool IsPostgres()
    {
        if (_postgres is null)
        {
            using var db = contexts.CreateSystemContext();
            _postgres = db.Database.IsNpgsql();
        }

        return _postgres.Value;
    }

    private async Task<(MonitorOutcome Recorded, int Claimed)> RunBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _batchesInFlight);
        try
        {
            for (var peak = Volatile.Read(ref _peakBatchesInFlight); inFlight > peak; peak = Volatile.Read(ref _peakBatchesInFlight))
            {
                Interlocked.CompareExchange(ref _peakBatchesInFlight, inFlight, peak);
            }

            return await ClaimAndRecordAsync(now, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _batchesInFlight);
        }
    }

    private async Task<(MonitorOutcome Recorded, int Claimed)> ClaimAndRecordAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<Guid> claimed;
        await using (var db = contexts.CreateSystemContext())
        {
            var started = Stopwatch.GetTimestamp();
            var postgres = db.Database.IsNpgsql();
            await using var transaction = postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            claimed = postgres ? await ClaimOnPostgresAsync(db, now, BatchSize, cancellationToken) : await DueOnSqliteAsync(db, now, cancellationToken);
            if (claimed.Count == 0)
            {
                return (default, 0);
            }

            var claimedAt = Stopwatch.GetTimestamp();

            // Set-based on PostgreSQL: the requests are loaded untracked and their changes found by comparing column
            // values before and after the verbs — EF's snapshots and comparisons of eight JSON-converted columns per
            // request were most of a batch's CPU time (docs/benchmarks.md §5). The verbs and the notifier are the same.
            var untracked = SetBasedWrites && UntrackedBatches && (_untrackedWrites ??= SetBasedSave.CanWriteUntracked(db, typeof(ServiceRequest)))
                ? new SetBasedSave.UntrackedChanges(db)
                : null;
            // The monitor works for the system, which sees every request: without the scope filters the deadlines'
            // half of the split query needs no EXISTS over the requests per deadline.
            var query = db.ServiceRequests.IgnoreQueryFilters().Include(r => r.Deadlines).Where(r => claimed.Contains(r.Id)).AsSplitQuery();
            var requests = await (untracked is null ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
            var loadedAt = Stopwatch.GetTimestamp();
            var outcome = default(MonitorOutcome);
            var recipients = new RecipientCache();
            foreach (var request in requests)
            {
                untracked?.Remember(request);
                outcome += await MonitorAsync(db, request, now, recipients, cancellationToken);
            }

            var decidedAt = Stopwatch.GetTimestamp();
            try
            {
                // One write for the batch. What to write was decided above, by the aggregate and the notifier; only
                // how differs: on PostgreSQL one COPY per new table's rows and one version-checked UPDATE per changed
                // table, elsewhere SaveChanges' batched commands. Either way all or nothing (DbUpdateException below).
                var setBased = untracked is not null
                    ? await untracked.TrySaveAsync(cancellationToken)
                    : SetBasedWrites && await SetBasedSave.TrySaveAsync(db, cancellationToken);
                if (!setBased && untracked is not null)
                {
                    // Untracked requests cannot go through SaveChanges. Nothing was written: the batch is rolled back
                    // (its locks released) and each request redone tracked, below.
                    throw new UntrackedWriteRefused();
                }

                if (!setBased)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                var writtenAt = Stopwatch.GetTimestamp();
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                if (setBased)
                {
                    Interlocked.Increment(ref _setBasedBatches);
                }

                logger.LogDebug("Deadline monitor batch of {Count} requests: claim {Claim:F1} ms, load {Load:F1} ms, decide {Decide:F1} ms, write ({How}) {Write:F1} ms [{Statements}], commit {Commit:F1} ms.",
                    claimed.Count, Stopwatch.GetElapsedTime(started, claimedAt).TotalMilliseconds, Stopwatch.GetElapsedTime(claimedAt, loadedAt).TotalMilliseconds,
                    Stopwatch.GetElapsedTime(loadedAt, decidedAt).TotalMilliseconds, setBased ? untracked is null ? "set-based, tracked" : "set-based, untracked" : "SaveChanges",
                    Stopwatch.GetElapsedTime(decidedAt, writtenAt).TotalMilliseconds, string.Join("; ", untracked?.Timings ?? []), Stopwatch.GetElapsedTime(writtenAt).TotalMilliseconds);
                return (outcome, claimed.Count);
            }
            catch (DbUpdateException ex)
            {
                // A user action (a late close) or an unlocked writer changed one of these requests first. The
                // batch is rolled back whole; each request is retried alone so one conflict costs one request.
                logger.LogInformation(ex, "Deadline monitor batch of {Count} requests lost a race; retrying them one by one.", claimed.Count);
            }
            catch (UntrackedWriteRefused)
            {
                logger.LogWarning("Deadline monitor batch of {Count} requests changed more than the set-based write takes; retrying them one by one.", claimed.Count);
            }
        }

        var retried = default(MonitorOutcome);
        foreach (var requestId in claimed)
        {
            retried += await MonitorOneAsync(requestId, now, cancellationToken);
        }

        return (retried, claimed.Count);
    }

    /// <summary>The untracked batch's changes are not for the set-based write (a deletion, say): it is redone request by request.</summary>
    private sealed class UntrackedWriteRefused : Exception;

    private async Task<MonitorOutcome> MonitorOneAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateSystemContext();
        var postgres = db.Database.IsNpgsql();
        await using var transaction = postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (postgres && !await LockOnPostgresAsync(db, requestId, cancellationToken))
        {
            // Another instance holds it and will record what is due.
            return default;
        }

        var request = await db.ServiceRequests.Include(r => r.Deadlines).SingleAsync(r => r.Id == requestId, cancellationToken);
        var happened = await MonitorAsync(db, request, now, new RecipientCache(), cancellationToken);
        if (happened.Total == 0)
        {
            return default;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return happened;
        }
        catch (DbUpdateException ex)
        {
            // Another instance or a user action changed the request first; the next pass sees the result.
            logger.LogInformation(ex, "Deadline monitoring of {RequestId} lost a race; will re-check next pass.", requestId);
            return default;
        }
    }

    private async Task<MonitorOutcome> MonitorAsync(AppDbContext db, ServiceRequest request, DateTimeOffset now, RecipientCache recipients, CancellationToken cancellationToken)
    {
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var happened = request.Monitor(now, rules);
        if (happened.Total > 0)
        {
            await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, recipients, cancellationToken);
        }

        return happened;
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> requests with something due, locking their rows for this transaction.
    /// The candidates come from the three partial indexes (IX_Deadlines_OpenDue, _EscalationDue, _WarningDue), each
    /// read a few batches deep so that batches and instances skipping each other's rows still find work; SKIP LOCKED
    /// then passes over requests another batch or instance holds, so each takes different ones.
    /// Two statements, not one: locking in the statement that finds the candidates made PostgreSQL re-run the three
    /// index reads for every candidate another batch had just committed (its recheck of an updated row), and a claim
    /// overlapping a neighbour's commit took 3 s instead of 10 ms (docs/benchmarks.md §5). A request claimed after
    /// another batch finished it is harmless: it is loaded after the lock, and the aggregate finds nothing left due.
    /// </summary>
    private static async Task<List<Guid>> ClaimOnPostgresAsync(AppDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var scan = batchSize * 4;
        now = now.ToUniversalTime(); // Npgsql writes timestamptz parameters in UTC only (a fake clock may carry +08:00).
        var candidates = (await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT c."ServiceRequestId" AS "Value" FROM (
                (SELECT d."ServiceRequestId" FROM "Deadlines" AS d
                 WHERE d."ClosedAt" IS NULL AND d."BreachRecordedAt" IS NULL AND d."PausedAt" IS NULL AND d."DueAt" < {now}
                 ORDER BY d."DueAt" LIMIT {scan})
                UNION ALL
                (SELECT d."ServiceRequestId" FROM "Deadlines" AS d
                 WHERE d."NextEscalationAt" IS NOT NULL AND d."NextEscalationAt" <= {now}
                 ORDER BY d."NextEscalationAt" LIMIT {scan})
                UNION ALL
                (SELECT d."ServiceRequestId" FROM "Deadlines" AS d
                 WHERE d."ClosedAt" IS NULL AND d."BreachRecordedAt" IS NULL AND d."PausedAt" IS NULL AND d."WarnedAt" IS NULL AND d."WarningAt" <= {now}
                 ORDER BY d."WarningAt" LIMIT {scan})) AS c
            """).ToListAsync(cancellationToken)).ToArray();
        if (candidates.Length == 0)
        {
            return [];
        }

        return await db.Database.SqlQuery<Guid>($"""
            SELECT r."Id" AS "Value" FROM "ServiceRequests" AS r WHERE r."Id" = ANY({candidates})
            LIMIT {batchSize}
            FOR UPDATE OF r SKIP LOCKED
            """).ToListAsync(cancellationToken);
    }

    private static async Task<bool> LockOnPostgresAsync(AppDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<Guid>($"""SELECT r."Id" AS "Value" FROM "ServiceRequests" AS r WHERE r."Id" = {requestId} FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken)).Count == 1;

    /// <summary>SQLite: the same three polls on the same partial indexes, without locks (one writer at a time).</summary>
    private async Task<List<Guid>> DueOnSqliteAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
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
        return [.. breaching.Concat(escalating).Concat(warning).Distinct().Take(BatchSize)];
    }
}

/// <summary>Runs the <see cref="DeadlineMonitor"/> on an interval (Deadlines:MonitorIntervalSeconds, default 30).</summary>
public sealed class DeadlineMonitorWorker(DeadlineMonitor monitor, IConfiguration configuration, TimeProvider clock, ILogger<DeadlineMonitorWorker> logger)
    : IntervalWorker(configuration, clock, logger, "Deadlines:MonitorIntervalSeconds", 30, "Deadline monitor")
{
    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var outcome = await monitor.RunOnceAsync(cancellationToken);
        if (outcome.Total > 0)
        {
            logger.LogInformation("Deadline monitor: {Breaches} breaches, {Escalations} escalations, {Warnings} warnings.", outcome.Breaches, outcome.Escalations, outcome.Warnings);
        }
    }
}
