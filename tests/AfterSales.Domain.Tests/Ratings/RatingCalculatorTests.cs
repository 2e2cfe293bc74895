using AfterSales.Domain.Ratings;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Ratings;

/// <summary>
/// 月度评级 (R-RAT-1): synthetic months with known grades under the default scheme (timeliness 40 %, satisfaction 35 %,
/// resolution 25 %; A ≥ 90, B ≥ 80, C ≥ 60, else D), the month boundary in Asia/Shanghai, and a month with no data.
/// </summary>
public sealed class RatingCalculatorTests
{
    private static readonly RatingMonth October = new(2026, 10);

    [Fact]
    public void A_month_with_every_deadline_met_full_marks_and_first_time_fixes_is_grade_A()
    {
        var requests = Enumerable.Range(0, 4).Select(_ => Accepted(new ServiceRating(5, 5, 5), revisit: 5)).ToList();
        var inputs = RatingInputs.Collect(Deadlines(met: 10, breached: 0), requests);

        var score = RatingCalculator.Score(inputs, RatingScheme.Default);

        Assert.Equal((100m, 100m, 100m, 100m, RatingGrade.A), (score.Timeliness, score.Satisfaction, score.Resolution, score.Score, score.Grade));
    }

    [Fact]
    public void One_breach_in_ten_and_fours_for_satisfaction_is_grade_B_at_89()
    {
        var requests = Enumerable.Range(0, 4).Select(_ => Accepted(new ServiceRating(4, 4, 4))).ToList();
        var inputs = RatingInputs.Collect(Deadlines(met: 9, breached: 1), requests);

        var score = RatingCalculator.Score(inputs, RatingScheme.Default);

        // 90 × 0.40 + 80 × 0.35 + 100 × 0.25 = 89.0
        Assert.Equal((90m, 80m, 100m, 89.0m, RatingGrade.B), (score.Timeliness, score.Satisfaction, score.Resolution, score.Score, score.Grade));
    }

    [Fact]
    public void Three_breaches_middling_marks_and_one_reservice_in_two_is_grade_C()
    {
        var requests = new[]
        {
            Accepted(new ServiceRating(3, 4, 3), revisit: 3),
            Accepted(new ServiceRating(4, 4, 4), rejected: true),
        };
        var inputs = RatingInputs.Collect(Deadlines(met: 7, breached: 3), requests);

        var score = RatingCalculator.Score(inputs, RatingScheme.Default);

        // Satisfaction: (22 ÷ 3 + 3) ÷ 3 marks ÷ 5 = 68.9 %; 70 × 0.40 + 68.9 × 0.35 + 50 × 0.25 = 64.6
        Assert.Equal((70m, 68.9m, 50m, 64.6m, RatingGrade.C), (score.Timeliness, score.Satisfaction, score.Resolution, score.Score, score.Grade));
        Assert.Equal(1, inputs.Reservices);
    }

    [Fact]
    public void Mostly_breached_deadlines_low_marks_and_no_first_time_fix_is_grade_D()
    {
        var requests = new[] { Accepted(new ServiceRating(1, 2, 1), revisit: 1, rejected: true) };
        var inputs = RatingInputs.Collect(Deadlines(met: 1, breached: 4), requests);

        var score = RatingCalculator.Score(inputs, RatingScheme.Default);

        // 20 × 0.40 + 23.3 × 0.35 + 0 × 0.25 = 16.2
        Assert.Equal((20m, 23.3m, 0m, 16.2m, RatingGrade.D), (score.Timeliness, score.Satisfaction, score.Resolution, score.Score, score.Grade));
        Assert.Equal(2, inputs.Reservices); // the rejection and the revisit that reopened handling
    }

    [Fact]
    public void A_month_without_any_request_or_deadline_has_no_score_and_no_grade_rather_than_D()
    {
        var score = RatingCalculator.Score(RatingInputs.Collect([], []), RatingScheme.Default);

        Assert.False(score.HasData);
        Assert.Null(score.Grade);
        Assert.Null(score.Score);
        Assert.Equal((null, null, null), (score.Timeliness, score.Satisfaction, score.Resolution));
    }

    [Fact]
    public void A_part_with_nothing_to_measure_is_left_out_and_the_others_carry_the_weight()
    {
        var inputs = RatingInputs.Collect(Deadlines(met: 3, breached: 1), []);

        var score = RatingCalculator.Score(inputs, RatingScheme.Default);

        Assert.Equal((75m, (decimal?)null, (decimal?)null, 75m, RatingGrade.C), (score.Timeliness, score.Satisfaction, score.Resolution, score.Score, score.Grade));
    }

