using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Maintenance;

/// <summary>
/// 维保计划 (R-MNT-1, R-RV-2, R-EXE-3): due dates counted from the first date (month ends clamp without drifting), the
/// contract's period bounds the visits, the report is due on the 3rd working day after the visit on cn-9-18 — holidays and
/// 调休 make-up days included — and the 7-day reminder window.
/// </summary>
public sealed class MaintenanceScheduleTests
{
    private static readonly Guid Supplier = Guid.NewGuid();
    private static readonly Guid Customer = Guid.NewGuid();
    private static readonly Actor Planner = new(Guid.NewGuid(), "赵丽", Roles.SupplierAgent, Supplier, PartyKind.Supplier, new HashSet<string> { Permissions.WorkOrdersDispatch });
    private static readonly Actor Engineer = new(Guid.NewGuid(), "孙浩", Roles.SupplierEngineer, Supplier, PartyKind.Supplier, new HashSet<string> { Permissions.RequestsExecute });

    private static DateTimeOffset On(int year, int month, int day, int hour = 10) => ServiceZone.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));

    private static MaintenancePlan Plan(DateOnly first, int interval, MaintenanceContract? contract = null, DateOnly? endsOn = null) =>
        MaintenancePlan.Create(Guid.NewGuid(), "WP-TEST", Customer, contract, (Guid.NewGuid(), "EQ-T"),
            new MaintenancePlanTerms(MaintenancePlanKind.QuarterlyInspection, null, interval, first, endsOn, ["主轴润滑", "导轨清洁"]), Planner, On(2026, 1, 2));

    [Theory]
    [InlineData("2026-01-31", 3, new[] { "2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31" })]
    [InlineData("2026-11-30", 3, new[] { "2026-11-30", "2027-02-28", "2027-05-30", "2027-08-30" })]
    [InlineData("2028-02-29", 12, new[] { "2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29" })]
    [InlineData("2026-03-31", 1, new[] { "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30" })]
    public void Due_dates_count_from_the_first_date_so_month_ends_clamp_without_drifting(string first, int interval, string[] expected)
    {
        var plan = Plan(DateOnly.Parse(first), interval);
        var dates = expected.Select(DateOnly.Parse).ToList();
        Assert.Equal(dates, plan.DueThrough(dates[^1], null).Select(v => v.DueOn));
        Assert.Equal(Enumerable.Range(1, dates.Count), plan.DueThrough(dates[^1], null).Select(v => v.Sequence));
        Assert.Equal(dates.Skip(1).Take(2), plan.Upcoming(dates[0].AddDays(1), 2, null).Select(v => v.DueOn));
        Assert.Equal(dates[1], plan.NextAfter(dates[0], null));
    }

    [Fact]
    public void A_contract_plan_stops_at_the_contract_end_and_at_an_early_termination()
    {
        var contract = MaintenanceContract.Sign(Guid.NewGuid(), "WB-TEST", Customer,
            new MaintenanceContractTerms("维保合同", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 12_000m, "季度巡检", [Guid.NewGuid()]), Planner, On(2026, 1, 1));
        var plan = MaintenancePlan.Create(Guid.NewGuid(), "WP-C", Customer, contract, (contract.CoveredAssetIds[0], "EQ-C"),
            new MaintenancePlanTerms(MaintenancePlanKind.QuarterlyInspection, null, null, new DateOnly(2026, 1, 15), null, ["巡检"]), Planner, On(2026, 1, 2));
        Assert.Equal((3, new DateOnly(2026, 12, 31)), (plan.IntervalMonths, plan.EndsOn!.Value));
        Assert.Equal(4, plan.DueThrough(new DateOnly(2027, 12, 31), contract).Count);
        Assert.Null(plan.NextAfter(new DateOnly(2026, 10, 15), contract));
        Assert.Equal(MaintenanceContractStatus.Active, contract.StatusOn(new DateOnly(2026, 6, 1)));
        Assert.Equal(MaintenanceContractStatus.Expired, contract.StatusOn(new DateOnly(2027, 1, 1)));

        contract.Terminate(Planner, "客户解约", On(2026, 5, 20));
        Assert.Equal(MaintenanceContractStatus.Terminated, contract.StatusOn(new DateOnly(2026, 6, 1)));
        Assert.Equal([new DateOnly(2026, 1, 15), new DateOnly(2026, 4, 15)], plan.DueThrough(new DateOnly(2027, 12, 31), contract).Select(v => v.DueOn));
        var refused = Assert.Throws<WorkflowRuleViolation>(() => MaintenancePlan.Create(Guid.NewGuid(), "WP-X", Customer, contract, null,
            new MaintenancePlanTerms(MaintenancePlanKind.YearlyMaintenance, null, null, new DateOnly(2026, 6, 1), null, ["保养"]), Planner, On(2026, 5, 21)));
        Assert.Equal("R-MNT-1", refused.RuleId);
    }

    [Theory]
    [InlineData("2026-11-26", "2026-12-01")] // Thu → Fri, Mon, Tue: the weekend does not count
    [InlineData("2026-09-30", "2026-10-10")] // 国庆 1–7 Oct off; Thu 8, Fri 9, and Sat 10 is a 调休 working day
    [InlineData("2026-02-12", "2026-02-24")] // Fri 13, Sat 14 (调休), 春节 15–23 off, Tue 24
    [InlineData("2025-12-31", "2026-01-06")] // 元旦 1–3 Jan off, Sun 4 Jan 调休, Mon 5, Tue 6
    public void The_report_is_due_on_the_third_working_day_after_the_visit_on_cn_9_18(string visited, string due) =>
        Assert.Equal(DateOnly.Parse(due), MaintenanceVisit.ReportDueFor(DateOnly.Parse(visited), WorkingCalendars.Cn918));

    [Fact]
    public void A_report_covers_every_item_is_met_on_the_due_day_late_after_it_and_filed_once()
    {
        var plan = Plan(new DateOnly(2026, 9, 30), 3);
        var visit = MaintenanceVisit.Generate(Guid.NewGuid(), plan, 1, new DateOnly(2026, 9, 30), Guid.NewGuid(), "SR-1", Guid.NewGuid(), "GD-1", On(2026, 9, 16));

        // The reminder window opens 7 days ahead (R-RV-2).
        Assert.False(visit.IsReminderDue(new DateOnly(2026, 9, 22)));
        Assert.True(visit.IsReminderDue(new DateOnly(2026, 9, 23)));
        visit.MarkReminded(On(2026, 9, 23));
        Assert.False(visit.IsReminderDue(new DateOnly(2026, 9, 24)));

        var input = new MaintenanceReportInput(new DateOnly(2026, 9, 30),
            [new("主轴润滑", InspectionItemResult.Ok, null), new("导轨清洁", InspectionItemResult.NeedsFollowUp, null)], "导轨有划痕", null);
        Assert.Equal("items[1].note", Assert.Throws<InvalidInput>(() => visit.FileReport(Engineer, plan, input, null, WorkingCalendars.Cn918, On(2026, 10, 10))).Field);
        var customer = new Actor(Guid.NewGuid(), "张伟", Roles.CustomerUser, Customer, PartyKind.Customer, new HashSet<string> { Permissions.RequestsExecute });
        Assert.Throws<ActionNotPermitted>(() => visit.FileReport(customer, plan, input, null, WorkingCalendars.Cn918, On(2026, 10, 10)));

        var complete = input with { Items = [new("主轴润滑", InspectionItemResult.Ok, null), new("导轨清洁", InspectionItemResult.NeedsFollowUp, "下次更换导轨护板")] };
        visit.FileReport(Engineer, plan, complete, new DateOnly(2026, 12, 30), WorkingCalendars.Cn918, On(2026, 10, 10, 17));
        Assert.Equal((new DateOnly(2026, 10, 10), true, new DateOnly(2026, 12, 30)), (visit.ReportDueOn!.Value, visit.ReportOnTime!.Value, visit.NextDueOn!.Value));
        Assert.Throws<TransitionRefused>(() => visit.FileReport(Engineer, plan, complete, null, WorkingCalendars.Cn918, On(2026, 10, 11)));

        var late = MaintenanceVisit.Generate(Guid.NewGuid(), plan, 2, new DateOnly(2026, 12, 30), Guid.NewGuid(), "SR-2", Guid.NewGuid(), "GD-2", On(2026, 12, 16));
        late.FileReport(Engineer, plan, complete with { VisitedOn = new DateOnly(2026, 9, 30).AddDays(90) }, null, WorkingCalendars.Cn918, On(2027, 1, 5));
        Assert.False(late.ReportOnTime);
    }

    [Fact]
    public void A_plan_needs_a_first_date_from_today_an_interval_of_1_to_24_months_and_items()
    {
        InvalidInput Refused(MaintenancePlanTerms terms) => Assert.Throws<InvalidInput>(() =>
            MaintenancePlan.Create(Guid.NewGuid(), "WP", Customer, null, (Guid.NewGuid(), "EQ"), terms, Planner, On(2026, 5, 1)));
        Assert.Equal("firstDueOn", Refused(new(MaintenancePlanKind.Consumables, null, 3, new DateOnly(2026, 4, 30), null, ["滤芯"])).Field);
        Assert.Equal("intervalMonths", Refused(new(MaintenancePlanKind.Consumables, null, 25, new DateOnly(2026, 5, 1), null, ["滤芯"])).Field);
        Assert.Equal("items", Refused(new(MaintenancePlanKind.Consumables, null, 3, new DateOnly(2026, 5, 1), null, [" "])).Field);
        Assert.Equal(12, MaintenancePlan.DefaultInterval(MaintenancePlanKind.YearlyMaintenance));
    }
}
