using AfterSales.Domain.Common;
using AfterSales.Domain.WorkOrders;
using Xunit;
using static AfterSales.Domain.Tests.WorkOrders.WorkOrderFlowTests;

namespace AfterSales.Domain.Tests.WorkOrders;

/// <summary>R-EXE-1 [000]: the agreed remote window avoids the customer's production peak, unless the customer agreed.</summary>
public sealed class ProductionPeakScheduleTests
{
    private const string Peaks = "08:00–11:30，13:30–17:00";
    private static readonly DateOnly Tomorrow = new(2026, 11, 24);

    [Fact]
    public void A_remote_window_in_the_peak_is_refused_naming_it_and_nothing_changes()
    {
        var order = Created(WorkOrderKind.Remote);

        var refused = Assert.Throws<WorkflowRuleViolation>(() => order.Schedule(Dispatcher, At(10), At(11), null, null, Now, Peaks));

        Assert.Equal("R-EXE-1", refused.RuleId);
        Assert.Contains("08:00–11:30", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkOrderStatus.Created, order.Status);
        Assert.Single(order.Entries);
    }

    [Fact]
    public void A_window_between_the_peaks_passes_and_an_agreed_overlap_is_on_the_timeline()
    {
        var order = Created(WorkOrderKind.Remote);
        order.Schedule(Dispatcher, At(11, 30), At(13, 30), null, null, Now, Peaks);
        Assert.Equal(WorkOrderStatus.Scheduled, order.Status);

        order.Schedule(Dispatcher, At(14), At(15), null, null, Now, Peaks, peakAgreed: true);
        Assert.Contains("与客户生产高峰时段 13:30–17:00 重叠，客户已同意", order.Entries[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_on_site_visit_is_not_held_to_the_remote_peak_rule()
    {
        var order = Created(WorkOrderKind.OnSite);
        order.Schedule(Dispatcher, At(10), At(12), null, null, Now, Peaks);
        Assert.Equal(WorkOrderStatus.Scheduled, order.Status);
    }

    private static DateTimeOffset At(int hour, int minute = 0) => ServiceZone.At(Tomorrow, new TimeOnly(hour, minute));
}
