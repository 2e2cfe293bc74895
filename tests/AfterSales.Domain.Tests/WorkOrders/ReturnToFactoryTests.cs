using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using Xunit;
using static AfterSales.Domain.Tests.WorkOrders.WorkOrderFlowTests;

namespace AfterSales.Domain.Tests.WorkOrders;

/// <summary>
/// 返厂维修 (R-EXE-5) and 整机更换 (R-EXE-6): the stages happen in order, each on the work order's timeline; pickup is due
/// 24 h after the work order, the return 3 working days after receipt on cn-9-18 (a holiday does not count); a
/// replacement is dispatched only once a manager approved it.
/// </summary>
public sealed class ReturnToFactoryTests
{
    private static readonly Actor Manager = new(Guid.NewGuid(), "王经理", "supplierManager", SupplierOrg, PartyKind.Supplier,
        new HashSet<string> { Permissions.WorkOrdersDispatch, Permissions.WorkOrdersApproveReplacement });

    [Fact]
    public void Pickup_is_due_24_hours_after_the_work_order_and_booking_it_later_is_late()
    {
        var order = Created(WorkOrderKind.ReturnToFactory);
        var record = FactoryRepairRecord.Start(order);
        Assert.Equal(order.CreatedAt.AddHours(24), record.PickupDueAt);
        Assert.Equal(DueState.Running, record.PickupState(Now.AddHours(23)));
        Assert.Equal(DueState.Late, record.PickupState(Now.AddHours(24).AddMinutes(1)));

        record.BookPickup(order, Dispatcher, "顺丰速运", "SF100200300", Now.AddHours(25));

        Assert.Equal(DueState.Late, record.PickupState(Now.AddHours(30)));
        Assert.Contains("取件超时 1 小时 0 分钟", order.Entries[^1].Note);
        Assert.Equal("bookPickup", order.Entries[^1].Action);
    }

    [Fact]
    public void The_stages_run_in_order_and_the_last_completes_the_work_order()
    {
        var order = Created(WorkOrderKind.ReturnToFactory);
        var record = FactoryRepairRecord.Start(order);

        // Out of order: nothing can be received before it is picked up.
        var early = Assert.Throws<TransitionRefused>(() => record.ReceiveAtFactory(order, Dispatcher, null, Now, WorkingCalendars.Cn918));
        Assert.Contains("待安排取件", early.Message);
        Assert.Equal("carrier", Assert.Throws<InvalidInput>(() => record.BookPickup(order, Dispatcher, " ", "SF1", Now)).Field);
        Assert.Equal("trackingNumber", Assert.Throws<InvalidInput>(() => record.BookPickup(order, Dispatcher, "顺丰速运", null, Now)).Field);

        record.BookPickup(order, Dispatcher, "顺丰速运", "SF1", Now.AddHours(2));
        Assert.Equal(DueState.Met, record.PickupState(Now.AddDays(3)));
        Assert.Throws<TransitionRefused>(() => record.BookPickup(order, Dispatcher, "顺丰速运", "SF2", Now.AddHours(3)));
        record.ConfirmPickup(order, Dispatcher, null, Now.AddHours(5));
        record.ReceiveAtFactory(order, Dispatcher, "外观完好", Now.AddDays(1), WorkingCalendars.Cn918);
        Assert.Equal("repairWork", Assert.Throws<InvalidInput>(() => record.RecordRepair(order, Dispatcher, "", Now.AddDays(1))).Field);
        record.RecordRepair(order, Dispatcher, "更换主板", Now.AddDays(1).AddHours(2));

        // A failed test sends the unit back to repair; it cannot ship before a passed test.
        record.RecordTest(order, Dispatcher, "通电后仍报 E03", false, Now.AddDays(1).AddHours(3));
        Assert.Equal(FactoryRepairStage.AtFactory, record.Stage);
        var unshipped = Assert.Throws<TransitionRefused>(() => record.ShipBack(order, Dispatcher, "顺丰速运", "SF9", Now.AddDays(1).AddHours(4)));
        Assert.Contains("工厂已收货", unshipped.Message);
        record.RecordRepair(order, Dispatcher, "更换主板及电源模块", Now.AddDays(1).AddHours(5));
        Assert.Equal("passed", Assert.Throws<InvalidInput>(() => record.RecordTest(order, Dispatcher, "正常", null, Now)).Field);
        record.RecordTest(order, Dispatcher, "连续运行 4 小时无异常", true, Now.AddDays(1).AddHours(9));
        record.ShipBack(order, Dispatcher, "顺丰速运", "SF9", Now.AddDays(2));
        Assert.Equal(DueState.Met, record.ReturnState(Now.AddDays(10)));
        Assert.True(order.IsOpen);

        // Delivery is the customer's (or supplier staff's) to record; it completes the work order.
        record.ConfirmDelivery(order, Customer, "已签收，设备运行正常", Now.AddDays(3));
        Assert.Equal((FactoryRepairStage.Delivered, WorkOrderStatus.Done), (record.Stage, order.Status));
        Assert.Equal(
            ["create", "bookPickup", "confirmPickup", "receiveAtFactory", "recordRepair", "recordTest", "recordRepair", "recordTest", "shipBack", "confirmDelivery"],
            order.Entries.Select(e => e.Action));
        Assert.Equal((WorkOrderStatus.Created, WorkOrderStatus.Done), (order.Entries[^1].From!.Value, order.Entries[^1].To!.Value));
        Assert.Equal("客户签收", WorkOrderNames.Entry("confirmDelivery"));
    }

