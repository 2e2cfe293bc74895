using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Ratings;

/// <summary>
/// What one month of service shows about a supplier, a dealer or an engineer (R-RAT-1, R-RAT-2): the counts a score is
/// computed from, kept with the rating so anyone can check the arithmetic.
/// </summary>
/// <param name="DeadlinesMet">Service-side deadlines (owed by the supplier or its dealer) met in the month.</param>
/// <param name="DeadlinesBreached">Service-side deadlines whose breach was recorded in the month (R-SLA-4).</param>
/// <param name="Acceptances">Acceptances (验收) with a rating in the month.</param>
/// <param name="AcceptancePoints">Sum of the three 1–5 acceptance marks (timeliness + expertise + attitude) over them.</param>
/// <param name="Revisits">Revisits (回访) recorded in the month.</param>
/// <param name="RevisitPoints">Sum of their 1–5 satisfaction.</param>
/// <param name="Resolved">Requests accepted in the month.</param>
/// <param name="FirstTimeFixes">Of those, fixed the first time: no rejection and no revisit that reopened handling.</param>
/// <param name="Reservices">Reservices that started in the month: rejected acceptances and revisits that reopened handling.</param>
public sealed record RatingInputs(
    int DeadlinesMet,
    int DeadlinesBreached,
    int Acceptances,
    int AcceptancePoints,
    int Revisits,
    int RevisitPoints,
    int Resolved,
    int FirstTimeFixes,
    int Reservices)
{
    public static RatingInputs None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public bool HasData => DeadlinesMet + DeadlinesBreached + Acceptances + Revisits + Resolved + Reservices > 0;

    /// <summary>Adds up the month's facts for one subject.</summary>
    public static RatingInputs Collect(IEnumerable<DeadlineOutcome> deadlines, IEnumerable<RequestOutcome> requests)
    {
        var met = 0;
        var breached = 0;
        foreach (var deadline in deadlines)
        {
            if (deadline.Met)
            {
                met++;
            }
            else
            {
                breached++;
            }
        }

        int acceptances = 0, acceptancePoints = 0, revisits = 0, revisitPoints = 0, resolved = 0, firstTime = 0, reservices = 0;
        foreach (var request in requests)
        {
            if (request.AcceptanceRating is { } rating)
            {
                acceptances++;
                acceptancePoints += rating.Timeliness + rating.Expertise + rating.Attitude;
                resolved++;
                firstTime += request.FirstTimeFix ? 1 : 0;
            }

            if (request.RevisitSatisfaction is { } satisfaction)
            {
                revisits++;
                revisitPoints += satisfaction;
            }

            reservices += request.Reservices;
        }

        return new RatingInputs(met, breached, acceptances, acceptancePoints, revisits, revisitPoints, resolved, firstTime, reservices);
    }
}

/// <summary>One service-side deadline that ended in the month: met in time, or breached.</summary>
public sealed record DeadlineOutcome(Guid ServiceRequestId, bool Met);

/// <summary>
/// What one request contributed in the month: its acceptance rating if accepted in the month, its revisit satisfaction if
/// revisited in the month, whether the acceptance came first time, and the reservices that began in the month.
/// </summary>
public sealed record RequestOutcome(Guid ServiceRequestId, ServiceRating? AcceptanceRating, int? RevisitSatisfaction, bool FirstTimeFix, int Reservices)
{
    /// <summary>Reads a request's acceptance, revisit and rejections for the month (R-ACC-1, R-ACC-2, R-RV-1).</summary>
    public static RequestOutcome Of(Guid requestId, AcceptanceRecord? acceptance, RevisitRecord? revisit, IReadOnlyList<RejectionRecord> rejections, RatingMonth month)
    {
        var acceptedInMonth = acceptance is not null && month.Contains(acceptance.At);
        var revisitedInMonth = revisit is not null && month.Contains(revisit.At);

        // A revisit that reopened handling (R-RV-1) — before a renewed acceptance or after this one — means the service did
        // not hold the first time, just as a rejected acceptance (R-ACC-2) does.
        var firstTime = acceptedInMonth && rejections.Count == 0 && revisit is not { Reopened: true };
        var reservices = rejections.Count(r => month.Contains(r.At)) + (revisitedInMonth && revisit!.Reopened ? 1 : 0);
        return new RequestOutcome(
            requestId,
            acceptedInMonth ? acceptance!.Rating : null,
            revisitedInMonth ? revisit!.Satisfaction : null,
            firstTime,
            reservices);
    }
}
