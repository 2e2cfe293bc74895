using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using Xunit;

namespace AfterSales.Domain.Tests.Penalties;

/// <summary>Penalty arithmetic to the fen, 四舍五入 once at the end (R-PEN-3).</summary>
public sealed class PenaltyCalculatorTests
{
    private static readonly PenaltyRule PerDay = new("late-per-day", "逾期赔偿", [DeadlineKind.Plan], PenaltyBasis.PercentOfOrderPerDayLate, 0.1m, PenaltyAccount.CustomerCompensation, TimeSpan.Zero, "R-PEN-1");
    private static readonly PenaltyRule EngineerLate = new("engineer-late", "工程师迟到", [DeadlineKind.OnSiteArrival], PenaltyBasis.FixedPerBreach, 100m, PenaltyAccount.InternalFine, TimeSpan.FromHours(1), "R-EXE-8");

    [Theory]
    [InlineData("386000.00", 1, "386.00")]
    [InlineData("386000.00", 25, "772.00")]
    [InlineData("12345.67", 49, "37.04")]
    [InlineData("1234.50", 1, "1.23")]
    [InlineData("1235.00", 1, "1.24")]
    public void A_tenth_percent_a_started_day_rounds_half_away_from_zero_to_the_fen(string order, int hoursLate, string expected)
    {
        var assessment = PenaltyCalculator.Assess(PerDay, TimeSpan.FromHours(hoursLate), Money.Money.Yuan(decimal.Parse(order, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), assessment!.Amount.Amount);
    }

    [Fact]
    public void An_engineer_up_to_an_hour_late_is_not_fined_and_later_is_fined_100()
    {
        Assert.Null(PenaltyCalculator.Assess(EngineerLate, TimeSpan.FromMinutes(60), Money.Money.Yuan(1000m)));
        Assert.Equal(Money.Money.Yuan(100m), PenaltyCalculator.Assess(EngineerLate, TimeSpan.FromMinutes(61), Money.Money.Yuan(1000m))!.Amount);
    }
}
