using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using Xunit;

namespace AfterSales.Domain.Tests.Policies;

/// <summary>R-SLA-1: a rule change is announced 7 working days ahead ([000]) and versions of one key take effect in order.</summary>
public sealed class PolicyVersioningTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-23T09:00", "2026-12-02T09:00")] // Monday morning: a weekend in between
    [InlineData("2026-11-27T17:30", "2026-12-08T17:30")] // Friday afternoon
    [InlineData("2026-11-28T10:00", "2026-12-09T09:00")] // Saturday: counting starts at Monday 09:00
    [InlineData("2025-09-26T10:00", "2025-10-13T10:00")] // before National Day: 调休 Sunday 28 Sep and Saturday 11 Oct count, 1–8 Oct do not
    public void The_earliest_effective_date_is_seven_working_days_on_cn_9_18(string announced, string earliest)
    {
        var at = DateTimeOffset.Parse(announced + ":00+08:00", System.Globalization.CultureInfo.InvariantCulture);

        var result = PolicyVersioning.EarliestEffectiveFrom(at, WorkingCalendars.Cn918);

        Assert.Equal(DateTimeOffset.Parse(earliest + ":00+08:00", System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Fact]
    public void A_date_inside_the_notice_is_refused_with_the_rule_and_the_earliest_instant()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Shanghai);

        var refusal = Assert.Throws<WorkflowRuleViolation>(() =>
            PolicyVersioning.RequireNotice(now.AddDays(8).AddMinutes(59), now, WorkingCalendars.Cn918, null));

        Assert.Equal("R-SLA-1", refusal.RuleId);
        Assert.Contains("2026-12-02 09:00", refusal.Message, StringComparison.Ordinal);
        PolicyVersioning.RequireNotice(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Shanghai), now, WorkingCalendars.Cn918, null);
    }

    [Fact]
    public void Only_the_highest_version_already_in_effect_is_current()
    {
        var now = new DateTimeOffset(2026, 12, 10, 9, 0, 0, Shanghai);
        var v1 = Version(1, now.AddDays(-30));
        var v2 = Version(2, now.AddDays(-1));
        var v3 = Version(3, now.AddDays(5));
        ServicePolicy[] all = [v1, v2, v3];

        Assert.Equal(
            [PolicyVersionStatus.Superseded, PolicyVersionStatus.Current, PolicyVersionStatus.Upcoming],
            all.Select(p => PolicyVersioning.StatusOf(p, all, now)));
    }

    [Fact]
    public void A_supplier_key_is_its_code_in_lower_case()
    {
        Assert.Equal("supplier:sup-hdjm", PolicyVersioning.SupplierKey("SUP-HDJM"));
    }

    [Theory]
    [InlineData(-1, 30, null, "figures.invoiceTaxRatePercent")]
    [InlineData(101, 30, null, "figures.invoiceTaxRatePercent")]
    [InlineData(13.001, 30, null, "figures.invoiceTaxRatePercent")]
    [InlineData(13, -1, null, "figures.paymentTermDays")]
    [InlineData(13, 366, null, "figures.paymentTermDays")]
    [InlineData(13, 30, 0.0, "figures.latePaymentPercentPerDay")]
    [InlineData(13, 30, 1.5, "figures.latePaymentPercentPerDay")]
    public void Invoice_figures_out_of_range_are_refused_naming_the_figure(double taxPercent, int termDays, double? latePercent, string field)
    {
        var figures = PolicyPresets.All[0].Figures with
        {
            InvoiceTaxRatePercent = (decimal)taxPercent,
            PaymentTermDays = termDays,
            LatePaymentPercentPerDay = (decimal?)latePercent,
        };

        var refusal = Assert.Throws<InvalidInput>(() => PolicyVersioning.Validate(figures, _ => true));

        Assert.Equal(field, refusal.Field);
    }

    [Theory]
    [InlineData(13, 30, 0.05)]
    [InlineData(6, 0, null)]
    [InlineData(0, 365, 1.0)]
    public void Invoice_figures_in_range_are_accepted(double taxPercent, int termDays, double? latePercent)
    {
        var figures = PolicyPresets.All[0].Figures with
        {
            InvoiceTaxRatePercent = (decimal)taxPercent,
            PaymentTermDays = termDays,
            LatePaymentPercentPerDay = (decimal?)latePercent,
        };

        PolicyVersioning.Validate(figures, _ => true);
    }

    [Fact]
    public void An_other_city_arrival_target_needs_an_on_site_arrival_target_and_a_replenishment_target_is_never_a_policy_figure()
    {
        var factory = PolicyPresets.All.Single(p => p.Key == PolicyPresets.Factory).Figures;
        Assert.Equal(DeadlineTarget.Hours(48), factory.OtherCityArrival);
        PolicyVersioning.Validate(factory, _ => true);

        var withoutSameCity = factory with { Deadlines = factory.Deadlines.Where(d => d.Key != DeadlineKind.OnSiteArrival).ToDictionary() };
        Assert.Equal("figures.otherCityArrival", Assert.Throws<InvalidInput>(() => PolicyVersioning.Validate(withoutSameCity, _ => true)).Field);

        var zero = factory with { OtherCityArrival = DeadlineTarget.Hours(0) };
        Assert.Equal("figures.otherCityArrival.amount", Assert.Throws<InvalidInput>(() => PolicyVersioning.Validate(zero, _ => true)).Field);

        var replenishment = factory with
        {
            Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>(factory.Deadlines) { [DeadlineKind.PartsReplenishment] = DeadlineTarget.Days(7) },
        };
        Assert.Equal("figures.deadlines.partsReplenishment", Assert.Throws<InvalidInput>(() => PolicyVersioning.Validate(replenishment, _ => true)).Field);
    }

    private static ServicePolicy Version(int version, DateTimeOffset effectiveFrom) =>
        new(Guid.CreateVersion7(), "supplier:sup-test", version, "测试政策", PolicyFigures.Empty, effectiveFrom, Guid.CreateVersion7(), null);
}
