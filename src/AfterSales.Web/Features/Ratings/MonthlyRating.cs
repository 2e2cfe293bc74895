using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Ratings;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Ratings;

/// <summary>
/// 月度评级 (R-RAT-1): rates every supplier for a month that has ended. Idempotent: a supplier already rated for the month
/// is left as it is, and the unique (supplier, month) index makes a second instance racing this one lose its insert
/// instead of adding a duplicate — each supplier is saved on its own, so a lost race costs only that supplier's row.
/// A D suspends the supplier's after-sales rights from the moment of rating (SupplierRating.Compute).
/// </summary>
public sealed class MonthlyRating(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<MonthlyRating> logger)
{
    /// <summary>The scheduled pass: on or after the 1st, rate the previous month for every supplier not yet rated.</summary>
    public Task<int> RunDueAsync(CancellationToken cancellationToken) =>
        RunAsync(RatingMonth.Of(clock.GetUtcNow()).Previous, null, cancellationToken);

    /// <summary>Rates <paramref name="month"/>; returns how many ratings this call created (0 when all existed).</summary>
    /// <param name="month">An ended month.</param>
    /// <param name="by">The operator who asked for the run, or null for the schedule (the audit trail shows "系统").</param>
    /// <param name="cancellationToken">Stops between suppliers.</param>
    public async Task<int> RunAsync(RatingMonth month, (Guid UserId, string Name)? by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < month.End)
        {
            throw new Domain.Common.InvalidInput("month", $"{month.ToChinese()}尚未结束，月末后才能评级。");
        }

        var key = month.ToString();
        List<(Guid Id, string Name)> pending;
        await using (var db = contexts.CreateSystemContext())
        {
            var suppliers = await db.Organizations.AsNoTracking().Where(o => o.Kind == PartyKind.Supplier)
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
            var rated = await db.SupplierRatings.AsNoTracking().Where(r => r.Month == key).Select(r => r.SupplierId).ToListAsync(cancellationToken);
            pending = [.. suppliers.Where(s => !rated.Contains(s.Id)).Select(s => (s.Id, s.Name))];
            if (pending.Count == 0)
            {
                return 0;
            }
        }

        MonthFacts facts;
        await using (var db = contexts.CreateSystemContext())
        {
            facts = await MonthFacts.LoadAsync(db, month, cancellationToken);
        }

        var created = 0;
        foreach (var (supplierId, name) in pending)
        {
            await using var db = contexts.CreateSystemContext();
            if (by is { } actor)
            {
                db.Scope.SetActor(actor.UserId, actor.Name);
            }

            var rating = SupplierRating.Compute(Guid.CreateVersion7(now), supplierId, name, month, facts.ForSupplier(supplierId), RatingScheme.Default, by?.Name ?? "系统", now);
            db.SupplierRatings.Add(rating);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created++;
                if (rating.Grade == RatingGrade.D)
                {
                    logger.LogWarning("Supplier {SupplierId} rated D for {Month}: after-sales rights suspended until {Until} (R-RAT-1).", supplierId, key, rating.SuspendedUntil);
                }
            }
            catch (DbUpdateException ex)
            {
                // Another instance (or a concurrent operator run) rated this supplier first: the unique index kept one.
                logger.LogInformation(ex, "Rating of supplier {SupplierId} for {Month} lost a race; the other run's rating stands.", supplierId, key);
            }
        }

        return created;
    }
}

/// <summary>
/// Runs <see cref="MonthlyRating.RunDueAsync"/> on an interval (Ratings:JobIntervalSeconds, default 3600; 0 turns it off).
/// Each pass rates the previous month for suppliers not yet rated, so the month is rated in the first pass on the 1st
/// and a host that was down on the 1st catches up at its next start.
/// </summary>
public sealed class MonthlyRatingWorker(MonthlyRating rating, IConfiguration configuration, TimeProvider clock, ILogger<MonthlyRatingWorker> logger)
    : IntervalWorker(configuration, clock, logger, "Ratings:JobIntervalSeconds", 3600, "Monthly rating")
{
    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var created = await rating.RunDueAsync(cancellationToken);
        if (created > 0)
        {
            logger.LogInformation("Monthly rating: {Count} supplier rating(s) created.", created);
        }
    }
}
