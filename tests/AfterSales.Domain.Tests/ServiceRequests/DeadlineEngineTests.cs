using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.ServiceRequests;

/// <summary>The deadline engine on a request: pauses, level targets, warnings, escalation, penalties, loaners (R-SLA-1..4, R-PEN-*, R-EXE-7).</summary>
public sealed class DeadlineEngineTests
{
    [Fact]
    public void A_level_fix_deadline_stands_still_while_the_customer_decides_on_a_quote_and_resumes_with_the_time_left()
    {
        // [004] major fault: fixed in 4 hours. 1 h runs before the quote, the customer takes 3 h to decide.
        var scenario = new RequestScenario(presetKey: PolicyPresets.MachineryDealer, fault: FaultLevel.Major, service: ServiceLevel.A).To(ServiceRequestStatus.UnderAssessment);
        var fix = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix);
        Assert.Equal(RequestScenario.Start.AddHours(4), fix.DueAt);

        scenario.Advance(TimeSpan.FromHours(1));
        scenario.JudgePaid();
        Assert.Equal(DeadlineState.Paused, fix.State);
        Assert.NotEqual(fix.DueAt, scenario.Request.NextDueAt);

        scenario.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, scenario.Request.RecordBreaches(scenario.Now, scenario.Rules));
        scenario.Request.AcceptQuote(RequestScenario.Customer, scenario.Now, scenario.Rules);

        Assert.Equal(DeadlineState.Running, fix.State);
        Assert.Equal(scenario.Now.AddHours(3), fix.DueAt);
        Assert.Equal([new PauseInterval(RequestScenario.Start.AddHours(1), RequestScenario.Start.AddHours(4))], fix.Pauses);
    }

    [Fact]
    public void A_pause_on_working_time_gives_back_the_working_hours_that_were_left()
    {
        var calendar = WorkingCalendars.Cn918;
        var start = new DateTimeOffset(2025, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
        var target = DeadlineTarget.WorkingHours(8);

        // Paused Friday 13:00 (4 working hours used) until Tuesday 2025-09-30 10:00: 4 left → 14:00 that day.
        var due = DeadlineCalculator.DueAt(start, target, calendar, [new PauseInterval(start.AddHours(4), new DateTimeOffset(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)))]);

        Assert.Equal(new DateTimeOffset(2025, 9, 30, 14, 0, 0, TimeSpan.FromHours(8)), due);
        Assert.Null(DeadlineCalculator.DueAt(start, target, calendar, [new PauseInterval(start.AddHours(4), null)]));
    }

    [Fact]
    public void Reply_targets_follow_the_service_level_and_change_when_the_level_is_reclassified()
    {
        var scenario = new RequestScenario(presetKey: PolicyPresets.MachineryDealer, service: ServiceLevel.C).To(ServiceRequestStatus.PendingReceipt);
        var reply = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.LevelReply);
        Assert.Equal(RequestScenario.Start.AddMinutes(30), reply.DueAt);
        Assert.DoesNotContain(scenario.Request.Deadlines, d => d.Kind == DeadlineKind.LevelFix);

        scenario.Advance(TimeSpan.FromMinutes(5));
        scenario.Request.ClassifyLevel(RequestScenario.Agent, FaultLevel.Major, ServiceLevel.A, "系统瘫痪", scenario.Now, scenario.Rules);

        Assert.Equal(RequestScenario.Start.AddMinutes(10), reply.DueAt);
        var fix = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.LevelFix);
        Assert.Equal(RequestScenario.Start, fix.StartedAt);
        Assert.Equal(RequestScenario.Start.AddHours(4), fix.DueAt);
        Assert.Contains(scenario.Request.Timeline, t => t.Action == "classifyLevel" && t.Note!.Contains("一级", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unfixed_critical_fault_breaches_the_fix_deadline_and_owes_a_loaner_once()
    {
        var scenario = new RequestScenario(presetKey: PolicyPresets.MachineryDealer, fault: FaultLevel.Major, service: ServiceLevel.A).To(ServiceRequestStatus.Planned);
        scenario.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        scenario.Request.Monitor(scenario.Now, scenario.Rules);
        scenario.Request.Monitor(scenario.Now.AddMinutes(1), scenario.Rules);

        Assert.Equal(scenario.Now, scenario.Request.LoanerOwedSince);
        Assert.Single(scenario.Request.Timeline, t => t.Action == "loanerOwed");
        Assert.Contains(scenario.Request.DequeueAlerts(), a => a.Type == DeadlineAlertType.LoanerOwed);
    }

    [Fact]
    public void A_warning_goes_out_once_at_eighty_percent()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        scenario.Request.DequeueAlerts();

        Assert.Equal(0, scenario.Request.Monitor(scenario.Now.AddMinutes(95), scenario.Rules).Warnings);
        Assert.Equal(new MonitorOutcome(0, 0, 1), scenario.Request.Monitor(scenario.Now.AddMinutes(96), scenario.Rules));
        Assert.Equal(0, scenario.Request.Monitor(scenario.Now.AddMinutes(97), scenario.Rules).Total);

        var alert = Assert.Single(scenario.Request.DequeueAlerts());
        Assert.Equal((DeadlineKind.Receive, DeadlineAlertType.AtRisk), (alert.Kind, alert.Type));
        Assert.Single(scenario.Request.Timeline, t => t.Action == "deadlineAtRisk");
    }

    [Fact]
    public void A_breach_escalates_to_the_handler_then_the_manager_after_an_hour_then_the_platform_after_four()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        scenario.Request.DequeueAlerts();
        var breachAt = scenario.Now.AddHours(2).AddMinutes(1);

        scenario.Request.Monitor(breachAt, scenario.Rules);
        scenario.Request.Monitor(breachAt.AddMinutes(59), scenario.Rules);
        scenario.Request.Monitor(breachAt.AddHours(1), scenario.Rules);
        scenario.Request.Monitor(breachAt.AddHours(5), scenario.Rules);
        scenario.Request.Monitor(breachAt.AddHours(9), scenario.Rules);

        var escalations = scenario.Request.DequeueAlerts().Where(a => a.Type == DeadlineAlertType.Escalated).Select(a => (a.Level, a.Notify)).ToList();
        Assert.Equal([(1, EscalationTarget.Handler), (2, EscalationTarget.SupplierManager), (3, EscalationTarget.Platform)], escalations);
        var receive = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive);
        Assert.Equal(3, receive.EscalationLevel);
        Assert.Null(receive.NextEscalationAt);
    }

    [Fact]
    public void A_customers_late_acceptance_is_breached_but_not_escalated()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingAcceptance);
        scenario.Request.DequeueAlerts();

        scenario.Request.Monitor(scenario.Now.AddHours(30), scenario.Rules);

        var alerts = scenario.Request.DequeueAlerts();
        Assert.Contains(alerts, a => a.Kind == DeadlineKind.Acceptance && a.Type == DeadlineAlertType.Breached && a.OwedBy == DeadlineParty.Customer);
        Assert.DoesNotContain(alerts, a => a.Type == DeadlineAlertType.Escalated);
    }

    [Fact]
    public void A_late_response_costs_the_deposit_500_at_the_breach_and_the_customer_a_tenth_percent_a_started_day_when_received()
    {
        // [000]: 逾期响应扣 500 元/次 (R-PEN-2) and 每逾期 1 日赔偿订单金额的 0.1% (R-PEN-1). Received 25 h late: 2 days.
        var scenario = new RequestScenario(orderAmount: 12_345.67m).To(ServiceRequestStatus.PendingReceipt);
        scenario.Request.Monitor(scenario.Now.AddHours(3), scenario.Rules);

        var deposit = Assert.Single(scenario.Request.LedgerEntries);
        Assert.Equal((PenaltyAccount.SupplierDeposit, Money.Money.Yuan(500m), "R-PEN-2"), (deposit.Account, deposit.Amount, deposit.RuleId));
        Assert.Equal(RequestScenario.SupplierOrg, deposit.OrganizationId);

        scenario.Advance(TimeSpan.FromHours(27));
        scenario.Request.Receive(RequestScenario.Agent, null, scenario.Now, scenario.Rules);

        Assert.Equal(2, scenario.Request.LedgerEntries.Count);
        var compensation = scenario.Request.LedgerEntries.Single(l => l.Account == PenaltyAccount.CustomerCompensation);
        Assert.Equal(Money.Money.Yuan(24.69m), compensation.Amount);
        Assert.Equal(RequestScenario.CustomerOrg, compensation.CounterpartyOrganizationId);
        Assert.All(scenario.Request.LedgerEntries, l => Assert.Equal(scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).Id, l.BreachId));
    }

    [Fact]
    public void Nothing_is_charged_for_a_deadline_met_in_time_or_owed_by_the_customer()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingAcceptance);
        scenario.Request.Monitor(scenario.Now.AddDays(3), scenario.Rules);

        Assert.Empty(scenario.Request.LedgerEntries);
    }

    [Fact]
    public void A_task_routed_to_a_dealer_must_be_arranged_by_the_dealer_in_two_hours_and_checked_at_four()
    {
        var scenario = new RequestScenario(presetKey: PolicyPresets.MachineryDealer, viaDealer: true).To(ServiceRequestStatus.PendingReceipt);

        var arrangement = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.DealerArrangement);
        var check = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.SupervisionCheck);
        Assert.Equal((DeadlineParty.Dealer, scenario.Now.AddHours(2)), (arrangement.OwedBy, arrangement.DueAt));
        Assert.Equal((DeadlineParty.Supplier, scenario.Now.AddHours(4)), (check.OwedBy, check.DueAt));
        Assert.DoesNotContain(new RequestScenario(presetKey: PolicyPresets.MachineryDealer).To(ServiceRequestStatus.PendingReceipt).Request.Deadlines,
            d => d.Kind == DeadlineKind.DealerArrangement);
    }

    [Fact]
    public void A_waiver_keeps_the_line_and_says_who_and_why()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        scenario.Request.Monitor(scenario.Now.AddHours(3), scenario.Rules);
        var penalty = Assert.Single(scenario.Request.LedgerEntries);

        penalty.Waive("客户现场停电，非供应商原因", "王敏", scenario.Now.AddDays(1));

        Assert.True(penalty.IsWaived);
        Assert.Equal(("王敏", "客户现场停电，非供应商原因"), (penalty.WaivedBy, penalty.WaiverReason));
        Assert.Throws<Common.TransitionRefused>(() => penalty.Waive("again", "王敏", scenario.Now.AddDays(2)));
    }
}
