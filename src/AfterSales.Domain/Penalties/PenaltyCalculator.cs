namespace AfterSales.Domain.Penalties;

/// <summary>The amount one rule charges, with the arithmetic spelled out for the ledger and the preview.</summary>
public sealed record PenaltyAssessment(PenaltyRule Rule, Money.Money Amount, int DaysLate, string Explanation);

/// <summary>
/// Penalty arithmetic (R-PEN-3): decimal money, rounded 四舍五入 to the fen once, at the end. A started day
/// counts as a day late ("每逾期 1 日"): 25 hours late is two days.
/// </summary>
public static class PenaltyCalculator
{
    public static PenaltyAssessment? Assess(PenaltyRule rule, TimeSpan lateBy, Money.Money orderAmount)
    {
        if (lateBy <= rule.Grace)
        {
            return null;
        }

        var days = (int)Math.Ceiling(lateBy.TotalDays);
        return rule.Basis switch
        {
            PenaltyBasis.FixedPerBreach => new PenaltyAssessment(rule, new Money.Money(Money.Money.Round(rule.Amount), orderAmount.Currency), days,
                $"{rule.NameZh}：每次 {rule.Amount:0.00} 元"),
            PenaltyBasis.PercentOfOrderPerDayLate => new PenaltyAssessment(rule, orderAmount.Times(rule.Amount / 100m * days), days,
                $"{rule.NameZh}：订单金额 {orderAmount.AmountText} × {rule.Amount}% × {days} 日"),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Basis, "Unknown penalty basis."),
        };
    }
}
