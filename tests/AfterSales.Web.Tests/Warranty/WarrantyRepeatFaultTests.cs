using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Warranty;

/// <summary>
/// The repeat-fault rule through the API (R-WTY-5). On its own database: once EQ-0101 is flagged, every later
/// in-warranty judgement on it has a free-service ground, which would hide the goodwill refusal other tests pin.
/// </summary>
public sealed class WarrantyRepeatFaultTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Requests = "/api/v1/service-requests";
    private readonly RequestFlow _flow = new(app);

    private static object Quote(string amount = "3000.00") =>
        new { lines = new[] { new { kind = "parts", description = "主板", quantity = 1, unitPrice = new { amount, currency = "CNY" } } } };

    private static object Plan => new { mode = "onSite", scheduledAt = "2026-11-24T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "上门更换主板" };

    private async Task<ServiceRequestView> ReceivedAsync(string orderNumber, string serial, string type)
    {
        var request = await _flow.CreateAsync(body: RequestFlow.NewRequestBody(orderNumber, serial, type), withCertificate: false);
        return await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "初步分析" });
    }

    [Fact]
    public async Task The_same_fault_twice_within_a_month_flags_the_asset_and_lets_the_second_be_free()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var first = await ReceivedAsync("PO-2025-0007", "EQ-0101", "paidRepair");
        await agent.ActAsync(first.Id, "judge", new { responsibility = "humanDamage", outcome = "paid", quote = Quote(), exclusion = "expired", faultCode = "SPINDLE-OT" });
        Assert.False((await agent.GetAsync<AssetWarrantyDetail>("/api/v1/assets/EQ-0101/warranty")).Decision.FreeReplacementEligible);

        var second = await ReceivedAsync("PO-2025-0007", "EQ-0101", "paidRepair");
        var judged = await agent.ActAsync(second.Id, "judge", new { responsibility = "quality", outcome = "inWarranty", plan = Plan, faultCode = "spindle-ot" });

        Assert.Equal(ServiceRequestStatus.Planned, judged.Status);
        var basis = (await agent.GetAsync<RequestWarrantyView>($"{Requests}/{second.Id}/warranty")).Judgement!;
        Assert.Equal(FreeServiceGround.RepeatFault, basis.Ground);
        var asset = await (await App.ClientForAsync("customer")).GetAsync<AssetWarrantyDetail>("/api/v1/assets/EQ-0101/warranty");
        Assert.True(asset.Decision.FreeReplacementEligible);
        var repeat = Assert.Single(asset.Decision.RepeatFaults, r => r.FaultCode == "SPINDLE-OT");
        Assert.Equal(2, repeat.Count);
        Assert.Contains("R-WTY-5", asset.Decision.Basis);

        // The asset list shows the same decision as the warranty page, repeat fault included.
        var listed = Assert.Single((await (await App.ClientForAsync("customer")).GetAsync<Page<AssetView>>("/api/v1/assets?q=EQ-0101")).Items);
        Assert.Contains("R-WTY-5", listed.Warranty.Basis);
    }
}
