using AfterSales.Domain.Maintenance;

namespace AfterSales.Web.Features.Maintenance;

/// <summary>维保合同 as lists and pages show it; the status is the one of today in Asia/Shanghai.</summary>
public sealed record MaintenanceContractView(
    Guid Id,
    string Number,
    string Title,
    Guid CustomerId,
    string CustomerName,
    Guid SupplierId,
    string SupplierName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    decimal FeeCny,
    string ServiceContent,
    IReadOnlyList<CoveredAssetView> CoveredAssets,
    MaintenanceContractStatus Status,
    string StatusText,
    string? TerminationReason,
    DateTimeOffset CreatedAt,
    string CreatedBy);

public sealed record CoveredAssetView(Guid Id, string Serial);

/// <summary>维保计划 with its next visits (preview) and its generated visits.</summary>
public sealed record MaintenancePlanView(
    Guid Id,
    string Number,
    string Title,
    MaintenancePlanKind Kind,
    string KindText,
    Guid CustomerId,
    string CustomerName,
    Guid SupplierId,
    string SupplierName,
    Guid? ContractId,
    string? ContractNumber,
    Guid? AssetId,
    string? AssetSerial,
    int IntervalMonths,
    DateOnly FirstDueOn,
    DateOnly? EndsOn,
    IReadOnlyList<string> Items,
    MaintenancePlanStatus Status,
    string StatusText,
    string? EndReason,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<DateOnly> NextDueDates,
    bool MayEnd);

/// <summary>
/// 维保记录 with its report state (R-MNT-1): pending until the work is done; then due by the 3rd working day after the visit;
/// met or late once filed.
/// </summary>
public sealed record MaintenanceVisitView(
    Guid Id,
    Guid PlanId,
    string PlanNumber,
    string PlanTitle,
    MaintenancePlanKind Kind,
    string KindText,
    int Sequence,
    DateOnly DueOn,
    Guid CustomerId,
    string CustomerName,
    string SupplierName,
    string? AssetSerial,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    Guid WorkOrderId,
    string WorkOrderNumber,
    string WorkOrderStatusText,
    DateTimeOffset? RemindedAt,
    DateOnly? VisitedOn,
    DateOnly? ReportDueOn,
    string ReportState,
    string ReportStateText,
    DateTimeOffset? ReportFiledAt,
    string? ReportFiledBy,
    bool? ReportOnTime,
    IReadOnlyList<InspectionItemView> Items,
    IReadOnlyList<string> PlanItems,
    string? Findings,
    DateOnly? NextDueOn,
    bool MayFileReport);

public sealed record InspectionItemView(string Item, InspectionItemResult Result, string ResultText, string? Note);

/// <summary>What a generation pass did: visits created and reminders sent (each counted once).</summary>
public sealed record MaintenanceRunView(int VisitsGenerated, int VisitsReminded);

/// <summary>A visit the plan will make (the preview before anything is generated).</summary>
public sealed record UpcomingVisitView(Guid PlanId, string PlanNumber, string PlanTitle, string KindText, string CustomerName, string? AssetSerial, int Sequence, DateOnly DueOn, bool Generated);
