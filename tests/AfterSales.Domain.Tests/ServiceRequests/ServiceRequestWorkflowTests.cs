using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.ServiceRequests;

/// <summary>Every (status, action) pair: allowed moves land in the table's targets, every other move is refused.</summary>
public sealed class ServiceRequestWorkflowTests
{
    public static TheoryData<ServiceRequestStatus, ServiceRequestAction> EveryPair()
    {
        var data = new TheoryData<ServiceRequestStatus, ServiceRequestAction>();
        foreach (var status in RequestScenario.Reachable)
        {
            foreach (var action in Enum.GetValues<ServiceRequestAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void An_action_succeeds_exactly_when_the_transition_table_allows_it(ServiceRequestStatus status, ServiceRequestAction action)
    {
        var scenario = RequestScenario.In(status);
        var request = scenario.Request;
        var allowed = ServiceRequestWorkflow.Transitions.TryGetValue((status, action), out var targets);

        var error = Record.Exception(() => Perform(scenario, action));

        if (allowed)
        {
            Assert.Null(error);
            Assert.Contains(request.Status, targets!);
        }
        else
        {
            var refused = Assert.IsType<TransitionRefused>(error);
            Assert.Equal(status, request.Status);
            Assert.Equal("R-FLOW", refused.RuleId);
        }
    }

    [Fact]
    public void Every_reachable_status_is_reached_by_the_scenario()
    {
        foreach (var status in RequestScenario.Reachable)
        {
            Assert.Equal(status, RequestScenario.In(status).Request.Status);
        }
    }

    [Fact]
    public void A_request_without_the_certificate_waits_for_information_and_proceeds_once_supplied()
    {
        var scenario = new RequestScenario(withCertificate: false);
        scenario.Request.Validate(scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.NeedsInfo, scenario.Request.Status);
        Assert.Equal([AttachmentKind.Certificate], scenario.Request.MissingMaterials);

        scenario.Request.SupplyInfo(RequestScenario.Customer, "补充说明", scenario.Now, scenario.Rules);
        Assert.Equal(ServiceRequestStatus.NeedsInfo, scenario.Request.Status);

        scenario.Attach(AttachmentKind.Certificate);
        scenario.Request.SupplyInfo(RequestScenario.Customer, null, scenario.Now, scenario.Rules);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, scenario.Request.Status);
        Assert.Empty(scenario.Request.MissingMaterials);
    }

    [Fact]
    public void A_customer_cannot_take_a_supplier_action_even_when_the_state_allows_it()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.PendingReceipt);

        Assert.Throws<ActionNotPermitted>(() => scenario.Request.Receive(RequestScenario.Customer, null, scenario.Now, scenario.Rules));
        Assert.Equal(ServiceRequestStatus.PendingReceipt, scenario.Request.Status);
    }

