using AfterSales.Domain.Assets;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Domain.Tests.Assets;

/// <summary>设备档案 (R-BLK-1): the archive's events in time order and the 12-month repair count at its boundary.</summary>
public sealed class AssetArchiveTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(365, 1)] // 2027-11-23: exactly 12 months after filing, still counted
    [InlineData(366, 0)] // 2027-11-24: one day past
    public void A_repair_counts_for_twelve_months_to_the_day(int daysLater, int expected)
    {
        var repair = new RequestScenario(ServiceType.WarrantyRepair).Request;

        Assert.Equal(expected, AssetArchive.RepairsInLast12Months([repair], RequestScenario.Start.AddDays(daysLater)));
    }

    [Fact]
    public void Consultations_are_no_repairs_and_a_request_filed_later_than_now_is_not_counted()
    {
        var consultation = new RequestScenario(ServiceType.Consultation).Request;
        var paid = new RequestScenario(ServiceType.PaidRepair).Request;

        Assert.Equal(1, AssetArchive.RepairsInLast12Months([consultation, paid], RequestScenario.Start));
        Assert.Equal(0, AssetArchive.RepairsInLast12Months([paid], RequestScenario.Start.AddMinutes(-1)));
    }

    [Fact]
    public void The_entries_run_from_the_request_to_the_revisit_in_time_order()
    {
        var scenario = RequestScenario.In(ServiceRequestStatus.Revisited);

        var entries = AssetArchive.Entries([scenario.Request]);

        Assert.Equal(ArchiveEntryKind.Request, entries[0].Kind);
        Assert.Equal(ArchiveEntryKind.Revisit, entries[^1].Kind);
        Assert.Contains(entries, e => e.Kind == ArchiveEntryKind.Judgement);
        Assert.Contains(entries, e => e.Kind == ArchiveEntryKind.Work);
        Assert.Equal(entries.OrderBy(e => e.At).Select(e => e.At), entries.Select(e => e.At));
        Assert.All(entries, e => Assert.Equal(scenario.Request.Number, e.RequestNumber));
    }
}
