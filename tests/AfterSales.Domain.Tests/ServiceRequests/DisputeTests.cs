using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.ServiceRequests;

/// <summary>
/// Disputes and platform arbitration under the B2B-platform preset (seed 000): 12 h to dispute a judgement or quote,
/// 24 h for the platform to rule, 12 h to object to the ruling; silence is acceptance (R-DSP-1..3).
/// </summary>
public sealed class DisputeTests
{
    [Fact]
    public void A_customer_disputes_a_paid_quote_within_12_hours_and_the_platform_has_24_hours_to_rule()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.QuotePending);
        var report = scenario.Attach(AttachmentKind.Evidence);
        scenario.Advance(TimeSpan.FromHours(11));

        scenario.Request.RaiseDispute(RequestScenario.Customer, "第三方检测报告证明为主板质量问题，非人为损坏", [report.Id], scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.InArbitration, scenario.Request.Status);
        var window = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.DisputeWindow);
        Assert.Equal((DeadlineState.Met, (DateTimeOffset?)scenario.Now), (window.State, window.ClosedAt));
        var arbitration = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Arbitration);
        Assert.Equal((DeadlineParty.Platform, scenario.Now.AddHours(24)), (arbitration.OwedBy, arbitration.DueAt));
        Assert.Equal([report.Id], scenario.Request.Dispute!.Claim.EvidenceAttachmentIds);
    }

    [Fact]
    public void A_dispute_needs_a_reason_and_evidence_from_the_request()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.QuotePending);

        var noEvidence = Assert.Throws<InvalidInput>(() => scenario.Request.RaiseDispute(RequestScenario.Customer, "报价过高", [], scenario.Now, scenario.Rules));
        Assert.Equal("evidenceAttachmentIds", noEvidence.Field);
        var foreign = Assert.Throws<InvalidInput>(() => scenario.Request.RaiseDispute(RequestScenario.Customer, "报价过高", [Guid.NewGuid()], scenario.Now, scenario.Rules));
        Assert.Equal("evidenceAttachmentIds", foreign.Field);
        Assert.Equal(ServiceRequestStatus.QuotePending, scenario.Request.Status);
    }

    [Fact]
    public void Silence_past_the_dispute_window_is_acceptance_recorded_once_never_a_breach()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.QuotePending);
        var evidence = scenario.Attach(AttachmentKind.Evidence);
        scenario.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        var first = scenario.Request.Monitor(scenario.Now, scenario.Rules);
        var second = scenario.Request.Monitor(scenario.Now.AddMinutes(5), scenario.Rules);

        Assert.Equal((1, 0), (first.Lapses, second.Lapses));
        Assert.Single(scenario.Request.Timeline, t => t.Action == "deemedAccepted" && t.Note!.Contains("视为认可", StringComparison.Ordinal));
        var window = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.DisputeWindow);
        Assert.Equal(DeadlineState.Met, window.State);
        Assert.Empty(scenario.Request.Breaches);
        Assert.NotNull(scenario.Request.JudgementDeemedAcceptedAt);
        Assert.False(scenario.Request.CanDo(ServiceRequestAction.Dispute, RequestScenario.Customer));

        var late = Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.RaiseDispute(RequestScenario.Customer, "报价过高", [evidence.Id], scenario.Now, scenario.Rules));
        Assert.Equal("R-DSP-1", late.RuleId);
        Assert.Equal(ServiceRequestStatus.QuotePending, scenario.Request.Status);
    }

    [Fact]
    public void Only_the_customer_disputes_only_the_supplier_answers_and_only_the_platform_rules()
    {
        var scenario = Disputed();
        Assert.Throws<ActionNotPermitted>(() => scenario.Request.AnswerDispute(RequestScenario.Customer, "补充", [], scenario.Now));
        Assert.Throws<ActionNotPermitted>(() => scenario.Request.Arbitrate(RequestScenario.Agent, Terms(ArbitrationOutcome.WarrantyService), scenario.Now, scenario.Rules));

        var other = RequestScenario.In(ServiceRequestStatus.QuotePending);
        Assert.Throws<ActionNotPermitted>(() => other.Request.RaiseDispute(RequestScenario.Agent, "x", [], other.Now, other.Rules));
    }

    [Fact]
    public void Both_sides_submissions_stay_on_the_dispute_and_the_supplier_answers_once()
    {
        var scenario = Disputed();
        var test = scenario.Attach(AttachmentKind.Evidence, RequestScenario.Agent);

        scenario.Request.AnswerDispute(RequestScenario.Agent, "外壳撞击痕迹明显，照片见附件", [test.Id], scenario.Now);

        var dispute = scenario.Request.Dispute!;
        Assert.Equal((PartyKind.Customer, PartyKind.Supplier), (dispute.Claim.Party, dispute.Answer!.Party));
        Assert.Equal([test.Id], dispute.Answer.EvidenceAttachmentIds);
        Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.AnswerDispute(RequestScenario.Agent, "再补充", [], scenario.Now));
    }

    [Fact]
    public void A_warranty_ruling_plans_free_service_and_the_judgement_follows_it()
    {
        var scenario = Disputed();

        scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.WarrantyService), scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.Planned, scenario.Request.Status);
        Assert.Equal((Responsibility.Quality, JudgementOutcome.InWarranty), (scenario.Request.Judgement!.Responsibility, scenario.Request.Judgement.Outcome));
        Assert.Null(scenario.Request.Judgement.Quote);
        var ruling = scenario.Request.Dispute!.Ruling!;
        Assert.Equal(("SR-2026-000001-PD1", 100, 0), (ruling.LetterNumber, ruling.Costs.SupplierPercent, ruling.Costs.CustomerPercent));
        Assert.Equal(DeadlineState.Met, scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Arbitration).State);

        // The judgement's own window does not open again: the ruling has its own.
        Assert.Single(scenario.Request.Deadlines, d => d.Kind == DeadlineKind.DisputeWindow);
        Assert.Equal(scenario.Now.AddHours(12), scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.RulingObjection).DueAt);
        Assert.False(scenario.Request.CanDo(ServiceRequestAction.Dispute, RequestScenario.Customer));
    }

    [Fact]
    public void A_paid_ruling_with_an_adjusted_quote_waits_for_the_customers_own_confirmation()
    {
        var scenario = Disputed();
        var adjusted = new Quote([new QuoteLine(QuoteLineKind.Parts, "主板（按成本价）", 1, Money.Money.Yuan(1200m))], "CNY", 15, null);

        scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.PaidService, responsibility: Responsibility.HumanDamage, supplierPercent: 40, quote: adjusted),
            scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.QuotePending, scenario.Request.Status);
        Assert.Equal(Money.Money.Yuan(1200m), scenario.Request.Judgement!.Quote!.Total);
        Assert.Null(scenario.Request.QuoteDecision);
        scenario.Request.AcceptQuote(RequestScenario.Customer, scenario.Now, scenario.Rules);
        Assert.Equal(ServiceRequestStatus.Planned, scenario.Request.Status);
    }

    [Fact]
    public void A_ruling_other_than_service_closes_the_request_and_bad_terms_are_refused_by_field()
    {
        var scenario = Disputed();
        var share = Assert.Throws<InvalidInput>(() => scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.Other, supplierPercent: 120), scenario.Now, scenario.Rules));
        Assert.Equal("costs.supplierPercent", share.Field);
        var reasoning = Assert.Throws<InvalidInput>(() => scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.Other) with { Reasoning = " " }, scenario.Now, scenario.Rules));
        Assert.Equal("reasoning", reasoning.Field);
        Assert.Equal(ServiceRequestStatus.InArbitration, scenario.Request.Status);

        scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.Other) with { Decision = "双方协商退货退款，本单结案" }, scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.Closed, scenario.Request.Status);
        Assert.True(scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.RulingObjection).IsOpen);
    }

    [Fact]
    public void Silence_past_the_ruling_window_is_acceptance_even_after_the_request_moved_on()
    {
        var scenario = Disputed();
        scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.WarrantyService), scenario.Now, scenario.Rules);
        scenario.Advance(TimeSpan.FromHours(2));
        scenario.Request.StartService(RequestScenario.Engineer, null, scenario.Now, scenario.Rules);
        scenario.Advance(TimeSpan.FromHours(11));

        scenario.Request.Monitor(scenario.Now, scenario.Rules);

        Assert.NotNull(scenario.Request.Dispute!.RulingDeemedAcceptedAt);
        Assert.Single(scenario.Request.Timeline, t => t.Action == "deemedAccepted" && t.Note!.Contains("PD1", StringComparison.Ordinal));
        var late = Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.ObjectToRuling(RequestScenario.Agent, "不服", scenario.Now));
        Assert.Equal("R-DSP-2", late.RuleId);
    }

    [Fact]
    public void An_objection_goes_to_a_senior_operator_who_may_amend_while_the_request_has_not_moved_on()
    {
        var scenario = Disputed();
        scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.WarrantyService), scenario.Now, scenario.Rules);
        scenario.Advance(TimeSpan.FromHours(3));

        scenario.Request.ObjectToRuling(RequestScenario.Agent, "鉴定前不应认定质量问题", scenario.Now);

        Assert.True(scenario.Request.Dispute!.AwaitingReview);
        Assert.False(scenario.Request.CanDo(ServiceRequestAction.ObjectRuling, RequestScenario.Agent));
        Assert.True(scenario.Request.CanDo(ServiceRequestAction.ObjectRuling, RequestScenario.Customer));
        Assert.False(scenario.Request.CanDo(ServiceRequestAction.ReviewRuling, RequestScenario.Platform));
        Assert.True(scenario.Request.CanDo(ServiceRequestAction.ReviewRuling, RequestScenario.Admin));

        // No deemed acceptance once someone objected.
        scenario.Advance(TimeSpan.FromHours(20));
        scenario.Request.Monitor(scenario.Now, scenario.Rules);
        Assert.Null(scenario.Request.Dispute!.RulingDeemedAcceptedAt);

        scenario.Request.ReviewRuling(RequestScenario.Admin, RulingReviewDecision.Amend, "外壳撞击痕迹属实，改判付费维修，双方各担一半",
            Terms(ArbitrationOutcome.PaidService, responsibility: Responsibility.HumanDamage, supplierPercent: 50), scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.QuotePending, scenario.Request.Status);
        var dispute = scenario.Request.Dispute!;
        Assert.Equal(("SR-2026-000001-PD2", "SR-2026-000001-PD1"), (dispute.Ruling!.LetterNumber, dispute.SupersededRulings.Single().LetterNumber));
        Assert.Equal(Money.Money.Yuan(2800m), scenario.Request.Judgement!.Quote!.Total);
        Assert.False(scenario.Request.CanDo(ServiceRequestAction.ReviewRuling, RequestScenario.Admin));
    }

    [Fact]
    public void Once_service_has_started_a_review_may_not_change_the_outcome()
    {
        var scenario = Disputed();
        scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.WarrantyService), scenario.Now, scenario.Rules);
        scenario.Request.ObjectToRuling(RequestScenario.Agent, "不服", scenario.Now);
        scenario.Request.StartService(RequestScenario.Engineer, null, scenario.Now, scenario.Rules);

        var refused = Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.ReviewRuling(RequestScenario.Admin, RulingReviewDecision.Amend, "改判",
            Terms(ArbitrationOutcome.PaidService, responsibility: Responsibility.HumanDamage), scenario.Now, scenario.Rules));
        Assert.Equal("R-DSP-2", refused.RuleId);

        scenario.Request.ReviewRuling(RequestScenario.Admin, RulingReviewDecision.Uphold, "维持原判定", null, scenario.Now, scenario.Rules);
        Assert.Equal((ServiceRequestStatus.InService, RulingReviewDecision.Uphold), (scenario.Request.Status, scenario.Request.Dispute!.Review!.Decision));
    }

    [Fact]
    public void An_appraisal_stops_the_arbitration_clock_and_a_failed_product_puts_the_fee_on_the_supplier()
    {
        var scenario = Disputed();
        var arbitration = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Arbitration);
        var dueBefore = arbitration.DueAt;
        scenario.Advance(TimeSpan.FromHours(2));
        scenario.Request.SendToAppraisal(RequestScenario.Platform, "上海市商检部门", "故障主板 1 块", "SF1234567890", Money.Money.Yuan(3000m), scenario.Now);
        Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.Arbitrate(RequestScenario.Platform, Terms(ArbitrationOutcome.WarrantyService), scenario.Now, scenario.Rules));

        scenario.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, scenario.Request.Monitor(scenario.Now, scenario.Rules).Breaches);
        var report = scenario.Attach(AttachmentKind.Evidence, RequestScenario.Platform);
        scenario.Request.RecordAppraisalResult(RequestScenario.Platform, AppraisalResult.FailsStandard, "主板电容批次不符合 GB/T 标准", [report.Id], scenario.Now, scenario.Rules);

        Assert.Equal(dueBefore.AddDays(5), arbitration.DueAt);
        var fee = Assert.Single(scenario.Request.LedgerEntries);
        Assert.Equal((LedgerEntryKind.AppraisalFee, RequestScenario.SupplierOrg, Money.Money.Yuan(3000m), "R-DSP-3"), (fee.Kind, fee.OrganizationId, fee.Amount, fee.RuleId));
        Assert.Equal(PartyKind.Supplier, scenario.Request.Dispute!.Appraisal!.FeePayer);
    }

    [Fact]
    public void A_product_that_meets_the_standard_puts_the_fee_on_the_customer_by_default()
    {
        var scenario = Disputed();
        scenario.Request.SendToAppraisal(RequestScenario.Platform, "上海市商检部门", "故障主板 1 块", null, Money.Money.Yuan(1500m), scenario.Now);
        var report = scenario.Attach(AttachmentKind.Evidence, RequestScenario.Platform);

        scenario.Request.RecordAppraisalResult(RequestScenario.Platform, AppraisalResult.MeetsStandard, "符合标准，撞击所致", [report.Id], scenario.Now, scenario.Rules);

        Assert.Equal(RequestScenario.CustomerOrg, Assert.Single(scenario.Request.LedgerEntries).OrganizationId);
    }

    [Fact]
    public void A_platform_late_to_rule_breaches_its_arbitration_deadline_without_a_penalty()
    {
        var scenario = Disputed();
        scenario.Advance(TimeSpan.FromHours(25));

        Assert.Equal(1, scenario.Request.Monitor(scenario.Now, scenario.Rules).Breaches);

        Assert.Equal(DeadlineState.Breached, scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Arbitration).State);
        Assert.Empty(scenario.Request.LedgerEntries);
    }

    [Fact]
    public void Dispute_actions_are_offered_only_at_their_step()
    {
        var planned = RequestScenario.In(ServiceRequestStatus.Planned);
        Assert.True(planned.Request.CanDo(ServiceRequestAction.Dispute, RequestScenario.Customer));
        Assert.False(planned.Request.CanDo(ServiceRequestAction.ObjectRuling, RequestScenario.Customer));
        Assert.False(planned.Request.CanDo(ServiceRequestAction.ReviewRuling, RequestScenario.Admin));

        var disputed = Disputed();
        Assert.True(disputed.Request.CanDo(ServiceRequestAction.AnswerDispute, RequestScenario.Agent));
        Assert.True(disputed.Request.CanDo(ServiceRequestAction.Arbitrate, RequestScenario.Platform));
        Assert.False(disputed.Request.CanDo(ServiceRequestAction.RecordAppraisal, RequestScenario.Platform));
        Assert.False(disputed.Request.CanDo(ServiceRequestAction.Dispute, RequestScenario.Customer));
    }

    private static RequestScenario Disputed()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.QuotePending);
        var report = scenario.Attach(AttachmentKind.Evidence);
        scenario.Request.RaiseDispute(RequestScenario.Customer, "第三方检测报告证明为质量问题", [report.Id], scenario.Now, scenario.Rules);
        return scenario;
    }

    private static RulingTerms Terms(ArbitrationOutcome outcome, Responsibility responsibility = Responsibility.Quality, int supplierPercent = 100, Quote? quote = null) =>
        new(responsibility, outcome, "认定为产品质量问题，供应商免费维修", "依据合同第 5 条及第三方检测报告", supplierPercent, null, quote);
}
