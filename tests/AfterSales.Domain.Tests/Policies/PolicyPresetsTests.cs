using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Policies;

/// <summary>
/// The five shipped presets hold exactly their seed's figures (REQUIREMENTS §13, R-SLA-1). Each figure pinned here
/// is quoted in PolicyPresets.cs next to the seed sentence it comes from.
/// </summary>
public sealed class PolicyPresetsTests
{
    public static TheoryData<string> Keys =>
    [
        PolicyPresets.B2BPlatform,
        PolicyPresets.FurnishingSupplier,
        PolicyPresets.CableManufacturer,
        PolicyPresets.Factory,
        PolicyPresets.MachineryDealer,
    ];

    [Fact]
    public void Five_presets_ship_one_per_seed_with_distinct_keys()
    {
        Assert.Equal(
            [PolicyPresets.B2BPlatform, PolicyPresets.FurnishingSupplier, PolicyPresets.CableManufacturer, PolicyPresets.Factory, PolicyPresets.MachineryDealer],
            PolicyPresets.All.Select(preset => preset.Key));
        Assert.Equal(5, PolicyPresets.All.Select(preset => preset.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            ["000_", "001_", "002_", "003_", "004_"],
            PolicyPresets.All.Select(preset => preset.Seed[..4]));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Get_returns_the_preset_with_that_key(string key)
    {
        var preset = PolicyPresets.Get(key);

        Assert.Equal(key, preset.Key);
        Assert.Same(PolicyPresets.All.Single(p => p.Key == key), preset);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("B2B-PLATFORM")]
    public void Get_throws_for_a_key_that_is_not_a_preset(string key)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PolicyPresets.Get(key));

        Assert.Equal("key", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_preset_has_names_a_summary_a_seed_file_and_notes(string key)
    {
        var preset = PolicyPresets.Get(key);

        Assert.False(string.IsNullOrWhiteSpace(preset.NameZh));
        Assert.False(string.IsNullOrWhiteSpace(preset.NameEn));
        Assert.False(string.IsNullOrWhiteSpace(preset.SummaryZh));
        Assert.Matches("^00[0-4]_[0-9a-f]{16}\\.txt$", preset.Seed);
        Assert.NotEmpty(preset.Figures.Notes);
        Assert.All(preset.Figures.Notes, note => Assert.Matches("R-[A-Z]+-\\d+", note));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_preset_names_a_built_in_calendar_and_warns_at_80_percent(string key)
    {
        var figures = PolicyPresets.Get(key).Figures;

        Assert.Contains(figures.CalendarId, WorkingCalendars.BuiltIn.Keys);
        Assert.Equal(80, figures.WarningPercent);
        Assert.All(figures.Deadlines.Values, target => Assert.True(target.Amount > 0));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_preset_with_working_time_targets_runs_on_the_working_day_calendar(string key)
    {
        var figures = PolicyPresets.Get(key).Figures;

        if (figures.Deadlines.Values.Any(target => target.RunsOnWorkingTime))
        {
            Assert.Equal(WorkingCalendars.Cn918Id, figures.CalendarId);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Preset_tables_cannot_be_changed_through_their_interfaces(string key)
    {
        var figures = PolicyPresets.Get(key).Figures;

        Assert.Throws<NotSupportedException>(() =>
            ((IDictionary<DeadlineKind, DeadlineTarget>)figures.Deadlines)[DeadlineKind.SupplyInfo] = DeadlineTarget.Hours(1));
        Assert.Throws<NotSupportedException>(() =>
            ((IDictionary<string, int>)figures.Warranty.MonthsByCategory)["x"] = 1);
        Assert.Throws<NotSupportedException>(() =>
            ((IDictionary<ServiceType, IReadOnlyList<AttachmentKind>>)figures.RequiredMaterials).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<AttachmentKind>)figures.VoucherKinds).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)figures.Notes).Clear());
    }

    [Theory]
    [InlineData(DeadlineKind.IntakeCheck, 1, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Receive, 2, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Plan, 24, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Verify, 12, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.OnSiteArrival, 7, DeadlineUnit.Days)]
    [InlineData(DeadlineKind.RemoteResolution, 3, DeadlineUnit.Days)]
    [InlineData(DeadlineKind.PartsDelivery, 7, DeadlineUnit.Days)]
    [InlineData(DeadlineKind.Acceptance, 24, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Reservice, 5, DeadlineUnit.Days)]
    [InlineData(DeadlineKind.Revisit, 48, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Vouchers, 3, DeadlineUnit.Days)]
    [InlineData(DeadlineKind.DisputeWindow, 12, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Arbitration, 24, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.RulingObjection, 12, DeadlineUnit.Hours)]
    public void B2B_platform_preset_holds_the_deadlines_of_seed_000(DeadlineKind kind, int amount, DeadlineUnit unit) =>
        AssertTarget(PolicyPresets.B2BPlatform, kind, amount, unit);

    [Theory]
    [InlineData(DeadlineKind.IntakeCheck, 1, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Receive, 2, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Plan, 4, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.FactoryRepair, 4, DeadlineUnit.WorkingDays)]
    [InlineData(DeadlineKind.Revisit, 3, DeadlineUnit.WorkingDays)]
    [InlineData(DeadlineKind.FactoryPickup, 24, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.FactoryReturn, 3, DeadlineUnit.WorkingDays)]
    public void Cable_manufacturer_preset_holds_the_deadlines_of_seed_002(DeadlineKind kind, int amount, DeadlineUnit unit) =>
        AssertTarget(PolicyPresets.CableManufacturer, kind, amount, unit);

    [Theory]
    [InlineData(DeadlineKind.Receive, 1, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.RemoteResolution, 24, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.OnSiteArrival, 24, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.Revisit, 24, DeadlineUnit.Hours)]
    public void Factory_preset_holds_the_deadlines_of_seed_003(DeadlineKind kind, int amount, DeadlineUnit unit) =>
        AssertTarget(PolicyPresets.Factory, kind, amount, unit);

    [Theory]
    [InlineData(DeadlineKind.Receive, 30, DeadlineUnit.Minutes)]
    [InlineData(DeadlineKind.Plan, 2, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.OnSiteArrival, 2, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.RemoteResolution, 4, DeadlineUnit.Hours)]
    [InlineData(DeadlineKind.PartsDelivery, 4, DeadlineUnit.Hours)]
    public void Machinery_dealer_preset_holds_the_deadlines_of_seed_004(DeadlineKind kind, int amount, DeadlineUnit unit) =>
        AssertTarget(PolicyPresets.MachineryDealer, kind, amount, unit);

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, 14)]
    [InlineData(PolicyPresets.FurnishingSupplier, 0)]
    [InlineData(PolicyPresets.CableManufacturer, 7)]
    [InlineData(PolicyPresets.Factory, 4)]
    [InlineData(PolicyPresets.MachineryDealer, 7)]
    public void A_preset_opens_deadlines_only_for_the_kinds_its_seed_states_a_figure_for(string key, int kinds) =>
        Assert.Equal(kinds, PolicyPresets.Get(key).Figures.Deadlines.Count);

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, DeadlineKind.SupplyInfo)]
    [InlineData(PolicyPresets.B2BPlatform, DeadlineKind.QuoteDecision)]
    [InlineData(PolicyPresets.B2BPlatform, DeadlineKind.FactoryRepair)]
    [InlineData(PolicyPresets.FurnishingSupplier, DeadlineKind.Receive)]
    [InlineData(PolicyPresets.CableManufacturer, DeadlineKind.Acceptance)]
    [InlineData(PolicyPresets.Factory, DeadlineKind.Plan)]
    [InlineData(PolicyPresets.MachineryDealer, DeadlineKind.Revisit)]
    public void A_kind_the_seed_gives_no_figure_for_opens_no_deadline(string key, DeadlineKind kind) =>
        Assert.False(PolicyPresets.Get(key).Figures.Deadlines.ContainsKey(kind));

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, WorkingCalendars.Cn918Id)]
    [InlineData(PolicyPresets.FurnishingSupplier, WorkingCalendars.AlwaysOpenId)]
    [InlineData(PolicyPresets.CableManufacturer, WorkingCalendars.Cn918Id)]
    [InlineData(PolicyPresets.Factory, WorkingCalendars.AlwaysOpenId)]
    [InlineData(PolicyPresets.MachineryDealer, WorkingCalendars.Cn918Id)]
    public void Presets_whose_seed_speaks_of_working_days_use_the_working_day_calendar(string key, string calendarId) =>
        Assert.Equal(calendarId, PolicyPresets.Get(key).Figures.CalendarId);

    [Theory]
    [InlineData(ProductCategories.Equipment, 12)]
    [InlineData(ProductCategories.Parts, 6)]
    [InlineData(ProductCategories.Software, 12)]
    public void B2B_platform_preset_warrants_equipment_12_months_and_parts_6_months(string category, int months) =>
        Assert.Equal(months, PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures.Warranty.TermFor(category, null, null));

    [Fact]
    public void B2B_platform_preset_gives_a_repaired_part_3_months_of_its_own()
    {
        Assert.Equal(3, PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures.Warranty.RepairedPartMonths);
    }

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, 12)]
    [InlineData(PolicyPresets.FurnishingSupplier, 24)]
    [InlineData(PolicyPresets.CableManufacturer, 12)]
    [InlineData(PolicyPresets.Factory, 12)]
    [InlineData(PolicyPresets.MachineryDealer, 24)]
    public void Each_preset_has_its_seeds_default_warranty_term(string key, int months) =>
        Assert.Equal(months, PolicyPresets.Get(key).Figures.Warranty.DefaultMonths);

    [Fact]
    public void Furnishing_supplier_preset_warrants_everything_24_months_and_replaces_after_a_repeat_fault_within_a_month()
    {
        var warranty = PolicyPresets.Get(PolicyPresets.FurnishingSupplier).Figures.Warranty;

        Assert.Equal(24, warranty.TermFor(ProductCategories.Equipment, null, null));
        Assert.Equal(24, warranty.TermFor(ProductCategories.Parts, null, null));
        Assert.Equal(2, warranty.RepeatFaultCount);
        Assert.Equal(1, warranty.RepeatFaultWindowMonths);
    }

    [Fact]
    public void Furnishing_supplier_preset_has_no_deadlines_because_its_response_times_are_blank()
    {
        var figures = PolicyPresets.Get(PolicyPresets.FurnishingSupplier).Figures;

        Assert.Empty(figures.Deadlines);
        Assert.Contains(figures.Notes, note => note.Contains("XX", StringComparison.Ordinal));
        Assert.Contains(figures.Notes, note => note.Contains("100 元", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, null)]
    [InlineData(PolicyPresets.FurnishingSupplier, null)]
    [InlineData(PolicyPresets.CableManufacturer, null)]
    [InlineData(PolicyPresets.Factory, null)]
    [InlineData(PolicyPresets.MachineryDealer, 20)]
    public void Only_the_machinery_dealer_preset_requires_the_warranty_card_within_20_days(string key, int? days) =>
        Assert.Equal(days, PolicyPresets.Get(key).Figures.Warranty.DealerCardDays);

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, true)]
    [InlineData(PolicyPresets.FurnishingSupplier, false)]
    [InlineData(PolicyPresets.CableManufacturer, false)]
    [InlineData(PolicyPresets.Factory, true)]
    [InlineData(PolicyPresets.MachineryDealer, false)]
    public void Warranty_repair_requires_the_certificate_where_the_seed_asks_for_it(string key, bool required)
    {
        var materials = PolicyPresets.Get(key).Figures.RequiredMaterials;

        var requires = materials.TryGetValue(ServiceType.WarrantyRepair, out var kinds) && kinds.Contains(AttachmentKind.Certificate);

        Assert.Equal(required, requires);
        Assert.All(materials.Keys, type => Assert.Equal(ServiceType.WarrantyRepair, type));
    }

    [Fact]
    public void B2B_platform_preset_asks_for_a_service_report_and_site_photos_as_vouchers()
    {
        Assert.Equal(
            [AttachmentKind.ServiceReport, AttachmentKind.SitePhoto],
            PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures.VoucherKinds);
    }

    [Theory]
    [InlineData(PolicyPresets.FurnishingSupplier)]
    [InlineData(PolicyPresets.CableManufacturer)]
    [InlineData(PolicyPresets.Factory)]
    [InlineData(PolicyPresets.MachineryDealer)]
    public void Single_company_presets_ask_for_the_signed_repair_record_as_their_voucher(string key) =>
        Assert.Equal([AttachmentKind.ServiceReport], PolicyPresets.Get(key).Figures.VoucherKinds);

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, 50000)]
    [InlineData(PolicyPresets.FurnishingSupplier, null)]
    [InlineData(PolicyPresets.CableManufacturer, null)]
    [InlineData(PolicyPresets.Factory, null)]
    [InlineData(PolicyPresets.MachineryDealer, null)]
    public void Only_the_B2B_platform_preset_needs_an_agreement_above_50000_CNY(string key, int? threshold) =>
        Assert.Equal((decimal?)threshold, PolicyPresets.Get(key).Figures.AgreementThresholdCny);

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, 3, null)]
    [InlineData(PolicyPresets.Factory, 3, 2)]
    [InlineData(PolicyPresets.MachineryDealer, 5, null)]
    public void Records_are_kept_as_long_as_the_seed_says(string key, int years, int? afterWarrantyYears)
    {
        var figures = PolicyPresets.Get(key).Figures;

        Assert.Equal(years, figures.RetentionYears);
        Assert.Equal(afterWarrantyYears, figures.RetentionAfterWarrantyYears);
    }

    [Theory]
    [InlineData(PolicyPresets.B2BPlatform, "0.1%")]
    [InlineData(PolicyPresets.B2BPlatform, "500 元")]
    [InlineData(PolicyPresets.FurnishingSupplier, "迟到 1 小时")]
    [InlineData(PolicyPresets.CableManufacturer, "15 天")]
    [InlineData(PolicyPresets.Factory, "异地 48 小时")]
    [InlineData(PolicyPresets.MachineryDealer, "一级")]
    [InlineData(PolicyPresets.MachineryDealer, "免费提供同档次设备")]
    public void Commitments_the_workflow_does_not_model_yet_are_kept_as_notes(string key, string fragment) =>
        Assert.Contains(PolicyPresets.Get(key).Figures.Notes, note => note.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Warranty_term_falls_back_from_contract_to_product_to_category_to_default()
    {
        var warranty = PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures.Warranty;

        Assert.Equal(36, warranty.TermFor(ProductCategories.Parts, 18, 36));
        Assert.Equal(18, warranty.TermFor(ProductCategories.Parts, 18, null));
        Assert.Equal(6, warranty.TermFor(ProductCategories.Parts, null, null));
        Assert.Equal(12, warranty.TermFor("custom-category", null, null));
    }

    [Theory]
    [InlineData(PolicyPresets.FurnishingSupplier, 24)]
    [InlineData(PolicyPresets.Factory, 12)]
    [InlineData(PolicyPresets.MachineryDealer, 24)]
    public void A_preset_without_category_terms_falls_back_to_its_default_term(string key, int months)
    {
        var warranty = PolicyPresets.Get(key).Figures.Warranty;

        Assert.Empty(warranty.MonthsByCategory);
        Assert.Equal(months, warranty.TermFor(ProductCategories.Equipment, null, null));
    }

    private static void AssertTarget(string key, DeadlineKind kind, int amount, DeadlineUnit unit) =>
        Assert.Equal(new DeadlineTarget(amount, unit), PolicyPresets.Get(key).Figures.Deadlines[kind]);
}
