using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.ServiceRequests;

/// <summary>Deadlines open on entering a stage and close on leaving it, with the request's policy figures (R-SLA-1, R-SLA-4).</summary>
public sealed class RequestDeadlineTests
{
    [Fact]
    public void Entering_pending_receipt_opens_a_two_hour_receive_deadline_under_the_B2B_preset()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);

        var receive = Assert.Single(scenario.Request.Deadlines, d => d.Kind == DeadlineKind.Receive);
        Assert.Equal(DeadlineState.Running, receive.State);
        Assert.Equal(DeadlineParty.Supplier, receive.OwedBy);
        Assert.Equal(scenario.Now.AddHours(2), receive.DueAt);
        Assert.Equal(scenario.Now.AddMinutes(96), receive.WarningAt);
    }

    [Fact]
    public void Receiving_in_time_meets_the_deadline_and_opens_the_plan_deadline()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        scenario.Advance(TimeSpan.FromMinutes(90));

        scenario.Request.Receive(RequestScenario.Agent, null, scenario.Now, scenario.Rules);

        Assert.Equal(DeadlineState.Met, scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).State);
        var plan = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Plan);
        Assert.Equal(scenario.Now.AddHours(24), plan.DueAt);
        Assert.Empty(scenario.Request.Breaches);
    }

    [Fact]
    public void A_late_receipt_is_recorded_as_one_breach()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        scenario.Advance(TimeSpan.FromHours(3));

        scenario.Request.Receive(RequestScenario.Agent, null, scenario.Now, scenario.Rules);

        var receive = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive);
        Assert.Equal(DeadlineState.Breached, receive.State);
        Assert.NotNull(receive.ClosedAt);
        var breach = Assert.Single(scenario.Request.Breaches);
        Assert.Equal(receive.Id, breach.DeadlineId);
        Assert.Contains(scenario.Request.Timeline, t => t.Action == "deadlineBreached");
    }

    [Fact]
    public void The_monitor_records_a_breach_once_however_often_it_runs_and_a_later_close_adds_none()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        scenario.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, scenario.Request.RecordBreaches(scenario.Now, scenario.Rules));

        scenario.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, scenario.Request.RecordBreaches(scenario.Now, scenario.Rules));
        Assert.Equal(0, scenario.Request.RecordBreaches(scenario.Now.AddMinutes(5), scenario.Rules));
        scenario.Request.Receive(RequestScenario.Agent, null, scenario.Now, scenario.Rules);

        Assert.Single(scenario.Request.Breaches);
        Assert.Equal(DeadlineState.Breached, scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).State);
    }

    [Fact]
    public void A_deadline_exactly_at_its_due_instant_is_not_yet_breached()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);

        Assert.Equal(0, scenario.Request.RecordBreaches(scenario.Now.AddHours(2), scenario.Rules));
        Assert.Equal(1, scenario.Request.RecordBreaches(scenario.Now.AddHours(2).AddTicks(1), scenario.Rules));
    }

    [Fact]
    public void An_on_site_plan_opens_the_arrival_deadline_and_a_remote_plan_the_resolution_deadline()
    {
        var onSite = new RequestScenario(mode: ServiceMode.OnSite).To(ServiceRequestStatus.Planned);
        var remote = new RequestScenario(mode: ServiceMode.Remote).To(ServiceRequestStatus.Planned);

        Assert.Equal(onSite.Now.AddDays(7), onSite.Request.Deadlines.Single(d => d.Kind == DeadlineKind.OnSiteArrival).DueAt);
        Assert.DoesNotContain(onSite.Request.Deadlines, d => d.Kind == DeadlineKind.RemoteResolution);
        Assert.Equal(remote.Now.AddDays(3), remote.Request.Deadlines.Single(d => d.Kind == DeadlineKind.RemoteResolution).DueAt);
    }

    [Fact]
    public void The_voucher_deadline_runs_from_acceptance_through_revisit_until_archiving()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.Revisited);
        var vouchers = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Vouchers);
        Assert.True(vouchers.IsOpen);

        scenario.Attach(AttachmentKind.ServiceReport, RequestScenario.Agent);
        scenario.Attach(AttachmentKind.SitePhoto, RequestScenario.Agent);
        scenario.Request.Archive(RequestScenario.Agent, scenario.Now, scenario.Rules);
        Assert.Equal(DeadlineState.Met, vouchers.State);
    }

    [Fact]
    public void Rejection_opens_a_five_day_reservice_deadline_and_a_new_acceptance_deadline_follows_completion()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.Reservice);
        Assert.Equal(scenario.Now.AddDays(5), scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Reservice).DueAt);

        scenario.Complete();

        Assert.Equal(2, scenario.Request.Deadlines.Count(d => d.Kind == DeadlineKind.Acceptance));
        Assert.Single(scenario.Request.Deadlines, d => d.Kind == DeadlineKind.Acceptance && d.IsOpen);
    }

    [Fact]
    public void A_revisit_in_working_days_skips_the_National_Day_holiday_under_the_cable_preset()
    {
        // Seed 002: 服务完成后 3 个工作日内回访. Accepted on 2025-09-30 17:00 → due 2025-10-11 17:00 (a make-up Saturday).
        var scenario = new RequestScenario(presetKey: PolicyPresets.CableManufacturer).To(ServiceRequestStatus.PendingAcceptance);
        var acceptedAt = new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.FromHours(8));

        scenario.Request.Accept(RequestScenario.Customer, new ServiceRating(5, 5, 5), null, acceptedAt, scenario.Rules);

        var revisit = scenario.Request.Deadlines.Single(d => d.Kind == DeadlineKind.Revisit);
        Assert.Equal(new DateTimeOffset(2025, 10, 11, 17, 0, 0, TimeSpan.FromHours(8)), revisit.DueAt);
    }

    [Fact]
    public void The_next_due_instant_follows_the_nearest_open_deadline()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.PendingReceipt);
        Assert.Equal(scenario.Now.AddHours(2), scenario.Request.NextDueAt);

        scenario.Request.Cancel(RequestScenario.Customer, "已解决", scenario.Now, scenario.Rules);
        Assert.Null(scenario.Request.NextDueAt);
    }
}