    [Fact]
    public void Permission_is_checked_before_state_so_a_customer_learns_an_action_is_not_theirs()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.Planned);

        Assert.Throws<ActionNotPermitted>(() => scenario.Request.Receive(RequestScenario.Customer, null, scenario.Now, scenario.Rules));
    }

    [Fact]
    public void Another_customer_organisation_cannot_act_on_the_request()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.PendingAcceptance);

        Assert.Throws<ActionNotPermitted>(() => scenario.Request.Accept(RequestScenario.OtherCustomer, new ServiceRating(5, 5, 5), null, scenario.Now, scenario.Rules));
    }

    [Fact]
    public void An_engineer_may_execute_but_not_receive()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.PendingReceipt);

        Assert.Throws<ActionNotPermitted>(() => scenario.Request.Receive(RequestScenario.Engineer, null, scenario.Now, scenario.Rules));
        Assert.False(scenario.Request.CanDo(ServiceRequestAction.Receive, RequestScenario.Engineer));
        Assert.True(scenario.Request.CanDo(ServiceRequestAction.Receive, RequestScenario.Agent));
    }

    [Fact]
    public void Archiving_is_refused_until_the_voucher_set_is_attached()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.Revisited);

        var refused = Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.Archive(RequestScenario.Agent, scenario.Now, scenario.Rules));
        Assert.Equal("R-ARC-1", refused.RuleId);
        Assert.Contains("维修/保养报告", refused.Message, StringComparison.Ordinal);

        scenario.Attach(AttachmentKind.ServiceReport, RequestScenario.Agent);
        scenario.Attach(AttachmentKind.SitePhoto, RequestScenario.Agent);
        scenario.Request.Archive(RequestScenario.Agent, scenario.Now, scenario.Rules);
        Assert.Equal(ServiceRequestStatus.Closed, scenario.Request.Status);
    }

    [Fact]
    public void A_paid_quote_on_a_covered_asset_must_cite_an_exclusion()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.UnderAssessment);

        var refused = Assert.Throws<WorkflowRuleViolation>(() => scenario.Request.Judge(RequestScenario.Agent, Domain.ServiceRequests.Responsibility.Quality, JudgementOutcome.Paid, null, null,
            new Quote([new QuoteLine(QuoteLineKind.Parts, "主板", 1, Money.Money.Yuan(2000m))], "CNY", null, null), null, scenario.Now, scenario.Rules));
        Assert.Equal("R-WTY-4", refused.RuleId);
        Assert.Equal(ServiceRequestStatus.UnderAssessment, scenario.Request.Status);
    }

    [Fact]
    public void A_quote_totals_its_itemised_lines_to_the_fen()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.QuotePending);

        Assert.Equal(Money.Money.Yuan(2800m), scenario.Request.Judgement!.Quote!.Total);
    }

    [Fact]
    public void Judging_in_warranty_without_a_plan_names_the_missing_field()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.UnderAssessment);

        var error = Assert.Throws<InvalidInput>(() => scenario.Request.Judge(RequestScenario.Agent, Domain.ServiceRequests.Responsibility.Quality, JudgementOutcome.InWarranty, null, null, null, null, scenario.Now, scenario.Rules));
        Assert.Equal("plan", error.Field);
    }

    [Fact]
    public void A_dissatisfied_revisit_reopens_handling()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.Accepted);

        scenario.Request.RecordRevisit(RequestScenario.Platform, RevisitChannel.Phone, 2, "故障复发", scenario.Now, scenario.Rules);

        Assert.Equal(ServiceRequestStatus.Reservice, scenario.Request.Status);
        Assert.True(scenario.Request.Revisit!.Reopened);
    }

    [Fact]
    public void Every_step_is_on_the_timeline_with_who_and_from_which_status()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.Planned);
        var steps = scenario.Request.Timeline.Where(t => t.ToStatus is not null).Select(t => (t.Action, t.FromStatus, t.ToStatus, t.ActorName)).ToList();

        Assert.Equal(
        [
            ("submit", null, ServiceRequestStatus.Submitted, "张伟"),
            ("validate", ServiceRequestStatus.Submitted, ServiceRequestStatus.PendingReceipt, "系统"),
            ("receive", ServiceRequestStatus.PendingReceipt, ServiceRequestStatus.UnderAssessment, "赵丽"),
            ("judge", ServiceRequestStatus.UnderAssessment, ServiceRequestStatus.Planned, "赵丽"),
        ], steps);
        Assert.Equal(Enumerable.Range(1, scenario.Request.Timeline.Count), scenario.Request.Timeline.Select(t => t.Sequence));
    }

    [Fact]
    public void Each_change_increments_the_version_used_for_optimistic_concurrency()
    {
        var scenario = new RequestScenario().To(ServiceRequestStatus.PendingReceipt);
        var before = scenario.Request.Version;

        scenario.Request.Receive(RequestScenario.Agent, null, scenario.Now, scenario.Rules);

        Assert.True(scenario.Request.Version > before);
    }

    private static void Perform(RequestScenario s, ServiceRequestAction action)
    {
        var r = s.Request;
        switch (action)
        {
            case ServiceRequestAction.Validate: r.Validate(s.Now, s.Rules); break;
            case ServiceRequestAction.SupplyInfo: r.SupplyInfo(RequestScenario.Customer, "补充", s.Now, s.Rules); break;
            case ServiceRequestAction.ResolveAtIntake: r.ResolveAtIntake(RequestScenario.Agent, "已电话指导重启解决", s.Now, s.Rules); break;
            case ServiceRequestAction.Receive: r.Receive(RequestScenario.Agent, null, s.Now, s.Rules); break;
            case ServiceRequestAction.Judge: s.JudgeInWarranty(); break;
            case ServiceRequestAction.AcceptQuote: r.AcceptQuote(RequestScenario.Customer, s.Now, s.Rules); break;
            case ServiceRequestAction.DeclineQuote: r.DeclineQuote(RequestScenario.Customer, "价格过高", s.Now, s.Rules); break;
            case ServiceRequestAction.StartService: r.StartService(RequestScenario.Engineer, null, s.Now, s.Rules); break;
            case ServiceRequestAction.CompleteService: s.Complete(); break;
            case ServiceRequestAction.Accept: r.Accept(RequestScenario.Customer, new ServiceRating(5, 5, 5), null, s.Now, s.Rules); break;
            case ServiceRequestAction.Reject: r.Reject(RequestScenario.Customer, ["未修好"], [], s.Now, s.Rules); break;
            case ServiceRequestAction.Revisit: r.RecordRevisit(RequestScenario.Platform, RevisitChannel.Phone, 5, null, s.Now, s.Rules); break;
            case ServiceRequestAction.Archive:
                if (r.Status == ServiceRequestStatus.Revisited)
                {
                    s.Attach(AttachmentKind.ServiceReport, RequestScenario.Agent);
                    s.Attach(AttachmentKind.SitePhoto, RequestScenario.Agent);
                }

                r.Archive(RequestScenario.Agent, s.Now, s.Rules);
                break;
            case ServiceRequestAction.Cancel: r.Cancel(RequestScenario.Customer, "不再需要", s.Now, s.Rules); break;
            case ServiceRequestAction.ClassifyLevel: r.ClassifyLevel(RequestScenario.Agent, FaultLevel.Major, ServiceLevel.A, null, s.Now, s.Rules); break;
            case ServiceRequestAction.Dispute:
                var evidence = s.Attach(AttachmentKind.Evidence);
                r.RaiseDispute(RequestScenario.Customer, "报价有异议", [evidence.Id], s.Now, s.Rules);
                break;
            case ServiceRequestAction.AnswerDispute: r.AnswerDispute(RequestScenario.Agent, "答辩意见", [], s.Now); break;
            case ServiceRequestAction.SendToAppraisal: r.SendToAppraisal(RequestScenario.Platform, "上海市商检部门", "主板", null, Money.Money.Yuan(1000m), s.Now); break;
            case ServiceRequestAction.RecordAppraisal:
                if (r.Dispute?.Appraisal is null && r.Status == ServiceRequestStatus.InArbitration)
                {
                    r.SendToAppraisal(RequestScenario.Platform, "上海市商检部门", "主板", null, Money.Money.Yuan(1000m), s.Now);
                }

                var report = r.Status == ServiceRequestStatus.InArbitration ? [s.Attach(AttachmentKind.Evidence, RequestScenario.Platform).Id] : Array.Empty<Guid>();
                r.RecordAppraisalResult(RequestScenario.Platform, AppraisalResult.FailsStandard, "不符合标准", report, s.Now, s.Rules);
                break;
            case ServiceRequestAction.Arbitrate:
                r.Arbitrate(RequestScenario.Platform, new RulingTerms(Domain.ServiceRequests.Responsibility.Quality, ArbitrationOutcome.WarrantyService, "质量问题", "依据检测报告", 100, null, null), s.Now, s.Rules);
                break;

            // Ruling steps without a ruling are moves the request is not at (RulingSteps).
            case ServiceRequestAction.ObjectRuling: r.ObjectToRuling(RequestScenario.Customer, "不服", s.Now); break;
            case ServiceRequestAction.ReviewRuling: r.ReviewRuling(RequestScenario.Admin, RulingReviewDecision.Uphold, "维持", null, s.Now, s.Rules); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
