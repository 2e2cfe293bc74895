namespace AfterSales.Domain.Maintenance;

/// <summary>The Chinese names users read for the maintenance vocabulary (docs/glossary.md).</summary>
public static class MaintenanceNames
{
    public static string Kind(MaintenancePlanKind kind) => kind switch
    {
        MaintenancePlanKind.QuarterlyInspection => "季度巡检",
        MaintenancePlanKind.YearlyMaintenance => "年度保养",
        _ => "耗材更换",
    };

    public static string ContractStatus(MaintenanceContractStatus status) => status switch
    {
        MaintenanceContractStatus.NotStarted => "未生效",
        MaintenanceContractStatus.Active => "有效",
        MaintenanceContractStatus.Expired => "到期",
        _ => "终止",
    };

    public static string PlanStatus(MaintenancePlanStatus status) => status == MaintenancePlanStatus.Active ? "执行中" : "已结束";

    public static string Result(InspectionItemResult result) => result switch
    {
        InspectionItemResult.Ok => "正常",
        InspectionItemResult.Fixed => "已处理",
        _ => "需跟进",
    };
}
