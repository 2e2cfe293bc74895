using System.Net;
using AfterSales.Domain.Assets;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Assets;

/// <summary>设备档案 (R-BLK-1): every event on the asset in time order, visible to its parties only; a product's installed base for its supplier.</summary>
public sealed class AssetHistoryTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly RequestFlow _flow = new(app);

    [Fact]
    public async Task The_archive_lists_request_judgement_work_part_acceptance_and_revisit_in_time_order()
    {
        var request = await _flow.ToAsync(ServiceRequestStatus.Revisited);
        var customer = await App.ClientForAsync("customer");

        var history = await customer.GetAsync<AssetHistoryView>("/api/v1/assets/EQ-0001/history");

        Assert.Equal("EQ-0001", history.Asset.Serial);
        var mine = history.Entries.Where(e => e.RequestId == request.Id).ToList();
        Assert.Equal(
            [ArchiveEntryKind.Request, ArchiveEntryKind.Judgement, ArchiveEntryKind.Work, ArchiveEntryKind.Part, ArchiveEntryKind.Acceptance, ArchiveEntryKind.Revisit],
            mine.Select(e => e.Kind));
        Assert.All(mine, e => Assert.Equal(request.Number, e.RequestNumber));
        Assert.Contains("主板", mine.Single(e => e.Kind == ArchiveEntryKind.Part).Summary, StringComparison.Ordinal);
        Assert.Equal(1, mine.Single(e => e.Kind == ArchiveEntryKind.Part).Quantity);
        Assert.Contains("质量问题", mine.Single(e => e.Kind == ArchiveEntryKind.Judgement).Summary, StringComparison.Ordinal);
        Assert.Equal(history.Entries.OrderBy(e => e.At).Select(e => e.At), history.Entries.Select(e => e.At));
        Assert.Contains(history.Requests, r => r.Number == request.Number);
        Assert.True(history.RepairsLast12Months >= 1);

        var supplier = await App.ClientForAsync("supplier.agent");
        Assert.Equal(history.Entries.Count, (await supplier.GetAsync<AssetHistoryView>("/api/v1/assets/EQ-0001/history")).Entries.Count);
    }

    [Theory]
    [InlineData("customer2", "EQ-0001")]
    [InlineData("supplier2.agent", "EQ-0001")]
    [InlineData("dealer", "EQ-0001")]
    [InlineData("customer", "EQ-0201")]
    [InlineData("customer", "MT-0001")]
    [InlineData("customer", "NO-SUCH-SERIAL")]
    public async Task Another_organisations_asset_archive_is_404(string user, string serial)
    {
        var client = await App.ClientForAsync(user);

        await (await client.GetAsync($"/api/v1/assets/{serial}/history", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dealer_reads_the_archive_of_the_units_it_sold()
    {
        var dealer = await App.ClientForAsync("dealer");

        var history = await dealer.GetAsync<AssetHistoryView>("/api/v1/assets/MT-0001/history");

        Assert.Equal("佛山顺德机电经销服务部", history.Asset.Dealer?.Name);
    }

    [Fact]
    public async Task The_installed_base_of_a_product_is_its_suppliers_and_counts_quantity_lines_as_units()
    {
        var supplier = await App.ClientForAsync("supplier.agent");
        var sensor = Assert.Single((await supplier.GetAsync<Page<ProductView>>("/api/v1/products?q=TS-10")).Items);

        var installed = await supplier.GetAsync<InstalledBaseView>($"/api/v1/products/{sensor.Id}/installed-base");

        var demo = Assert.Single(installed.Assets, a => a.Serial == "TS-0201");
        Assert.Equal((10, "宁波海川科技有限公司", "PO-2026-0003"), (demo.Quantity, demo.Customer.Name, demo.OrderNumber));
        Assert.Equal(installed.Assets.Sum(a => a.Quantity), installed.Units);

        await (await (await App.ClientForAsync("supplier2.agent")).GetAsync($"/api/v1/products/{sensor.Id}/installed-base", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.ClientForAsync("customer2")).GetAsync($"/api/v1/products/{sensor.Id}/installed-base", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>近 12 个月维修次数 with the fake clock: a repair filed exactly 12 months ago counts, one day more does not (own class: it moves the clock).</summary>
public sealed class AssetRepairCountTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_repair_counts_for_twelve_months_to_the_day()
    {
        async Task<int> CountAsync() => (await (await App.ClientForAsync("customer")).GetAsync<AssetHistoryView>("/api/v1/assets/EQ-0002/history")).RepairsLast12Months;
        var before = await CountAsync();
        await new RequestFlow(App).CreateAsync(body: RequestFlow.NewRequestBody(assetSerial: "EQ-0002"));

        Assert.Equal(before + 1, await CountAsync());

        // Filed 2026-11-23; on 2027-11-23 (365 days on, no 29 February between) it is exactly 12 months old and still counts.
        App.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(before + 1, await CountAsync());

        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(before, await CountAsync());
    }
}
