using AfterSales.Domain.Common;
using AfterSales.Domain.Loaners;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Loaners;

/// <summary>
/// 备用机 (R-EXE-7): only a unit in the pool is issued; it travels, is signed for, and comes back to the pool or to repair
/// once the original unit runs again; every move is on its history; the transition table refuses everything else.
/// </summary>
public sealed class LoanerUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Supplier = Guid.CreateVersion7();

    private static LoanerUnit Unit(LoanerCondition condition = LoanerCondition.Good) =>
        LoanerUnit.Register(Guid.CreateVersion7(), Supplier, "BYJ-001", "S-1", "VMC-850", "立式数控加工中心", "中型立加", condition, "苏州中心仓", "赵丽", null, Now);

    private static LoanerRequest Request(bool open = true, Guid? supplier = null) =>
        new(Guid.CreateVersion7(), "SR-2026-000001", supplier ?? Supplier, Guid.CreateVersion7(), "苏州恒达制造有限公司", "苏州 星湖街 328 号", open);

    [Fact]
    public void A_unit_goes_from_the_pool_to_the_customer_and_back_with_every_move_on_its_history()
    {
        var unit = Unit();
        var request = Request();
        var workOrder = Guid.CreateVersion7();
        unit.Issue(request, workOrder, "专车配送", "赵丽", null, Now.AddMinutes(5));
        Assert.Equal((LoanerLocation.InTransit, request.Id, "SR-2026-000001", workOrder, (DateTimeOffset?)Now.AddMinutes(5)),
            (unit.Location, unit.ServiceRequestId, unit.ServiceRequestNumber, unit.WorkOrderId, unit.IssuedAt));
        Assert.False(unit.IsAvailable);

        unit.Deliver("张工", null, "孙浩", null, Now.AddHours(2));
        Assert.Equal((LoanerLocation.AtCustomer, "张工", (DateTimeOffset?)Now.AddHours(2)), (unit.Location, unit.ReceivedBy, unit.DeliveredAt));

        unit.Reclaim(true, LoanerCondition.Worn, false, "外壳轻微划痕", "孙浩", null, Now.AddDays(2));
        Assert.Equal((LoanerLocation.InPool, LoanerCondition.Worn, (DateTimeOffset?)Now.AddDays(2), (Guid?)null),
            (unit.Location, unit.Condition, unit.ReturnedAt, unit.ServiceRequestId));
        Assert.True(unit.IsAvailable);

        Assert.Equal(["register", "issue", "deliver", "reclaim"], unit.Movements.Select(m => m.Action));
        Assert.Equal([1, 2, 3, 4], unit.Movements.Select(m => m.Sequence));
        var reclaim = unit.Movements[^1];
        Assert.Equal((LoanerLocation.AtCustomer, LoanerLocation.InPool, "SR-2026-000001", "孙浩"), (reclaim.From!.Value, reclaim.To, reclaim.ServiceRequestNumber, reclaim.ActorName));
        Assert.Contains("轻微磨损", reclaim.Note, StringComparison.Ordinal);
        Assert.Equal(4, unit.Version);
    }

    [Fact]
    public void Only_a_unit_in_the_pool_is_issued()
    {
        var unit = Unit();
        unit.Issue(Request(), null, null, "赵丽", null, Now);
        var refusal = Assert.Throws<WorkflowRuleViolation>(() => unit.Issue(Request(), null, null, "周杰", null, Now));
        Assert.Equal("R-EXE-7", refusal.RuleId);
        Assert.Contains("运送中", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("SR-2026-000001", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(2, unit.Movements.Count);
    }

    [Fact]
    public void A_damaged_unit_goes_to_repair_and_is_not_issued_until_repaired()
    {
        var unit = Unit();
        unit.Issue(Request(), null, null, "赵丽", null, Now);
        unit.Reclaim(true, LoanerCondition.Damaged, false, "主轴异响", "孙浩", null, Now.AddDays(1));
        Assert.Equal(LoanerLocation.UnderRepair, unit.Location);
        Assert.Equal("R-EXE-7", Assert.Throws<WorkflowRuleViolation>(() => unit.Issue(Request(), null, null, "赵丽", null, Now)).RuleId);

        unit.Repaired("更换主轴轴承", "孙浩", null, Now.AddDays(3));
        Assert.Equal((LoanerLocation.InPool, LoanerCondition.Good), (unit.Location, unit.Condition));
        unit.Issue(Request(), null, null, "赵丽", null, Now.AddDays(4));
        Assert.Equal(LoanerLocation.InTransit, unit.Location);
    }

    [Fact]
    public void Reclaiming_before_the_original_runs_again_is_refused_and_changes_nothing()
    {
        var unit = Unit();
        unit.Issue(Request(), null, null, "赵丽", null, Now);
        unit.Deliver("张工", null, "孙浩", null, Now);
        var refusal = Assert.Throws<WorkflowRuleViolation>(() => unit.Reclaim(false, LoanerCondition.Good, false, null, "孙浩", null, Now));
        Assert.Equal("R-EXE-7", refusal.RuleId);
        Assert.Contains("原设备尚未恢复运行", refusal.Message, StringComparison.Ordinal);
        Assert.Equal((LoanerLocation.AtCustomer, 3), (unit.Location, unit.Movements.Count));

        Assert.Equal("condition", Assert.Throws<InvalidInput>(() => unit.Reclaim(true, null, false, null, "孙浩", null, Now)).Field);
        Assert.Equal("note", Assert.Throws<InvalidInput>(() => unit.Reclaim(true, LoanerCondition.Worn, false, null, "孙浩", null, Now)).Field);
    }

    [Fact]
    public void A_closed_request_or_another_suppliers_request_gets_no_loaner()
    {
        var unit = Unit();
        Assert.Equal("R-EXE-7", Assert.Throws<WorkflowRuleViolation>(() => unit.Issue(Request(open: false), null, null, "赵丽", null, Now)).RuleId);
        Assert.Equal("requestId", Assert.Throws<InvalidInput>(() => unit.Issue(Request(supplier: Guid.CreateVersion7()), null, null, "赵丽", null, Now)).Field);
        Assert.Equal(LoanerLocation.InPool, unit.Location);
    }

    public static TheoryData<LoanerLocation, LoanerAction, bool> EveryPair()
    {
        var data = new TheoryData<LoanerLocation, LoanerAction, bool>();
        var allowed = new HashSet<(LoanerLocation, LoanerAction)>
        {
            (LoanerLocation.InPool, LoanerAction.Issue), (LoanerLocation.InTransit, LoanerAction.Deliver), (LoanerLocation.InTransit, LoanerAction.Reclaim),
            (LoanerLocation.AtCustomer, LoanerAction.Reclaim), (LoanerLocation.UnderRepair, LoanerAction.Repaired),
            (LoanerLocation.InPool, LoanerAction.Retire), (LoanerLocation.UnderRepair, LoanerAction.Retire),
        };
        foreach (var location in Enum.GetValues<LoanerLocation>())
        {
            foreach (var action in Enum.GetValues<LoanerAction>())
            {
                data.Add(location, action, allowed.Contains((location, action)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_transition_table_allows_exactly_the_moves_of_a_loaner(LoanerLocation location, LoanerAction action, bool allowed)
    {
        var unit = At(location);
        var before = unit.Movements.Count;
        var act = () =>
        {
            switch (action)
            {
                case LoanerAction.Issue: unit.Issue(Request(), null, null, "赵丽", null, Now); break;
                case LoanerAction.Deliver: unit.Deliver("张工", null, "孙浩", null, Now); break;
                case LoanerAction.Reclaim: unit.Reclaim(true, LoanerCondition.Good, false, null, "孙浩", null, Now); break;
                case LoanerAction.Repaired: unit.Repaired(null, "孙浩", null, Now); break;
                default: unit.Retire("老化", "周杰", null, Now); break;
            }
        };

        if (allowed)
        {
            act();
            Assert.Equal(before + 1, unit.Movements.Count);
        }
        else
        {
            Assert.ThrowsAny<WorkflowRuleViolation>(act);
            Assert.Equal((location, before), (unit.Location, unit.Movements.Count));
        }

        Assert.Equal(allowed, LoanerWorkflow.Allows(location, action));
    }

    [Theory]
    [InlineData(ServiceRequestStatus.InService, false)]
    [InlineData(ServiceRequestStatus.Reservice, false)]
    [InlineData(ServiceRequestStatus.Planned, false)]
    [InlineData(ServiceRequestStatus.PendingAcceptance, true)]
    [InlineData(ServiceRequestStatus.Accepted, true)]
    [InlineData(ServiceRequestStatus.Revisited, true)]
    public void The_original_counts_as_back_in_service_once_the_service_is_complete(ServiceRequestStatus status, bool back) =>
        Assert.Equal(back, LoanerRules.OriginalBackInService(status));

    [Fact]
    public void An_equivalent_unit_has_the_same_model_or_the_same_grade()
    {
        var unit = Unit();
        Assert.True(unit.IsEquivalentTo("vmc-850", new HashSet<string>()));
        Assert.True(unit.IsEquivalentTo("VMC-1000", new HashSet<string> { "中型立加" }));
        Assert.False(unit.IsEquivalentTo("PLC-200", new HashSet<string> { "控制器" }));
    }

    private static LoanerUnit At(LoanerLocation location)
    {
        var unit = Unit();
        switch (location)
        {
            case LoanerLocation.InTransit:
                unit.Issue(Request(), null, null, "赵丽", null, Now);
                break;
            case LoanerLocation.AtCustomer:
                unit.Issue(Request(), null, null, "赵丽", null, Now);
                unit.Deliver("张工", null, "孙浩", null, Now);
                break;
            case LoanerLocation.UnderRepair:
                unit.Issue(Request(), null, null, "赵丽", null, Now);
                unit.Reclaim(true, LoanerCondition.Good, true, null, "孙浩", null, Now);
                break;
            case LoanerLocation.Retired:
                unit.Retire("老化", "周杰", null, Now);
                break;
        }

        Assert.Equal(location, unit.Location);
        return unit;
    }
}