    [Fact]
    public void A_customer_or_an_engineer_not_assigned_may_not_record_factory_stages()
    {
        var order = Created(WorkOrderKind.ReturnToFactory);
        var record = FactoryRepairRecord.Start(order);
        Assert.Throws<ActionNotPermitted>(() => record.BookPickup(order, Customer, "顺丰速运", "SF1", Now));
        Assert.Throws<ActionNotPermitted>(() => record.BookPickup(order, OtherEngineer, "顺丰速运", "SF1", Now));
        Assert.Empty(record.AllowedActions(order, Customer));
        Assert.Equal(["bookPickup"], record.AllowedActions(order, Dispatcher));
    }

    [Fact]
    public void Return_is_due_3_working_days_after_receipt_counted_on_the_calendar()
    {
        var order = Created(WorkOrderKind.ReturnToFactory);
        var record = ToFactory(order, At(2026, 11, 27, 15)); // a Friday

        // Mon 30 Nov, Tue 1 Dec, Wed 2 Dec: the weekend does not count.
        Assert.Equal(At(2026, 12, 2, 15), record.ReturnDueAt);
        Assert.Contains("2026-12-02 15:00 前寄回", order.Entries[^1].Note);
    }

    [Fact]
    public void A_national_holiday_does_not_count_towards_the_3_working_days_and_a_make_up_saturday_does()
    {
        var order = Created(WorkOrderKind.ReturnToFactory);

        // Received Wed 30 Sep 2026: 1–7 Oct is the National Day holiday; Thu 8, Fri 9 and the make-up Saturday 10 Oct work.
        var record = ToFactory(order, At(2026, 9, 30, 10));
        Assert.Equal(At(2026, 10, 10, 10), record.ReturnDueAt);

        record.RecordRepair(order, Dispatcher, "更换主板", At(2026, 10, 8, 10));
        record.RecordTest(order, Dispatcher, "测试通过", true, At(2026, 10, 9, 10));
        record.ShipBack(order, Dispatcher, "顺丰速运", "SF7", At(2026, 10, 10, 11));
        Assert.Equal(DueState.Late, record.ReturnState(At(2026, 10, 12, 0)));
        Assert.Contains("寄回超时 1 小时 0 分钟", order.Entries[^1].Note);
    }

