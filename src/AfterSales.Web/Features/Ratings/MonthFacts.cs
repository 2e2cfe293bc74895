using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Ratings;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Ratings;

/// <summary>
/// What happened in one month (Asia/Shanghai), read once and grouped per supplier, dealer and engineer (R-RAT-1, R-RAT-2):
/// the service-side deadlines that ended (met or breached, R-SLA-4), the acceptances, revisits and reservices of the
/// month, and who completed the service on each request. Read through a context that sees every organisation.
/// </summary>
public sealed class MonthFacts
{
    private static readonly DeadlineParty[] ServiceSide = [DeadlineParty.Supplier, DeadlineParty.Dealer];
    private static readonly string CompleteService = ServiceRequest.ActionName(ServiceRequestAction.CompleteService);

    private MonthFacts(RatingMonth month, IReadOnlyList<DeadlineFact> deadlines, IReadOnlyList<RequestFact> requests, IReadOnlyDictionary<Guid, Engineer> engineers)
    {
        Month = month;
        Deadlines = deadlines;
        Requests = requests;
        EngineerOf = engineers;
    }

    public RatingMonth Month { get; }

    public IReadOnlyList<DeadlineFact> Deadlines { get; }

    public IReadOnlyList<RequestFact> Requests { get; }

    /// <summary>The person who completed the service on a request (the latest completeService on its timeline).</summary>
    public IReadOnlyDictionary<Guid, Engineer> EngineerOf { get; }

    public static async Task<MonthFacts> LoadAsync(AppDbContext db, RatingMonth month, CancellationToken cancellationToken)
    {
        var (start, end) = (month.Start, month.End);

        // Met: closed in time within the month. Breached: the breach was recorded within the month (once, R-SLA-4).
        var deadlines = await db.Deadlines.AsNoTracking().IgnoreQueryFilters()
            .Where(d => ServiceSide.Contains(d.OwedBy)
                && ((d.BreachRecordedAt == null && d.State == DeadlineState.Met && d.ClosedAt >= start && d.ClosedAt < end)
                    || (d.BreachRecordedAt >= start && d.BreachRecordedAt < end)))
            .Join(db.ServiceRequests.IgnoreQueryFilters(), d => d.ServiceRequestId, r => r.Id,
                (d, r) => new DeadlineFact(d.ServiceRequestId, r.SupplierId, r.DealerId, d.BreachRecordedAt == null))
            .ToListAsync(cancellationToken);

        // Anything accepted, revisited or rejected within the month changed the request at or after the month's start.
        var touched = await db.ServiceRequests.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.UpdatedAt >= start && r.CreatedAt < end)
            .Select(r => new { r.Id, r.SupplierId, r.DealerId, r.Acceptance, r.Revisit, r.Rejections })
            .ToListAsync(cancellationToken);
        var requests = touched
            .Select(r => new RequestFact(r.SupplierId, r.DealerId, RequestOutcome.Of(r.Id, r.Acceptance, r.Revisit, r.Rejections, month)))
            .Where(r => r.Outcome.AcceptanceRating is not null || r.Outcome.RevisitSatisfaction is not null || r.Outcome.Reservices > 0)
            .ToList();

        var ids = requests.Select(r => r.Outcome.ServiceRequestId).Concat(deadlines.Select(d => d.ServiceRequestId)).Distinct().ToList();
        var completions = ids.Count == 0 ? [] : await db.TimelineEntries.AsNoTracking().IgnoreQueryFilters()
            .Where(t => t.Action == CompleteService && t.At < end && t.ActorUserId != null && ids.Contains(t.ServiceRequestId))
            .Select(t => new { t.ServiceRequestId, t.Sequence, UserId = t.ActorUserId!.Value, t.ActorName, t.ActorOrganizationId })
            .ToListAsync(cancellationToken);
        var engineers = completions
            .GroupBy(c => c.ServiceRequestId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Sequence).Select(c => new Engineer(c.UserId, c.ActorName, c.ActorOrganizationId)).First());
        return new MonthFacts(month, deadlines, requests, engineers);
    }

    /// <summary>A supplier's month: every service-side deadline and request it was the supplier on.</summary>
    public RatingInputs ForSupplier(Guid supplierId) => RatingInputs.Collect(
        Deadlines.Where(d => d.SupplierId == supplierId).Select(d => d.Outcome),
        Requests.Where(r => r.SupplierId == supplierId).Select(r => r.Outcome));

    /// <summary>A dealer's month (R-RAT-2): the requests it serves for its supplier.</summary>
    public RatingInputs ForDealer(Guid dealerId) => RatingInputs.Collect(
        Deadlines.Where(d => d.DealerId == dealerId).Select(d => d.Outcome),
        Requests.Where(r => r.DealerId == dealerId).Select(r => r.Outcome));

    /// <summary>An engineer's month (R-RAT-2): the requests whose service they completed.</summary>
    public RatingInputs ForEngineer(Guid userId) => RatingInputs.Collect(
        Deadlines.Where(d => EngineerOf.TryGetValue(d.ServiceRequestId, out var e) && e.UserId == userId).Select(d => d.Outcome),
        Requests.Where(r => EngineerOf.TryGetValue(r.Outcome.ServiceRequestId, out var e) && e.UserId == userId).Select(r => r.Outcome));

    /// <summary>Every engineer who completed a request with facts in the month.</summary>
    public IEnumerable<Engineer> Engineers => EngineerOf.Values.DistinctBy(e => e.UserId);

    /// <summary>Every dealer with facts in the month.</summary>
    public IEnumerable<Guid> Dealers => Deadlines.Select(d => d.DealerId).Concat(Requests.Select(r => r.DealerId)).OfType<Guid>().Distinct();
}

public sealed record DeadlineFact(Guid ServiceRequestId, Guid SupplierId, Guid? DealerId, bool Met)
{
    public DeadlineOutcome Outcome => new(ServiceRequestId, Met);
}

public sealed record RequestFact(Guid SupplierId, Guid? DealerId, RequestOutcome Outcome);

public sealed record Engineer(Guid UserId, string Name, Guid? OrganizationId);
