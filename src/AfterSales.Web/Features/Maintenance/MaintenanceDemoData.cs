using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Maintenance;

/// <summary>
/// Demo maintenance (R-MNT-1): 华东精密 and 苏州恒达 signed a one-year maintenance contract for EQ-0101, whose warranty has
/// ended, with one quarterly inspection plan whose first visit is 10 days after seeding (so the first scheduled pass
/// generates it and reminds both sides 7 days ahead).
/// </summary>
public static class MaintenanceDemoData
{
    public static async Task SeedAsync(AppDbContext db, Guid supplierId, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.IgnoreQueryFilters().SingleAsync(a => a.Serial == "EQ-0101", cancellationToken);
        var today = ServiceZone.DateOf(now);
        var planner = new Actor(null, "赵丽", Roles.SupplierAgent, supplierId, PartyKind.Supplier, new HashSet<string> { Permissions.WorkOrdersDispatch });
        var contract = MaintenanceContract.Sign(Guid.CreateVersion7(now), $"WB-{today.Year}-D00001", customerId,
            new MaintenanceContractTerms("EQ-0101 立式加工中心年度维保合同", today.AddMonths(-1), today.AddMonths(11).AddDays(-1), 24_000m,
                "质保期满后的定期维护：每季度上门巡检一次，含主轴润滑、导轨清洁、电气柜检查；耗材按成本价供应。", [asset.Id]), planner, now);
        db.MaintenanceContracts.Add(contract);
        db.MaintenancePlans.Add(MaintenancePlan.Create(Guid.CreateVersion7(now), $"WP-{today.Year}-D00001", customerId, contract, (asset.Id, asset.Serial),
            new MaintenancePlanTerms(MaintenancePlanKind.QuarterlyInspection, "EQ-0101 季度巡检", 3, today.AddDays(10), null,
                ["主轴润滑", "导轨清洁", "电气柜检查", "冷却液液位"]), planner, now));
    }
}