    [Theory]
    [InlineData(100, RatingGrade.A)]
    [InlineData(90, RatingGrade.A)]
    [InlineData(89.9, RatingGrade.B)]
    [InlineData(80, RatingGrade.B)]
    [InlineData(79.9, RatingGrade.C)]
    [InlineData(60, RatingGrade.C)]
    [InlineData(59.9, RatingGrade.D)]
    [InlineData(0, RatingGrade.D)]
    public void Grade_bands_include_their_lower_bound(double score, RatingGrade expected) =>
        Assert.Equal(expected, RatingScheme.Default.GradeOf((decimal)score));

    [Fact]
    public void Weights_come_from_the_scheme()
    {
        var inputs = RatingInputs.Collect(Deadlines(met: 1, breached: 1), [Accepted(new ServiceRating(5, 5, 5))]);
        var timelinessOnly = RatingScheme.Default with { TimelinessWeight = 100, SatisfactionWeight = 0, ResolutionWeight = 0 };

        Assert.Equal(80m, RatingCalculator.Score(inputs, RatingScheme.Default).Score); // 50 × 0.4 + 100 × 0.35 + 100 × 0.25
        Assert.Equal(RatingGrade.D, RatingCalculator.Score(inputs, timelinessOnly).Grade); // 50
    }

    [Fact]
    public void A_scheme_whose_weights_do_not_add_up_to_100_is_refused() =>
        Assert.Equal("weights", Assert.Throws<Common.InvalidInput>(() => (RatingScheme.Default with { ResolutionWeight = 30 }).Validate()).Field);

    [Fact]
    public void The_default_scheme_is_valid_and_suspends_for_one_month()
    {
        Assert.Null(Record.Exception(RatingScheme.Default.Validate));
        Assert.Equal(1, RatingScheme.Default.SuspensionMonths);
    }

    [Fact]
    public void Month_boundaries_are_Shanghai_midnight()
    {
        var lastMinuteOfOctober = new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.FromHours(8));
        var firstMinuteOfNovember = new DateTimeOffset(2026, 11, 1, 0, 1, 0, TimeSpan.FromHours(8)); // still 31 October in UTC

        Assert.True(October.Contains(lastMinuteOfOctober));
        Assert.False(October.Contains(firstMinuteOfNovember));
        Assert.Equal(October.Next, RatingMonth.Of(firstMinuteOfNovember));
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), October.Start);
    }

    [Fact]
    public void An_acceptance_just_after_Shanghai_midnight_counts_for_the_next_month()
    {
        var acceptedAt = new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(8));
        var acceptance = new AcceptanceRecord(new ServiceRating(5, 5, 5), null, acceptedAt, "张伟");

        Assert.Null(RequestOutcome.Of(Guid.NewGuid(), acceptance, null, [], October).AcceptanceRating);
        Assert.NotNull(RequestOutcome.Of(Guid.NewGuid(), acceptance, null, [], October.Next).AcceptanceRating);
    }

    [Fact]
    public void A_request_reopened_by_its_revisit_and_accepted_again_is_not_a_first_time_fix()
    {
        var reopened = new RevisitRecord(RevisitChannel.Phone, 1, "仍有异响", true, At(10), "平台");
        var accepted = new AcceptanceRecord(new ServiceRating(4, 4, 4), null, At(15), "张伟");

        var outcome = RequestOutcome.Of(Guid.NewGuid(), accepted, reopened, [], October);

        Assert.False(outcome.FirstTimeFix);
        Assert.Equal(1, outcome.Reservices);
    }

    [Theory]
    [InlineData("2026-10", true)]
    [InlineData("2026-1", false)]
    [InlineData("2026-13", false)]
    [InlineData("10/2026", false)]
    [InlineData("", false)]
    public void Months_are_read_as_yyyy_MM(string text, bool valid) => Assert.Equal(valid, RatingMonth.TryParse(text, out _));

    private static DateTimeOffset At(int day) => new(2026, 10, day, 10, 0, 0, TimeSpan.FromHours(8));

    private static List<DeadlineOutcome> Deadlines(int met, int breached) =>
        [.. Enumerable.Range(0, met).Select(_ => new DeadlineOutcome(Guid.NewGuid(), true)), .. Enumerable.Range(0, breached).Select(_ => new DeadlineOutcome(Guid.NewGuid(), false))];

    private static RequestOutcome Accepted(ServiceRating rating, int? revisit = null, bool rejected = false)
    {
        IReadOnlyList<RejectionRecord> rejections = rejected ? [new RejectionRecord(["噪音未消除"], [], At(5), "张伟")] : [];
        var acceptance = new AcceptanceRecord(rating, null, At(12), "张伟");
        var revisitRecord = revisit is { } satisfaction ? new RevisitRecord(RevisitChannel.Phone, satisfaction, null, satisfaction <= 2, At(14), "平台") : null;
        return RequestOutcome.Of(Guid.NewGuid(), acceptance, revisitRecord, rejections, October);
    }
}
