using AfterSales.Domain.Common;

namespace AfterSales.Domain.Ratings;

/// <summary>月度评级等级 (R-RAT-1): A best, D worst; D suspends the supplier's after-sales rights.</summary>
public enum RatingGrade
{
    A,
    B,
    C,
    D,
}

/// <summary>
/// 供应商售后评级体系 (R-RAT-1, seed 000 §质量评级: "基于响应时效、客户满意度、问题解决率 … 月度评级 D 级暂停 1 个月售后权限").
/// The weights and grade bands are the platform's, not a supplier's: a supplier edits its own <c>ServicePolicy</c>, so a
/// rating read from it could be tuned by the one being rated. Seed 000 names the three inputs and the D sanction but no
/// figures; the weights (40/35/25) and bands (A ≥ 90, B ≥ 80, C ≥ 60, else D) are product defaults (docs/adr/0007-supplier-ratings.md).
/// </summary>
public sealed record RatingScheme
{
    /// <summary>The scheme every rating uses today (seed 000 with product-default figures).</summary>
    public static RatingScheme Default { get; } = new();

    /// <summary>响应及时率 weight in percent.</summary>
    public int TimelinessWeight { get; init; } = 40;

    /// <summary>客户满意度 weight in percent.</summary>
    public int SatisfactionWeight { get; init; } = 35;

    /// <summary>问题解决率 weight in percent.</summary>
    public int ResolutionWeight { get; init; } = 25;

    /// <summary>Lowest score (0–100) that is still grade A.</summary>
    public decimal GradeAFrom { get; init; } = 90m;

    public decimal GradeBFrom { get; init; } = 80m;

    /// <summary>Lowest score that is still grade C; below it is D.</summary>
    public decimal GradeCFrom { get; init; } = 60m;

    /// <summary>How many months a D suspends the supplier's after-sales rights (seed 000: 1).</summary>
    public int SuspensionMonths { get; init; } = 1;

    /// <summary>The grade of a score by the bands.</summary>
    public RatingGrade GradeOf(decimal score) =>
        score >= GradeAFrom ? RatingGrade.A : score >= GradeBFrom ? RatingGrade.B : score >= GradeCFrom ? RatingGrade.C : RatingGrade.D;

    /// <summary>Refuses a scheme whose figures cannot grade (weights not summing to 100, bands out of order).</summary>
    public void Validate()
    {
        InvalidInput.Require(TimelinessWeight >= 0 && SatisfactionWeight >= 0 && ResolutionWeight >= 0
            && TimelinessWeight + SatisfactionWeight + ResolutionWeight == 100, "weights", "三项权重须为非负数且合计 100。");
        InvalidInput.Require(GradeAFrom <= 100m && GradeAFrom > GradeBFrom && GradeBFrom > GradeCFrom && GradeCFrom > 0m, "bands", "等级分数线须满足 100 ≥ A > B > C > 0。");
        InvalidInput.Require(SuspensionMonths >= 1, "suspensionMonths", "暂停月数至少为 1。");
    }
}
