using AfterSales.Domain.Common;
using AfterSales.Domain.CustomerSanctions;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.CustomerSanctions;

/// <summary>
/// 客户虚假售后 (R-FRD-1, seed 000 §五.1): a first proven fake claim suspends the customer's request rights for 3 months,
/// ending on a date in Asia/Shanghai; a repeat case or a serious one blacklists with no end; only a platform admin
/// reverses, with a reason, and the record keeps the reversal.
/// </summary>
public sealed class CustomerSanctionTests
{
    private static readonly Guid Evidence = Guid.NewGuid();
    private static readonly FraudulentClaim Claim = new(Guid.NewGuid(), "SR-2026-000001", Guid.NewGuid(), "苏州精工机械有限公司", [Evidence, Guid.NewGuid()]);

    private static readonly Actor Operator = Person(PartyKind.Platform, Permissions.CustomerSanctionsRule);
    private static readonly Actor Admin = Person(PartyKind.Platform, Permissions.CustomerSanctionsRule, Permissions.CustomerSanctionsRevoke);

    [Theory]
    [InlineData("2026-11-23T09:00:00+08:00", "2026-11-23", "2027-02-23")] // the rule's own example
    [InlineData("2026-11-23T23:59:00+08:00", "2026-11-23", "2027-02-23")]
    [InlineData("2026-11-23T17:30:00+00:00", "2026-11-24", "2027-02-24")] // already the 24th in Shanghai
    [InlineData("2026-11-30T10:00:00+08:00", "2026-11-30", "2027-02-28")] // February has no 30th
    [InlineData("2027-11-30T10:00:00+08:00", "2027-11-30", "2028-02-29")] // leap year
    [InlineData("2026-12-31T10:00:00+08:00", "2026-12-31", "2027-03-31")]
    public void A_first_case_suspends_request_rights_for_three_months_counted_in_Shanghai(string ruledAt, string startsOn, string endsOn)
    {
        var now = DateTimeOffset.Parse(ruledAt, System.Globalization.CultureInfo.InvariantCulture);

        var sanction = Rule(now);

        Assert.Equal((CustomerSanctionKind.Suspension, CustomerSanctionBasis.FirstCase), (sanction.Kind, sanction.Basis));
        Assert.Equal(DateOnly.Parse(startsOn, System.Globalization.CultureInfo.InvariantCulture), sanction.StartsOn);
        Assert.Equal(DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), sanction.EndsOn);
        Assert.Equal(new TimeSpan(8, 0, 0), ServiceZone.ToLocal(sanction.EndsAt!.Value).Offset);
        Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(ServiceZone.ToLocal(sanction.EndsAt.Value).DateTime));
    }

    [Fact]
    public void Rights_come_back_at_midnight_Shanghai_on_the_end_date()
    {
        var sanction = Rule(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)));
        var lastMinute = new DateTimeOffset(2027, 2, 22, 23, 59, 59, TimeSpan.FromHours(8));

        Assert.True(sanction.IsActiveAt(lastMinute));
        Assert.False(sanction.IsActiveAt(lastMinute.AddSeconds(1)));
        Assert.Equal(CustomerSanctionState.Expired, sanction.StateAt(lastMinute.AddSeconds(1)));
        var refusal = sanction.Refusal();
        Assert.Equal("R-FRD-1", refusal.RuleId);
        Assert.Contains("因虚假索赔，贵单位的售后申请权限暂停至 2027-02-23", refusal.Message);
    }

    [Fact]
    public void A_repeat_case_blacklists_with_no_end_date()
    {
        var now = new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

        var sanction = Rule(now, priorProvenCases: 1);

        Assert.Equal((CustomerSanctionKind.Blacklist, CustomerSanctionBasis.RepeatCase), (sanction.Kind, sanction.Basis));
        Assert.Null(sanction.EndsOn);
        Assert.True(sanction.IsActiveAt(now.AddYears(10)));
        Assert.Contains("黑名单", sanction.Refusal().Message);
        Assert.Contains("再次查实", sanction.TimelineNote);
    }

    [Fact]
    public void An_operator_may_blacklist_a_serious_first_case()
    {
        var sanction = Rule(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)), serious: true);

        Assert.Equal((CustomerSanctionKind.Blacklist, CustomerSanctionBasis.SeriousCase), (sanction.Kind, sanction.Basis));
        Assert.Null(sanction.EndsAt);
    }

    [Fact]
    public void Only_the_platform_with_the_right_permission_rules()
    {
        var now = DateTimeOffset.UnixEpoch;
        var supplier = Person(PartyKind.Supplier, Permissions.CustomerSanctionsRule);
        var platformWithout = Person(PartyKind.Platform, Permissions.ComplaintsVerify);

        Assert.Throws<ActionNotPermitted>(() => CustomerSanction.Rule(Guid.NewGuid(), supplier, Claim, "伪造故障", [Evidence], false, 0, now));
        Assert.Throws<ActionNotPermitted>(() => CustomerSanction.Rule(Guid.NewGuid(), platformWithout, Claim, "伪造故障", [Evidence], false, 0, now));
    }

    [Theory]
    [InlineData(null, true, "reason")]
    [InlineData("伪造故障照片", false, "evidenceAttachmentIds")]
    public void A_ruling_needs_a_reason_and_evidence(string? reason, bool withEvidence, string field)
    {
        var error = Assert.Throws<InvalidInput>(() => CustomerSanction.Rule(Guid.NewGuid(), Operator, Claim, reason, withEvidence ? [Evidence] : [], false, 0, DateTimeOffset.UnixEpoch));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Evidence_must_be_an_attachment_of_the_ruled_request()
    {
        var error = Assert.Throws<InvalidInput>(() => CustomerSanction.Rule(Guid.NewGuid(), Operator, Claim, "伪造故障", [Evidence, Guid.NewGuid()], false, 0, DateTimeOffset.UnixEpoch));

        Assert.Equal("evidenceAttachmentIds", error.Field);
    }

    [Fact]
    public void Only_a_platform_admin_revokes_with_a_reason_and_the_record_keeps_it()
    {
        var ruledAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
        var sanction = Rule(ruledAt);

        Assert.Throws<ActionNotPermitted>(() => sanction.Revoke(Operator, "误判", ruledAt.AddDays(1)));
        Assert.Equal("reason", Assert.Throws<InvalidInput>(() => sanction.Revoke(Admin, " ", ruledAt.AddDays(1))).Field);
        Assert.True(sanction.IsActiveAt(ruledAt.AddDays(1)));

        sanction.Revoke(Admin, "复核后认定为真实故障", ruledAt.AddDays(2));

        Assert.Equal(CustomerSanctionState.Revoked, sanction.StateAt(ruledAt.AddDays(2)));
        Assert.False(sanction.IsActiveAt(ruledAt.AddDays(2)));
        Assert.Equal(("复核后认定为真实故障", "管理员"), (sanction.RevocationReason, sanction.RevokedBy));
        Assert.Equal("伪造故障照片", sanction.Reason);
        Assert.Throws<TransitionRefused>(() => sanction.Revoke(Admin, "再次撤销", ruledAt.AddDays(3)));
    }

    private static CustomerSanction Rule(DateTimeOffset now, int priorProvenCases = 0, bool serious = false) =>
        CustomerSanction.Rule(Guid.NewGuid(), Operator, Claim, "伪造故障照片", [Evidence], serious, priorProvenCases, now);

    private static Actor Person(PartyKind party, params string[] permissions) =>
        new(Guid.NewGuid(), party == PartyKind.Platform && permissions.Contains(Permissions.CustomerSanctionsRevoke) ? "管理员" : "王敏", "role", Guid.NewGuid(), party, permissions.ToHashSet());
}
