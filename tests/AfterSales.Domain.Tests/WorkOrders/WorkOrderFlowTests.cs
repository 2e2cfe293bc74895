using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using Xunit;

namespace AfterSales.Domain.Tests.WorkOrders;

/// <summary>
/// The work order's one transition table (issue 6 §1): 已创建 → 已排期 → 已派工 → 执行中 → (待客户确认 →) 已完成, and 已取消
/// before the work starts. Every action is tried in every status: allowed where the flow says, refused (409) elsewhere.
/// </summary>
public sealed class WorkOrderFlowTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    internal static readonly Guid CustomerOrg = Guid.NewGuid();
    internal static readonly Guid SupplierOrg = Guid.NewGuid();
    internal static readonly Actor Dispatcher = Person("赵丽", SupplierOrg, PartyKind.Supplier, Permissions.WorkOrdersDispatch, Permissions.RequestsExecute);
    internal static readonly Actor Engineer = Person("孙浩", SupplierOrg, PartyKind.Supplier, Permissions.RequestsExecute);
    internal static readonly Actor OtherEngineer = Person("钱磊", SupplierOrg, PartyKind.Supplier, Permissions.RequestsExecute);
    internal static readonly Actor Customer = Person("张伟", CustomerOrg, PartyKind.Customer, Permissions.RequestsAcceptWork);

    public static TheoryData<WorkOrderAction, WorkOrderStatus, bool> Matrix()
    {
        var allowed = new Dictionary<WorkOrderAction, WorkOrderStatus[]>
        {
            [WorkOrderAction.Schedule] = [WorkOrderStatus.Created, WorkOrderStatus.Scheduled, WorkOrderStatus.Dispatched],
            [WorkOrderAction.Dispatch] = [WorkOrderStatus.Created, WorkOrderStatus.Scheduled, WorkOrderStatus.Dispatched],
            [WorkOrderAction.Authorize] = [WorkOrderStatus.Created, WorkOrderStatus.Scheduled, WorkOrderStatus.Dispatched],
            [WorkOrderAction.CheckIn] = [WorkOrderStatus.Dispatched],
            [WorkOrderAction.Record] = [WorkOrderStatus.InProgress],
            [WorkOrderAction.SignRepairSheet] = [WorkOrderStatus.InProgress],
            [WorkOrderAction.CheckOut] = [WorkOrderStatus.InProgress],
            [WorkOrderAction.Confirm] = [WorkOrderStatus.AwaitingConfirmation],
            [WorkOrderAction.Cancel] = [WorkOrderStatus.Created, WorkOrderStatus.Scheduled, WorkOrderStatus.Dispatched],
        };
        var data = new TheoryData<WorkOrderAction, WorkOrderStatus, bool>();
        foreach (var action in Enum.GetValues<WorkOrderAction>())
        {
            foreach (var status in Enum.GetValues<WorkOrderStatus>())
            {
                data.Add(action, status, allowed[action].Contains(status));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_action_is_allowed_only_in_the_statuses_of_the_table(WorkOrderAction action, WorkOrderStatus status, bool allowed)
    {
        var order = Reach(status);
        Assert.Equal(allowed, WorkOrderWorkflow.Allows(status, action));
        if (allowed)
        {
            var before = order.Entries.Count;
            Do(order, action);
            Assert.Equal(before + 1, order.Entries.Count);
        }
        else
        {
            var refused = Assert.Throws<TransitionRefused>(() => Do(order, action));
            Assert.Equal(status.ToString(), refused.CurrentStatus);
            Assert.Equal(status, order.Status);
        }
    }

    [Fact]
    public void Remote_work_goes_through_confirmation_and_on_site_work_is_done_at_check_out_with_a_signed_sheet()
    {
        var remote = Reach(WorkOrderStatus.AwaitingConfirmation);
        remote.Confirm(Customer, RemoteOutcome.Completed, null, Now);
        Assert.Equal((WorkOrderStatus.Done, Now), (remote.Status, remote.ClosedAt));

        var onSite = Created(WorkOrderKind.OnSite);
        onSite.Dispatch(Dispatcher, Profile(Engineer, "苏州"), Now);
        onSite.CheckIn(Engineer, null, Now);
        Assert.Equal("R-EXE-2", Assert.Throws<WorkflowRuleViolation>(() => onSite.CheckOut(Engineer, null, Now)).RuleId);
        onSite.SignRepairSheet(Engineer, "张工", Guid.NewGuid(), Now);
        onSite.CheckOut(Engineer, null, Now.AddHours(3));
        Assert.Equal((WorkOrderStatus.Done, Now.AddHours(3)), (onSite.Status, onSite.CheckedOutAt));
        Assert.Equal(["create", "dispatch", "checkIn", "signRepairSheet", "checkOut"], onSite.Entries.Select(e => e.Action));
    }

    [Fact]
    public void Field_actions_are_the_assigned_engineers_and_a_customer_may_not_plan_the_work()
    {
        var order = Created(WorkOrderKind.OnSite);
        Assert.Throws<ActionNotPermitted>(() => order.Dispatch(Engineer, Profile(Engineer, "苏州"), Now));
        Assert.Throws<ActionNotPermitted>(() => order.Cancel(Customer, "不需要了", Now));
        order.Dispatch(Dispatcher, Profile(Engineer, "苏州"), Now);
        Assert.Throws<ActionNotPermitted>(() => order.CheckIn(OtherEngineer, null, Now));
        Assert.False(order.CanDo(WorkOrderAction.CheckIn, OtherEngineer));
        Assert.True(order.CanDo(WorkOrderAction.CheckIn, Engineer));
        Assert.False(order.IsVisibleTo(OtherEngineer));
        Assert.True(order.IsVisibleTo(Engineer) && order.IsVisibleTo(Dispatcher) && order.IsVisibleTo(Customer));
    }

    [Fact]
    public void Remote_work_starts_only_after_the_customer_authorised_it_and_needs_follow_up_carries_the_customers_words()
    {
        var order = Created(WorkOrderKind.Remote);
        order.Dispatch(Dispatcher, Profile(Engineer, "苏州"), Now);
        Assert.Null(order.ArrivalDueAt);
        Assert.Equal("R-EXE-1", Assert.Throws<WorkflowRuleViolation>(() => order.CheckIn(Engineer, null, Now)).RuleId);
        Assert.Throws<ActionNotPermitted>(() => order.Authorize(Dispatcher, null, Now));
        order.Authorize(Customer, null, Now);
        order.CheckIn(Engineer, null, Now);
        order.RecordProgress(Engineer, new WorkOrderProgress(Step: "修改通讯超时参数", Parameter: "P-101", OldValue: "200ms", NewValue: "500ms"), Now);
        Assert.Equal("步骤：修改通讯超时参数；参数 P-101：200ms → 500ms", order.Entries[^1].Note);
        order.CheckOut(Engineer, null, Now);
        Assert.Throws<InvalidInput>(() => order.Confirm(Customer, RemoteOutcome.NeedsFollowUp, null, Now));
        order.Confirm(Customer, RemoteOutcome.NeedsFollowUp, "偶发中断", Now);
        var plan = order.FollowUpPlan();
        Assert.Equal(WorkOrderKind.Remote, plan.Kind);
        Assert.Contains("偶发中断", plan.Summary);
    }

    [Fact]
    public void Open_work_orders_refuse_the_requests_completion_and_done_or_cancelled_ones_do_not()
    {
        WorkOrderRules.EnsureNoneOpen([("GD-2026-000001", WorkOrderStatus.Done), ("GD-2026-000002", WorkOrderStatus.Cancelled)]);
        var refused = Assert.Throws<WorkflowRuleViolation>(() =>
            WorkOrderRules.EnsureNoneOpen([("GD-2026-000001", WorkOrderStatus.Done), ("GD-2026-000003", WorkOrderStatus.AwaitingConfirmation)]));
        Assert.Equal("R-WO-1", refused.RuleId);
        Assert.Contains("GD-2026-000003（待客户确认）", refused.Message);
        Assert.DoesNotContain("GD-2026-000001", refused.Message);
    }

    internal static WorkOrder Created(WorkOrderKind kind, CertificateType? certificate = null, string? skill = null) =>
        WorkOrder.Create(Guid.NewGuid(), "GD-2026-000001",
            new WorkOrderRequest(Guid.NewGuid(), "SR-2026-000001", ServiceRequestStatus.InService, CustomerOrg, SupplierOrg, null, "苏州", "苏州工业园区星湖街 328 号"),
            new WorkOrderPlan(kind, "更换主轴编码器", skill, certificate, null, null, null, null), Dispatcher, Now);

    internal static EngineerProfile Profile(Actor user, string city, string[]? skills = null, params QualificationCertificate[] certificates)
    {
        var profile = EngineerProfile.Create(user.UserId!.Value, SupplierOrg, user.Name, Dispatcher, Now);
        profile.Update(Dispatcher, city, "cn-9-18", skills ?? ["数控系统"], certificates, Now);
        return profile;
    }

    private static WorkOrder Reach(WorkOrderStatus status)
    {
        var order = Created(WorkOrderKind.Remote);
        switch (status)
        {
            case WorkOrderStatus.Created:
                return order;
            case WorkOrderStatus.Scheduled:
                order.Schedule(Dispatcher, Now.AddHours(1), Now.AddHours(2), "https://remote.example.cn/s/1", null, Now);
                return order;
            case WorkOrderStatus.Cancelled:
                order.Cancel(Dispatcher, "客户已自行修复", Now);
                return order;
        }

        order.Authorize(Customer, null, Now);
        order.Dispatch(Dispatcher, Profile(Engineer, "苏州"), Now);
        if (status == WorkOrderStatus.Dispatched)
        {
            return order;
        }

        order.CheckIn(Engineer, null, Now);
        if (status == WorkOrderStatus.InProgress)
        {
            return order;
        }

        order.CheckOut(Engineer, null, Now);
        if (status == WorkOrderStatus.Done)
        {
            order.Confirm(Customer, RemoteOutcome.Completed, null, Now);
        }

        Assert.Equal(status, order.Status);
        return order;
    }

    // A dispatcher may stand in for the field actions, so the table alone decides here (whose turn it is: see below).
    private static void Do(WorkOrder order, WorkOrderAction action)
    {
        switch (action)
        {
            case WorkOrderAction.Schedule: order.Schedule(Dispatcher, Now.AddHours(3), null, null, null, Now); break;
            case WorkOrderAction.Dispatch: order.Dispatch(Dispatcher, Profile(Engineer, "苏州"), Now); break;
            case WorkOrderAction.Authorize: order.Authorize(Customer, null, Now); break;
            case WorkOrderAction.CheckIn: order.CheckIn(Dispatcher, null, Now); break;
            case WorkOrderAction.Record: order.RecordProgress(Dispatcher, new WorkOrderProgress(Note: "已更换线缆"), Now); break;
            case WorkOrderAction.SignRepairSheet: order.SignRepairSheet(Dispatcher, "张工", Guid.NewGuid(), Now); break;
            case WorkOrderAction.CheckOut: order.CheckOut(Dispatcher, null, Now); break;
            case WorkOrderAction.Confirm: order.Confirm(Customer, RemoteOutcome.Completed, null, Now); break;
            default: order.Cancel(Dispatcher, "客户取消", Now); break;
        }
    }

    private static Actor Person(string name, Guid organization, PartyKind party, params string[] permissions) =>
        new(Guid.NewGuid(), name, "role", organization, party, permissions.ToHashSet());
}
