using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using Xunit;

namespace AfterSales.Domain.Tests.Warranty;

/// <summary>The one warranty component (R-WTY-1..7, R-JDG-2) over its boundary dates.</summary>
public sealed class WarrantyRulesTests
{
    private static readonly WarrantyTerms Terms = new()
    {
        DefaultMonths = 12,
        MonthsByCategory = new Dictionary<string, int> { ["equipment"] = 12, ["parts"] = 6 },
        RepairedPartMonths = 3,
        DealerCardDays = 20,
        RepeatFaultCount = 2,
        RepeatFaultWindowMonths = 1,
    };

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static WarrantyFacts Facts(string acceptedOn, string category = "equipment", int? product = null, int? contract = null) =>
        new(D(acceptedOn), category, product, contract, false, null, null);

    [Theory]
    [InlineData("2025-03-01", 12, "2026-02-28")]
    [InlineData("2025-03-15", 12, "2026-03-14")]
    [InlineData("2024-02-29", 12, "2025-02-28")] // leap day: no 29 Feb in 2025, the month's last day
    [InlineData("2024-02-29", 48, "2028-02-28")] // the corresponding day exists again in a leap year
    [InlineData("2023-03-31", 11, "2024-02-29")] // month end into a leap February
    [InlineData("2025-01-31", 1, "2025-02-28")]
    [InlineData("2025-01-30", 1, "2025-02-28")]
    [InlineData("2025-01-29", 1, "2025-02-28")]
    [InlineData("2024-01-29", 1, "2024-02-28")]
    [InlineData("2024-01-30", 1, "2024-02-29")]
    [InlineData("2025-08-31", 6, "2026-02-28")]
    [InlineData("2025-10-31", 1, "2025-11-30")]
    [InlineData("2025-12-31", 24, "2027-12-30")]
    public void The_term_ends_the_day_before_the_same_day_or_on_the_month_end_when_there_is_none(string start, int months, string end) =>
        Assert.Equal(D(end), WarrantyRules.EndOf(D(start), months));

    [Theory]
    [InlineData("2026-02-27", WarrantyStatus.InWarranty)] // day before expiry
    [InlineData("2026-02-28", WarrantyStatus.InWarranty)] // last day
    [InlineData("2026-03-01", WarrantyStatus.Expired)]    // day after
    [InlineData("2025-03-01", WarrantyStatus.InWarranty)] // acceptance day itself counts
    [InlineData("2025-02-28", WarrantyStatus.NotStarted)] // a fault before acceptance
    public void Around_expiry_the_status_turns_on_the_last_day(string today, WarrantyStatus status)
    {
        var decision = WarrantyRules.Decide(Facts("2025-03-01"), Terms, D(today));

        Assert.Equal(status, decision.Status);
        Assert.Equal(D("2026-02-28"), decision.End);
        Assert.Contains("R-WTY-1", decision.Basis);
        Assert.Equal(D("2025-03-01"), decision.Details[0].Date);
    }

    [Theory]
    [InlineData("2025-02-28", WarrantyStatus.InWarranty)]
    [InlineData("2025-03-01", WarrantyStatus.Expired)]
    public void Leap_day_acceptance_covers_through_the_last_of_February(string today, WarrantyStatus status) =>
        Assert.Equal(status, WarrantyRules.Decide(Facts("2024-02-29"), Terms, D(today)).Status);

    [Theory]
    [InlineData(24, 18, "equipment", 24, WarrantyTermSource.Contract)]
    [InlineData(null, 18, "equipment", 18, WarrantyTermSource.Product)]
    [InlineData(null, null, "parts", 6, WarrantyTermSource.Category)]
    [InlineData(null, null, "software", 12, WarrantyTermSource.Default)]
    public void The_term_comes_from_the_contract_else_the_product_else_the_category_else_twelve_months(int? contract, int? product, string category, int months, WarrantyTermSource source)
    {
        var decision = WarrantyRules.Decide(Facts("2026-01-10", category, product, contract), Terms, D("2026-01-10"));

        Assert.Equal(months, decision.TermMonths);
        Assert.Equal(source, decision.TermSource);
    }

    [Fact]
    public void Without_a_policy_figure_the_default_term_is_twelve_months() =>
        Assert.Equal(12, WarrantyRules.Decide(Facts("2026-01-10", "software"), new WarrantyTerms(), D("2026-01-10")).TermMonths);