    [Fact]
    public void A_replacement_is_dispatched_only_after_a_manager_approved_it_and_its_stages_run_in_order()
    {
        var order = Created(WorkOrderKind.Replacement);
        var record = UnitReplacement.Start(order, Guid.NewGuid(), "EQ-0001");
        Assert.Equal("R-EXE-6", Assert.Throws<WorkflowRuleViolation>(() => UnitReplacement.EnsureMayDispatch(order, record)).RuleId);

        // A dispatcher without the approval permission may not approve.
        Assert.Throws<ActionNotPermitted>(() => record.Approve(order, Dispatcher, null, Now));
        Assert.Equal(["approveReplacement", "refuseReplacement"], UnitReplacement.AllowedActions(order, record, Manager));
        Assert.Throws<TransitionRefused>(() => record.RecordNewUnit(order, Dispatcher, "EQ-0001-R1", Now));

        record.Approve(order, Manager, "主板及机壳均损坏，维修成本过高", Now.AddHours(1));
        UnitReplacement.EnsureMayDispatch(order, record);
        Assert.Equal("newSerial", Assert.Throws<InvalidInput>(() => record.RecordNewUnit(order, Dispatcher, "新 机", Now)).Field);
        Assert.Equal("newSerial", Assert.Throws<InvalidInput>(() => record.RecordNewUnit(order, Dispatcher, "eq-0001", Now)).Field);
        record.RecordNewUnit(order, Dispatcher, "EQ-0001-R1", Now.AddHours(5));
        record.ShipFaultyUnit(order, Customer, "德邦物流", "DB123", Now.AddDays(1));
        Assert.Throws<ActionNotPermitted>(() => record.ReceiveFaultyUnit(order, Customer, null, Now.AddDays(2)));
        record.ReceiveFaultyUnit(order, Dispatcher, null, Now.AddDays(2));
        Assert.Equal("faultConfirmed", Assert.Throws<InvalidInput>(() => record.Inspect(order, Dispatcher, "主板烧毁", null, Now.AddDays(3))).Field);
        record.Inspect(order, Dispatcher, "主板电容击穿，确认为质量问题", true, Now.AddDays(3));

        Assert.Equal((ReplacementStage.Inspected, WorkOrderStatus.Done, "EQ-0001-R1"), (record.Stage, order.Status, record.NewSerial));
        Assert.Contains("替换 EQ-0001", order.Entries.Single(e => e.Action == "recordNewUnit").Note);
    }

    [Fact]
    public void A_refused_replacement_names_its_reason_cancels_the_work_order_and_takes_no_further_stage()
    {
        var order = Created(WorkOrderKind.Replacement);
        var record = UnitReplacement.Start(order, Guid.NewGuid(), "EQ-0001");

        Assert.Throws<ActionNotPermitted>(() => record.Refuse(order, Dispatcher, "不符合条件", Now));
        Assert.Equal("reason", Assert.Throws<InvalidInput>(() => record.Refuse(order, Manager, " ", Now)).Field);
        Assert.Equal(ReplacementStage.AwaitingApproval, record.Stage);

        record.Refuse(order, Manager, "控制板损坏，可返厂维修", Now.AddHours(1));
        Assert.Equal((ReplacementStage.Refused, WorkOrderStatus.Cancelled, "控制板损坏，可返厂维修"), (record.Stage, order.Status, record.RefusalReason));
        Assert.Equal(Now.AddHours(1), order.ClosedAt);
        Assert.Contains("经理驳回整机更换：控制板损坏", order.Entries[^1].Note);
        Assert.Empty(UnitReplacement.AllowedActions(order, record, Manager));
        Assert.Throws<TransitionRefused>(() => record.Approve(order, Manager, null, Now.AddHours(2)));
        Assert.Throws<TransitionRefused>(() => record.Refuse(order, Manager, "再次驳回", Now.AddHours(2)));
    }

    [Fact]
    public void Factory_stages_are_refused_on_another_kind_of_work_order()
    {
        var order = Created(WorkOrderKind.OnSite);
        Assert.Throws<TransitionRefused>(() => FactoryRepairRecord.Start(order));
        UnitReplacement.EnsureMayDispatch(order, null);
    }

    private static FactoryRepairRecord ToFactory(WorkOrder order, DateTimeOffset receivedAt)
    {
        var record = FactoryRepairRecord.Start(order);
        record.BookPickup(order, Dispatcher, "顺丰速运", "SF1", order.CreatedAt.AddHours(1));
        record.ConfirmPickup(order, Dispatcher, null, order.CreatedAt.AddHours(2));
        record.ReceiveAtFactory(order, Dispatcher, null, receivedAt, WorkingCalendars.Cn918);
        return record;
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
