using AfterSales.Domain.Common;
using AfterSales.Web.Features.Maintenance;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Maintenance;

/// <summary>Shared steps of the maintenance tests (R-MNT-1, R-RV-2, R-EXE-3).</summary>
public static class MaintenanceCalls
{
    public static readonly string[] Items = ["主轴润滑", "导轨清洁", "电气柜检查"];

    public static DateOnly Today(this AfterSalesApp app) => ServiceZone.DateOf(app.Clock.GetUtcNow());

    /// <summary>The demo contract (华东精密 ↔ 苏州恒达, EQ-0101 after warranty), as the supplier sees it.</summary>
    public static async Task<MaintenanceContractView> DemoContractAsync(this HttpClient supplier) =>
        (await supplier.GetAsync<Page<MaintenanceContractView>>("/api/v1/maintenance-contracts")).Items.Single(c => c.CoveredAssets.Any(a => a.Serial == "EQ-0101"));

    /// <summary>A quarterly inspection of EQ-0101 under the demo contract, first due <paramref name="firstDueOn"/>.</summary>
    public static async Task<MaintenancePlanView> CreatePlanAsync(this HttpClient supplier, DateOnly firstDueOn, string title = "EQ-0101 季度巡检（测试）")
    {
        var contract = await supplier.DemoContractAsync();
        var response = await supplier.PostJsonAsync("/api/v1/maintenance-plans", new
        {
            kind = "quarterlyInspection",
            contractId = contract.Id,
            assetId = contract.CoveredAssets[0].Id,
            title,
            firstDueOn = firstDueOn.ToString("yyyy-MM-dd"),
            items = Items,
        });
        return await response.ReadAsync<MaintenancePlanView>(System.Net.HttpStatusCode.Created);
    }

    public static async Task<List<MaintenanceVisitView>> VisitsOfAsync(this HttpClient client, Guid planId) =>
        [.. (await client.GetAsync<Page<MaintenanceVisitView>>($"/api/v1/maintenance-plans/{planId}/visits")).Items];

    /// <summary>Moves the fake clock forward by whole days (never back).</summary>
    public static void AdvanceDays(this AfterSalesApp app, int days) => app.Clock.Advance(TimeSpan.FromDays(days));
}
