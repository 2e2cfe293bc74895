using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Ratings;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Ratings;

/// <summary>
/// 暂停售后权限 (R-RAT-1): a D suspends the supplier from the moment of rating until the month after the rated one ends;
/// it lifts by time; the platform can override with a reason, which starts or lifts the suspension.
/// </summary>
public sealed class SupplierRatingTests
{
    private static readonly RatingMonth October = new(2026, 10);
    private static readonly DateTimeOffset FirstOfNovember = new(2026, 11, 1, 0, 5, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly RatingInputs PoorMonth = new(1, 4, 1, 4, 1, 1, 1, 0, 2);
    private static readonly RatingInputs GoodMonth = new(10, 0, 2, 30, 0, 0, 2, 2, 0);

    private static readonly Actor Operator = new(Guid.NewGuid(), "王敏", Roles.PlatformOperator, Guid.NewGuid(), PartyKind.Platform, Roles.Get(Roles.PlatformOperator).Grants.ToHashSet());
    private static readonly Actor SupplierManager = new(Guid.NewGuid(), "周杰", Roles.SupplierManager, Guid.NewGuid(), PartyKind.Supplier, Roles.Get(Roles.SupplierManager).Grants.ToHashSet());

    [Fact]
    public void Grade_D_suspends_from_the_rating_until_the_following_month_ends()
    {
        var rating = Rate(PoorMonth, FirstOfNovember);

        Assert.Equal(RatingGrade.D, rating.Grade);
        Assert.Equal(FirstOfNovember, rating.SuspendedFrom);
        Assert.Equal(FirstOfDecember, rating.SuspendedUntil);
        Assert.True(rating.IsSuspendedAt(FirstOfDecember.AddMinutes(-1)));
        Assert.False(rating.IsSuspendedAt(FirstOfDecember)); // lifts by time, nothing has to run
    }

    [Fact]
    public void The_refusal_names_the_rule_and_the_day_the_rights_return()
    {
        var refusal = Rate(PoorMonth, FirstOfNovember).Refusal();

        Assert.Equal("R-RAT-1", refusal.RuleId);
        Assert.Contains("2026-12-01 00:00", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2026年10月", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_month_and_a_month_without_data_suspend_nothing()
    {
        var good = Rate(GoodMonth, FirstOfNovember);
        var empty = Rate(RatingInputs.None, FirstOfNovember);

        Assert.Equal(RatingGrade.A, good.Grade);
        Assert.Null(good.SuspendedUntil);
        Assert.Null(empty.Grade);
        Assert.False(empty.HasData);
        Assert.Null(empty.SuspendedUntil);
    }

    [Fact]
    public void A_month_that_has_not_ended_cannot_be_rated()
    {
        var refused = Assert.Throws<InvalidInput>(() => Rate(GoodMonth, FirstOfNovember.AddDays(-1)));

        Assert.Equal("month", refused.Field);
    }

    [Fact]
    public void A_D_rated_after_its_sanction_month_is_over_suspends_nothing()
    {
        var late = Rate(PoorMonth, FirstOfDecember.AddDays(3));

        Assert.Equal(RatingGrade.D, late.Grade);
        Assert.Null(late.SuspendedUntil);
    }

    [Fact]
    public void Overriding_a_D_lifts_the_suspension_now_and_keeps_the_computed_grade()
    {
        var rating = Rate(PoorMonth, FirstOfNovember);
        var at = FirstOfNovember.AddDays(2);

        rating.Override(Operator, RatingGrade.C, "超时系客户原因导致，经核实调整", RatingScheme.Default, at);

        Assert.Equal((RatingGrade.C, RatingGrade.D, RatingGrade.D), (rating.Grade!.Value, rating.ComputedGrade!.Value, rating.OverriddenFrom!.Value));
        Assert.False(rating.IsSuspendedAt(at));
        Assert.Equal(("王敏", "超时系客户原因导致，经核实调整"), (rating.OverriddenBy, rating.OverrideReason));
    }

    [Fact]
    public void Overriding_to_D_suspends_from_now_until_the_sanction_month_ends()
    {
        var rating = Rate(GoodMonth, FirstOfNovember);
        var at = FirstOfNovember.AddDays(10);

        rating.Override(Operator, RatingGrade.D, "核实存在虚报服务记录", RatingScheme.Default, at);

        Assert.Equal((at, FirstOfDecember), (rating.SuspendedFrom!.Value, rating.SuspendedUntil!.Value));
    }

    [Fact]
    public void Only_the_platform_overrides_and_only_with_a_reason()
    {
        var rating = Rate(PoorMonth, FirstOfNovember);

        Assert.Throws<ActionNotPermitted>(() => rating.Override(SupplierManager, RatingGrade.A, "自评", RatingScheme.Default, FirstOfNovember));
        Assert.Equal("reason", Assert.Throws<InvalidInput>(() => rating.Override(Operator, RatingGrade.B, " ", RatingScheme.Default, FirstOfNovember)).Field);
        Assert.Equal("R-RAT-1", Assert.Throws<WorkflowRuleViolation>(() => rating.Override(Operator, RatingGrade.D, "重复", RatingScheme.Default, FirstOfNovember)).RuleId);
        Assert.Equal(RatingGrade.D, rating.Grade);
        Assert.Null(rating.OverriddenAt);
    }

    private static SupplierRating Rate(RatingInputs inputs, DateTimeOffset now) =>
        SupplierRating.Compute(Guid.NewGuid(), Guid.NewGuid(), "华东数控设备有限公司", October, inputs, RatingScheme.Default, "系统", now);
}