    [Theory]
    [InlineData(0, WarrantyStatus.InWarranty)]
    [InlineData(19, WarrantyStatus.InWarranty)]
    [InlineData(20, WarrantyStatus.InWarranty)]    // the 20th day after sale still counts
    [InlineData(21, WarrantyStatus.NotRegistered)] // the 21st is late
    [InlineData(null, WarrantyStatus.NotRegistered)]
    public void A_dealer_sold_asset_needs_its_card_within_twenty_days_of_sale(int? registeredAfter, WarrantyStatus status)
    {
        var sold = D("2026-05-10");
        var facts = new WarrantyFacts(sold, "equipment", null, null, true, sold, registeredAfter is { } days ? sold.AddDays(days) : null);

        var decision = WarrantyRules.Decide(facts, Terms, D("2026-07-01"));

        Assert.Equal(status, decision.Status);
        Assert.Equal(D("2026-05-30"), decision.CardDueBy);
        Assert.Contains("R-WTY-3", decision.Basis);
        Assert.False(decision.Covered && status == WarrantyStatus.NotRegistered);
    }

    [Fact]
    public void A_policy_without_a_card_rule_ignores_the_card()
    {
        var sold = D("2026-05-10");
        var facts = new WarrantyFacts(sold, "equipment", null, null, true, sold, null);

        var decision = WarrantyRules.Decide(facts, Terms with { DealerCardDays = null }, D("2026-07-01"));

        Assert.Equal(WarrantyStatus.InWarranty, decision.Status);
        Assert.DoesNotContain("R-WTY-3", decision.Basis);
    }

