using AfterSales.Domain.Ratings;

namespace AfterSales.Web.Features.Ratings;

/// <summary>
/// One supplier's month (R-RAT-1): grade and score with the inputs they came from, suspension and override. Grade is the
/// grade in force (null = no data: nothing to rate that month); ComputedGrade the one the scheme gave before any
/// override; Suspended whether the suspension is running now.
/// </summary>
public sealed record SupplierRatingView(
    Guid Id,
    Guid SupplierId,
    string SupplierName,
    string Month,
    RatingGrade? Grade,
    RatingGrade? ComputedGrade,
    decimal? Score,
    bool HasData,
    RatingInputsView Inputs,
    DateTimeOffset ComputedAt,
    string ComputedBy,
    DateTimeOffset? SuspendedFrom,
    DateTimeOffset? SuspendedUntil,
    bool Suspended,
    RatingOverrideView? Override)
{
    public static SupplierRatingView From(SupplierRating r, DateTimeOffset now) => new(
        r.Id, r.SupplierId, r.SupplierName, r.Month, r.Grade, r.ComputedGrade, r.Score, r.HasData,
        RatingInputsView.From(r.Inputs, new RatingScore(r.TimelinessPercent, r.SatisfactionPercent, r.ResolutionPercent, r.Score, r.ComputedGrade)),
        r.ComputedAt, r.ComputedBy, r.SuspendedFrom, r.SuspendedUntil, r.IsSuspendedAt(now),
        r.OverriddenAt is { } at ? new RatingOverrideView(r.OverriddenFrom, r.Grade, r.OverrideReason ?? string.Empty, r.OverriddenBy ?? string.Empty, at) : null);
}

/// <summary>The three parts in percent (null = nothing to measure) and the counts behind them.</summary>
public sealed record RatingInputsView(
    decimal? TimelinessPercent,
    decimal? SatisfactionPercent,
    decimal? ResolutionPercent,
    int DeadlinesMet,
    int DeadlinesBreached,
    int Acceptances,
    decimal? AverageAcceptanceRating,
    int Revisits,
    decimal? AverageRevisitSatisfaction,
    int Resolved,
    int FirstTimeFixes,
    int Reservices)
{
    public static RatingInputsView From(RatingInputs i, RatingScore s) => new(
        s.Timeliness, s.Satisfaction, s.Resolution, i.DeadlinesMet, i.DeadlinesBreached,
        i.Acceptances, i.Acceptances == 0 ? null : Math.Round(i.AcceptancePoints / 3m / i.Acceptances, 2, MidpointRounding.AwayFromZero),
        i.Revisits, i.Revisits == 0 ? null : Math.Round((decimal)i.RevisitPoints / i.Revisits, 2, MidpointRounding.AwayFromZero),
        i.Resolved, i.FirstTimeFixes, i.Reservices);
}

public sealed record RatingOverrideView(RatingGrade? From, RatingGrade? To, string Reason, string By, DateTimeOffset At);

/// <summary>One month of a supplier's trend; null grade and score for a month not rated or without data.</summary>
public sealed record RatingTrendPoint(string Month, RatingGrade? Grade, decimal? Score, bool Rated);

public sealed record RatingTrendView(Guid SupplierId, string SupplierName, IReadOnlyList<RatingTrendPoint> Months);

/// <summary>The result of a run: how many ratings it created and the month's ratings.</summary>
public sealed record RatingRunView(string Month, int Created, IReadOnlyList<SupplierRatingView> Ratings);

/// <summary>An engineer's or dealer's month (R-RAT-2), computed on read from the same inputs as a supplier's rating.</summary>
public sealed record ScorecardView(Guid Id, string Name, Guid? OrganizationId, string Month, RatingGrade? Grade, decimal? Score, RatingInputsView Inputs);

/// <summary>The supplier's running suspension, for the console banner (R-RAT-1).</summary>
public sealed record SuspensionNotice(string Month, DateTimeOffset Until, string UntilText, string? OverrideReason);
