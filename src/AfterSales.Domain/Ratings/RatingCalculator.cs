namespace AfterSales.Domain.Ratings;

/// <summary>
/// A month's score and grade (R-RAT-1). Each part is a percentage; a part with nothing to measure is left out and the
/// others are weighted up, and a month with nothing at all has no score and no grade ("no data", not a D).
/// </summary>
/// <param name="Timeliness">响应及时率: deadlines met ÷ (met + breached) × 100.</param>
/// <param name="Satisfaction">客户满意度: the mean of every 1–5 mark (each acceptance's three marks averaged, each revisit) ÷ 5 × 100.</param>
/// <param name="Resolution">问题解决率: first-time fixes ÷ requests accepted × 100.</param>
/// <param name="Score">The weighted score 0–100 to one decimal, or null without data.</param>
/// <param name="Grade">The grade by the scheme's bands, or null without data.</param>
public sealed record RatingScore(decimal? Timeliness, decimal? Satisfaction, decimal? Resolution, decimal? Score, RatingGrade? Grade)
{
    public bool HasData => Score is not null;
}

public static class RatingCalculator
{
    public static RatingScore Score(RatingInputs inputs, RatingScheme scheme)
    {
        var deadlines = inputs.DeadlinesMet + inputs.DeadlinesBreached;
        decimal? timeliness = deadlines == 0 ? null : Percent(inputs.DeadlinesMet, deadlines);

        var marks = inputs.Acceptances + inputs.Revisits;
        decimal? satisfaction = marks == 0 ? null
            : Round(((inputs.AcceptancePoints / 3m) + inputs.RevisitPoints) / marks / 5m * 100m);

        decimal? resolution = inputs.Resolved == 0 ? null : Percent(inputs.FirstTimeFixes, inputs.Resolved);

        var parts = new (decimal? Value, int Weight)[]
        {
            (timeliness, scheme.TimelinessWeight), (satisfaction, scheme.SatisfactionWeight), (resolution, scheme.ResolutionWeight),
        };
        var weight = parts.Where(p => p.Value is not null).Sum(p => p.Weight);
        if (weight == 0)
        {
            return new RatingScore(timeliness, satisfaction, resolution, null, null);
        }

        // Weighted from the rounded parts, so the shown inputs give the shown score.
        var score = Round(parts.Where(p => p.Value is not null).Sum(p => p.Value!.Value * p.Weight) / weight);
        return new RatingScore(timeliness, satisfaction, resolution, score, scheme.GradeOf(score));
    }

    private static decimal Percent(int part, int whole) => Round(part * 100m / whole);

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