    [Theory]
    [InlineData("2026-04-09", true)]  // last day of the part's 3 months
    [InlineData("2026-04-10", false)]
    public void A_replaced_part_keeps_its_own_three_months(string today, bool covered)
    {
        var serviced = D("2026-01-10");
        var end = WarrantyRules.PartEnd(serviced, Terms);
        var facts = Facts("2024-01-01") with { Parts = [new PartFact("主轴伺服电机", "SM-15", serviced, end, "SR-2026-000001")] };

        var decision = WarrantyRules.Decide(facts, Terms, D(today));

        Assert.Equal(D("2026-04-09"), end);
        Assert.Equal(WarrantyStatus.Expired, decision.Status);
        Assert.Equal(covered, Assert.Single(decision.Parts).Covered);
        Assert.Contains("R-WTY-2", decision.Basis);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", true)]  // inside one month
    [InlineData("2026-03-01", "2026-04-01", false)] // one day outside
    [InlineData("2026-01-31", "2026-02-28", true)]  // month-end window
    [InlineData("2026-01-31", "2026-03-01", false)]
    public void The_same_fault_twice_within_a_month_makes_the_asset_eligible_for_replacement(string first, string second, bool eligible)
    {
        var facts = Facts("2025-06-01") with
        {
            Faults = [new FaultOccurrence("E-104", D(first), "SR-1"), new FaultOccurrence("e-104", D(second), "SR-2"), new FaultOccurrence("E-200", D(first), "SR-3")],
        };

        var decision = WarrantyRules.Decide(facts, Terms, D("2026-04-02"));

        Assert.Equal(eligible, decision.FreeReplacementEligible);
        Assert.Equal(eligible, decision.Basis.Contains("R-WTY-5"));
        Assert.False(decision.RepeatFaults.Single(r => r.FaultCode == "E-200").Eligible);
    }

    [Fact]
    public void A_policy_asking_three_repeats_is_not_met_by_two() =>
        Assert.False(WarrantyRules.FindRepeatFaults(
            [new FaultOccurrence("E-1", D("2026-03-01"), null), new FaultOccurrence("E-1", D("2026-03-02"), null)],
            Terms with { RepeatFaultCount = 3 })[0].Eligible);

    [Theory]
    [InlineData("2025-03-20", "。")]
    [InlineData("2025-04-02", "晚于")]
    public void The_customer_card_is_a_document_of_the_basis_and_late_issue_is_said(string issued, string says)
    {
        var decision = WarrantyRules.Decide(Facts("2025-03-01") with { CustomerCardIssuedOn = D(issued) }, Terms, D("2025-06-01"));

        var item = Assert.Single(decision.Details, d => d.Rule == "R-WTY-7");
        Assert.Equal(D(issued), item.Date);
        Assert.Contains(says, item.Text, StringComparison.Ordinal);
    }

    private static readonly WarrantyDecision Covered = WarrantyRules.Decide(Facts("2026-01-01"), Terms, D("2026-06-01"));
    private static readonly WarrantyDecision Expired = WarrantyRules.Decide(Facts("2024-01-01"), Terms, D("2026-06-01"));

    [Fact]
    public void A_covered_fault_on_a_paid_quote_must_cite_an_exclusion()
    {
        var refused = Assert.Throws<JudgementRefused>(() => WarrantyRules.CheckJudgement(Covered, JudgementOutcome.Paid, null, null, false, false));

        Assert.Equal("exclusion", refused.Field);
        Assert.Equal("R-JDG-2", refused.RuleId);
        Assert.Equal(FreeServiceGround.None, WarrantyRules.CheckJudgement(Covered, JudgementOutcome.Paid, WarrantyExclusion.Tampering, null, false, false));
    }

    [Fact]
    public void Expired_cannot_be_cited_on_an_asset_in_warranty() =>
        Assert.Equal("exclusion", Assert.Throws<JudgementRefused>(() => WarrantyRules.CheckJudgement(Covered, JudgementOutcome.Paid, WarrantyExclusion.Expired, null, false, false)).Field);

    [Fact]
    public void An_expired_asset_is_judged_in_warranty_only_on_a_recorded_ground()
    {
        Assert.Equal("goodwillReason", Assert.Throws<JudgementRefused>(() => WarrantyRules.CheckJudgement(Expired, JudgementOutcome.InWarranty, null, " ", false, false)).Field);
        Assert.Equal(FreeServiceGround.Goodwill, WarrantyRules.CheckJudgement(Expired, JudgementOutcome.InWarranty, null, "大客户续约，免费维修一次", false, false));
        Assert.Equal(FreeServiceGround.PartWarranty, WarrantyRules.CheckJudgement(Expired, JudgementOutcome.InWarranty, null, null, true, false));
        Assert.Equal(FreeServiceGround.AbnormalLife, WarrantyRules.CheckJudgement(Expired, JudgementOutcome.InWarranty, null, null, false, true));
        Assert.Equal(FreeServiceGround.Warranty, WarrantyRules.CheckJudgement(Covered, JudgementOutcome.InWarranty, null, null, false, false));
    }

    [Fact]
    public void A_repeat_fault_lets_an_expired_asset_be_replaced_free()
    {
        var repeated = WarrantyRules.Decide(Facts("2024-01-01") with
        {
            Faults = [new FaultOccurrence("E-9", D("2026-05-10"), null), new FaultOccurrence("E-9", D("2026-05-20"), null)],
        }, Terms, D("2026-06-01"));

        Assert.Equal(FreeServiceGround.RepeatFault, WarrantyRules.CheckJudgement(repeated, JudgementOutcome.InWarranty, null, null, false, false));
    }

    [Fact]
    public void An_in_warranty_judgement_cannot_cite_an_exclusion() =>
        Assert.Equal("exclusion", Assert.Throws<JudgementRefused>(() => WarrantyRules.CheckJudgement(Covered, JudgementOutcome.InWarranty, WarrantyExclusion.Misuse, null, false, false)).Field);

    [Theory]
    [InlineData("tampering", WarrantyExclusion.Tampering)]
    [InlineData("ForceMajeure", WarrantyExclusion.ForceMajeure)]
    [InlineData("nonOriginalParts", WarrantyExclusion.NonOriginalParts)]
    public void Exclusion_codes_read_in_camel_case(string text, WarrantyExclusion code)
    {
        Assert.True(WarrantyExclusions.TryParse(text, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("R-WTY-4 跌落")]
    [InlineData("3")]
    [InlineData("dropped")]
    public void Unknown_exclusions_are_refused(string text) => Assert.False(WarrantyExclusions.TryParse(text, out _));

    [Fact]
    public void Every_exclusion_has_both_labels() =>
        Assert.All(Enum.GetValues<WarrantyExclusion>(), c => Assert.False(string.IsNullOrWhiteSpace(WarrantyExclusions.Of(c).LabelEn + WarrantyExclusions.Of(c).LabelZh)));
}
