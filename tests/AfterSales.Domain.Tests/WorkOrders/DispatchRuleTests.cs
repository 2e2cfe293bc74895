using AfterSales.Domain.Common;
using AfterSales.Domain.WorkOrders;
using Xunit;
using static AfterSales.Domain.Tests.WorkOrders.WorkOrderFlowTests;

namespace AfterSales.Domain.Tests.WorkOrders;

/// <summary>
/// Dispatch (R-EXE-2): an expired or missing certificate of the required type refuses dispatch, naming it; the arrival
/// deadline is 24 h for an engineer of the site's city and 48 h otherwise; suggestions rank certificate, skill, city, load.
/// </summary>
public sealed class DispatchRuleTests
{
    private static readonly DateOnly Today = ServiceZone.DateOf(Now);

    [Fact]
    public void A_certificate_valid_through_today_dispatches_and_one_that_expired_yesterday_is_refused_naming_it()
    {
        var lastDay = Profile(Engineer, "苏州", null, new QualificationCertificate(CertificateType.Electrician, "T-001", Today));
        var order = Created(WorkOrderKind.OnSite, CertificateType.Electrician);
        order.Dispatch(Dispatcher, lastDay, Now);
        Assert.Equal(WorkOrderStatus.Dispatched, order.Status);

        var expired = Profile(Engineer, "苏州", null, new QualificationCertificate(CertificateType.Electrician, "T-002", Today.AddDays(-1)));
        var refused = Assert.Throws<WorkflowRuleViolation>(() => Created(WorkOrderKind.OnSite, CertificateType.Electrician).Dispatch(Dispatcher, expired, Now));
        Assert.Equal("R-EXE-2", refused.RuleId);
        Assert.Contains("电工证（编号 T-002）已于 2026-11-22 过期", refused.Message);

        var without = Profile(Engineer, "苏州", null, new QualificationCertificate(CertificateType.MaintenanceCertification, "M-1", Today.AddYears(1)));
        Assert.Contains("没有电工证", Assert.Throws<WorkflowRuleViolation>(() => Created(WorkOrderKind.OnSite, CertificateType.Electrician).Dispatch(Dispatcher, without, Now)).Message);

        // Work that needs no certificate goes to anyone.
        var plain = Created(WorkOrderKind.OnSite);
        plain.Dispatch(Dispatcher, expired, Now);
        Assert.Equal(WorkOrderStatus.Dispatched, plain.Status);
    }

    [Theory]
    [InlineData("苏州", 24)]
    [InlineData("上海", 48)]
    public void The_arrival_deadline_follows_the_engineers_base_city_against_the_sites(string city, int hours)
    {
        var order = Created(WorkOrderKind.OnSite);
        order.Dispatch(Dispatcher, Profile(Engineer, city), Now.AddHours(2));
        Assert.Equal(Now.AddHours(hours), order.ArrivalDueAt);

        order.CheckIn(Engineer, null, Now.AddHours(hours).AddMinutes(61));
        Assert.Equal(61, order.LateMinutes);
        Assert.True(order.IsLate(Now.AddHours(hours + 2)));
    }

    [Theory]
    [InlineData("苏州", 7)]
    [InlineData("上海", 9)]
    public void Where_the_requests_policy_promises_an_arrival_the_work_order_is_due_then_and_not_by_the_default_24_or_48_hours(string city, int days)
    {
        var order = Created(WorkOrderKind.OnSite);
        var promise = new ArrivalPromise(Now.AddDays(7), Now.AddDays(9));

        order.Dispatch(Dispatcher, Profile(Engineer, city), Now.AddHours(2), promise);

        Assert.Equal(Now.AddDays(days), order.ArrivalDueAt);
        Assert.Contains("按售后政策", order.Entries[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Arriving_on_time_is_not_late()
    {
        var order = Created(WorkOrderKind.OnSite);
        order.Dispatch(Dispatcher, Profile(Engineer, "苏州"), Now);
        Assert.False(order.IsLate(Now.AddHours(23)));
        Assert.True(order.IsLate(Now.AddHours(25)));
        order.CheckIn(Engineer, null, Now.AddHours(24));
        Assert.Equal(0, order.LateMinutes);
        Assert.False(order.IsLate(Now.AddHours(30)));
    }

    [Fact]
    public void Suggestions_rank_a_valid_certificate_then_skill_then_same_city_then_the_lightest_load()
    {
        var order = Created(WorkOrderKind.OnSite, CertificateType.Electrician, "数控系统");
        var valid = new QualificationCertificate(CertificateType.Electrician, "T-1", Today.AddYears(1));
        var candidates = new[]
        {
            new DispatchCandidate(Profile(Person("A-expired"), "苏州", ["数控系统"], valid with { ExpiresOn = Today.AddDays(-1) }), 0),
            new DispatchCandidate(Profile(Person("B-no-skill"), "苏州", ["PLC"], valid), 0),
            new DispatchCandidate(Profile(Person("C-other-city"), "上海", ["数控系统"], valid), 0),
            new DispatchCandidate(Profile(Person("D-busy"), "苏州", ["数控系统"], valid), 3),
            new DispatchCandidate(Profile(Person("E-free"), "苏州", ["数控系统"], valid), 1),
        };

        var ranked = DispatchRanking.Rank(order, candidates, Now);
        Assert.Equal(["E-free", "D-busy", "C-other-city", "B-no-skill", "A-expired"], ranked.Select(s => s.Name));
        Assert.Equal("电工证已于 2026-11-22 过期", ranked[^1].Blocker);
        Assert.All(ranked.Take(4), s => Assert.Null(s.Blocker));
        Assert.Equal(Now.AddHours(48), ranked[2].ArrivalDueAt);
    }

    private static AfterSales.Domain.ServiceRequests.Actor Person(string name) =>
        new(Guid.NewGuid(), name, "role", SupplierOrg, AfterSales.Domain.Organizations.PartyKind.Supplier, new HashSet<string>());
}
