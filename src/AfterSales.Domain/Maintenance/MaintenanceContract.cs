using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Maintenance;

/// <summary>维保合同状态: derived from the period and an early end, never stored apart from the end.</summary>
public enum MaintenanceContractStatus
{
    /// <summary>未生效: the period has not begun.</summary>
    NotStarted,

    /// <summary>有效</summary>
    Active,

    /// <summary>已到期</summary>
    Expired,

    /// <summary>已终止 (ended early by the supplier, with a reason)</summary>
    Terminated,
}

/// <summary>What the supplier writes when signing a maintenance contract.</summary>
public sealed record MaintenanceContractTerms(
    string? Title,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    decimal? FeeCny,
    string? ServiceContent,
    IReadOnlyList<Guid> CoveredAssetIds);

/// <summary>
/// 维保合同 (R-MNT-1, seed 004 "质保期满后,如业主要求,我司与业主签订定期维修保养合同"): a paid maintenance agreement
/// between a customer and a supplier after the warranty — covered assets, period, fee in CNY and the service content.
/// Plans of the contract generate visits only while it is active.
/// </summary>
public sealed class MaintenanceContract
{
    public const int MaxAssets = 200;

    private List<Guid> _coveredAssetIds = [];

    private MaintenanceContract()
    {
        Number = string.Empty;
        Title = string.Empty;
        ServiceContent = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>WB-2026-000001 (维保合同).</summary>
    public string Number { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    public string Title { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>Last day covered (inclusive).</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>合同金额 in CNY, to the fen.</summary>
    public decimal FeeCny { get; private set; }

    /// <summary>服务内容, e.g. "每季度巡检一次，每年保养一次，耗材按需更换".</summary>
    public string ServiceContent { get; private set; }

    public IReadOnlyList<Guid> CoveredAssetIds => _coveredAssetIds;

    public DateTimeOffset? TerminatedAt { get; private set; }

    public string? TerminationReason { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>签订维保合同: supplier staff who plan maintenance, for their own customers' assets.</summary>
    public static MaintenanceContract Sign(Guid id, string number, Guid customerId, MaintenanceContractTerms terms, Actor by, DateTimeOffset now)
    {
        MaintenanceRules.EnsurePlanner(by, "signContract");
        InvalidInput.Require(terms.StartsOn is not null, "startsOn", "请填写合同开始日期。");
        InvalidInput.Require(terms.EndsOn is not null, "endsOn", "请填写合同结束日期。");
        InvalidInput.Require(terms.EndsOn >= terms.StartsOn, "endsOn", "合同结束日期不能早于开始日期。");
        InvalidInput.Require(terms.EndsOn!.Value <= terms.StartsOn!.Value.AddYears(10), "endsOn", "合同期限最长 10 年。");
        InvalidInput.Require(terms.FeeCny is not null, "feeCny", "请填写合同金额。");
        InvalidInput.Require(terms.FeeCny >= 0 && terms.FeeCny <= 100_000_000m, "feeCny", "合同金额须在 0 至 1 亿元之间。");
        InvalidInput.Require(terms.FeeCny == Money.Money.Round(terms.FeeCny!.Value), "feeCny", "合同金额最多保留两位小数（分）。");
        var assets = terms.CoveredAssetIds.Distinct().ToList();
        InvalidInput.Require(assets.Count > 0, "coveredAssetIds", "请至少选择一台在保设备。");
        InvalidInput.Require(assets.Count <= MaxAssets, "coveredAssetIds", $"一份合同最多覆盖 {MaxAssets} 台设备。");
        return new MaintenanceContract
        {
            Id = id,
            Number = number,
            CustomerId = customerId,
            SupplierId = by.OrganizationId!.Value,
            Title = InvalidInput.Text(terms.Title, "title", "合同名称", 200),
            StartsOn = terms.StartsOn.Value,
            EndsOn = terms.EndsOn.Value,
            FeeCny = terms.FeeCny.Value,
            ServiceContent = InvalidInput.Text(terms.ServiceContent, "serviceContent", "服务内容", 2000),
            _coveredAssetIds = assets,
            CreatedAt = now,
            CreatedBy = by.Name,
            UpdatedAt = now,
        };
    }

    public MaintenanceContractStatus StatusOn(DateOnly today) =>
        TerminatedAt is not null ? MaintenanceContractStatus.Terminated
        : today < StartsOn ? MaintenanceContractStatus.NotStarted
        : today > EndsOn ? MaintenanceContractStatus.Expired
        : MaintenanceContractStatus.Active;

    /// <summary>Whether a visit due on <paramref name="date"/> falls under the contract (in its period, not terminated before).</summary>
    public bool CoversDate(DateOnly date) =>
        date >= StartsOn && date <= EndsOn && (TerminatedAt is not { } ended || date <= ServiceZone.DateOf(ended));

    public bool Covers(Guid assetId) => _coveredAssetIds.Contains(assetId);

    /// <summary>终止合同: ends it early; its plans generate no visit after today.</summary>
    public void Terminate(Actor by, string? reason, DateTimeOffset now)
    {
        MaintenanceRules.EnsurePlanner(by, "terminateContract", SupplierId);
        var status = StatusOn(ServiceZone.DateOf(now));
        if (status is MaintenanceContractStatus.Terminated or MaintenanceContractStatus.Expired)
        {
            throw new TransitionRefused("terminateContract", status.ToString(), $"合同已{MaintenanceNames.ContractStatus(status)}，不能终止。");
        }

        TerminationReason = InvalidInput.Text(reason, "reason", "终止原因", 500);
        TerminatedAt = now;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>Who may plan maintenance: the supplier's dispatchers (the plans generate work orders, R-MNT-1).</summary>
public static class MaintenanceRules
{
    /// <summary>Visits are generated this many days ahead of their due date, so the 7-day reminder (R-RV-2) finds them.</summary>
    public const int GenerationLeadDays = 14;

    /// <summary>R-RV-2: "按约定保养周期(如季度 / 年度),平台提前 7 日提醒客户与供应商预约保养服务".</summary>
    public const int ReminderDays = 7;

    /// <summary>R-MNT-1 (seed 004): "我方在巡检完成后三个工作日内提交巡检报告".</summary>
    public const int ReportWorkingDays = 3;

    public static void EnsurePlanner(Actor by, string action, Guid? supplierId = null)
    {
        if (by.Party != PartyKind.Supplier || !by.Has(Permissions.WorkOrdersDispatch) || by.OrganizationId is null
            || (supplierId is { } owner && by.OrganizationId != owner))
        {
            throw new ActionNotPermitted(action, "只有供应商的客服或经理可以管理维保合同与维保计划。");
        }
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="date"/> (the day itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly date, int days, Deadlines.WorkingCalendar calendar)
    {
        var day = date;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
