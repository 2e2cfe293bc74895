using System.Net;
using AfterSales.Domain.Maintenance;
using AfterSales.Web.Features.Maintenance;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Maintenance;

/// <summary>
/// 维保合同 (R-MNT-1): signed by the supplier for its customer's assets after warranty, with period, fee and content; refused
/// input names its field; a plan without a contract needs an asset under warranty; the ledger pages.
/// </summary>
public sealed class MaintenanceContractTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_contract_is_signed_for_the_customers_assets_validated_by_field_and_listed_in_pages()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var demo = await agent.DemoContractAsync();
        Assert.Equal(("有效", 24_000m, "苏州恒达制造有限公司"), (demo.StatusText, demo.FeeCny, demo.CustomerName));
        var today = App.Today();
        object Body(decimal fee, string? content = "每季度巡检", DateOnly? ends = null, Guid[]? assets = null) => new
        {
            customerId = demo.CustomerId, title = "二期设备维保合同", startsOn = today.ToString("yyyy-MM-dd"), endsOn = (ends ?? today.AddYears(1)).ToString("yyyy-MM-dd"),
            feeCny = fee, serviceContent = content, coveredAssetIds = assets ?? [demo.CoveredAssets[0].Id],
        };

        await (await agent.PostJsonAsync("/api/v1/maintenance-contracts", Body(100.001m))).NamesFieldAsync("feeCny");
        await (await agent.PostJsonAsync("/api/v1/maintenance-contracts", Body(100m, content: " "))).NamesFieldAsync("serviceContent");
        await (await agent.PostJsonAsync("/api/v1/maintenance-contracts", Body(100m, ends: today.AddDays(-1)))).NamesFieldAsync("endsOn");
        await (await agent.PostJsonAsync("/api/v1/maintenance-contracts", Body(100m, assets: []))).NamesFieldAsync("coveredAssetIds");
        await (await agent.PostJsonAsync("/api/v1/maintenance-contracts", Body(100m, assets: [Guid.NewGuid()]))).NamesFieldAsync("coveredAssetIds");
        var customer = await App.ClientForAsync("customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostJsonAsync("/api/v1/maintenance-contracts", Body(100m))).StatusCode);

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        agent = await App.ClientForAsync("supplier.agent");
        var signed = await (await agent.PostJsonAsync("/api/v1/maintenance-contracts", Body(18_800.50m))).ReadAsync<MaintenanceContractView>(HttpStatusCode.Created);
        Assert.Matches(@"^WB-\d{4}-\d{6}$", signed.Number);
        Assert.Equal((MaintenanceContractStatus.Active, 18_800.50m, "EQ-0101"), (signed.Status, signed.FeeCny, signed.CoveredAssets[0].Serial));

        // Pages of one, newest first; the customer sees both, another customer neither.
        var first = await agent.GetAsync<Page<MaintenanceContractView>>("/api/v1/maintenance-contracts?page[size]=1");
        Assert.Equal(signed.Id, Assert.Single(first.Items).Id);
        var second = await agent.GetAsync<Page<MaintenanceContractView>>($"/api/v1/maintenance-contracts?page[size]=1&page[after]={first.Next}");
        Assert.Equal(demo.Id, Assert.Single(second.Items).Id);
        await (await agent.GetAsync("/api/v1/maintenance-contracts?page[size]=0", Ct)).NamesFieldAsync("page[size]");
        Assert.Equal(2, (await customer.GetAsync<Page<MaintenanceContractView>>("/api/v1/maintenance-contracts")).Items.Count);
        Assert.Empty((await (await App.ClientForAsync("customer2")).GetAsync<Page<MaintenanceContractView>>("/api/v1/maintenance-contracts")).Items);

        // Terminated with a reason: no new plan under it (R-MNT-1).
        var ended = await (await agent.PostJsonAsync($"/api/v1/maintenance-contracts/{signed.Id}/terminate", new { reason = "客户提前解约" })).ReadAsync<MaintenanceContractView>();
        Assert.Equal("终止", ended.StatusText);
        var refused = await (await agent.PostJsonAsync("/api/v1/maintenance-plans", new
        {
            kind = "yearlyMaintenance", contractId = signed.Id, assetId = demo.CoveredAssets[0].Id, firstDueOn = today.AddDays(5).ToString("yyyy-MM-dd"), items = new[] { "整机保养" },
        })).NamesRuleAsync("R-MNT-1");
        Assert.Contains(signed.Number, refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_plan_without_a_contract_needs_an_asset_under_warranty_and_a_plan_item()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var eq0101 = (await agent.GetAsync<System.Text.Json.JsonElement>("/api/v1/assets/EQ-0101")).GetProperty("id").GetGuid();
        var eq0001 = (await agent.GetAsync<System.Text.Json.JsonElement>("/api/v1/assets/EQ-0001")).GetProperty("id").GetGuid();
        Guid AssetId(string serial) => serial == "EQ-0101" ? eq0101 : eq0001;
        var firstDue = App.Today().AddDays(10).ToString("yyyy-MM-dd");

        // EQ-0101's warranty has ended: a contract is needed first.
        await (await agent.PostJsonAsync("/api/v1/maintenance-plans", new { kind = "yearlyMaintenance", assetId = AssetId("EQ-0101"), firstDueOn = firstDue, items = new[] { "整机保养" } }))
            .NamesRuleAsync("R-MNT-1");
        await (await agent.PostJsonAsync("/api/v1/maintenance-plans", new { kind = "yearlyMaintenance", assetId = AssetId("EQ-0001"), firstDueOn = firstDue, items = Array.Empty<string>() }))
            .NamesFieldAsync("items");
        await (await agent.PostJsonAsync("/api/v1/maintenance-plans", new { kind = "consumables", assetId = AssetId("EQ-0001"), intervalMonths = 30, firstDueOn = firstDue, items = new[] { "更换滤芯" } }))
            .NamesFieldAsync("intervalMonths");

        // EQ-0001 is under warranty: the free quarterly preventive maintenance (seed 001) needs no contract.
        var plan = await (await agent.PostJsonAsync("/api/v1/maintenance-plans", new { kind = "consumables", assetId = AssetId("EQ-0001"), firstDueOn = firstDue, items = new[] { "更换滤芯" } }))
            .ReadAsync<MaintenancePlanView>(HttpStatusCode.Created);
        Assert.Equal(("耗材更换", 3, (Guid?)null, "EQ-0001"), (plan.KindText, plan.IntervalMonths, plan.ContractId, plan.AssetSerial));
    }
}
