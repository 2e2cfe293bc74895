using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Maintenance;

/// <summary>维保计划类型 (R-MNT-1, R-RV-2).</summary>
public enum MaintenancePlanKind
{
    /// <summary>季度巡检 (seed 001 "质保期内每季度预防性维护")</summary>
    QuarterlyInspection,

    /// <summary>年度保养</summary>
    YearlyMaintenance,

    /// <summary>耗材更换 (seed 000 "每 3 个月更换滤芯")</summary>
    Consumables,
}

public enum MaintenancePlanStatus
{
    /// <summary>执行中</summary>
    Active,

    /// <summary>已结束</summary>
    Ended,
}

/// <summary>What the supplier writes when setting up a plan.</summary>
public sealed record MaintenancePlanTerms(
    MaintenancePlanKind? Kind,
    string? Title,
    int? IntervalMonths,
    DateOnly? FirstDueOn,
    DateOnly? EndsOn,
    IReadOnlyList<string> Items);

/// <summary>
/// 维保计划 (R-MNT-1, R-RV-2): periodic visits for one asset or for a customer — quarterly inspection, yearly maintenance,
/// consumables — every <see cref="IntervalMonths"/> from <see cref="FirstDueOn"/>, each with the items to check. Belongs to
/// a maintenance contract (after warranty) or, with no contract, to an asset under warranty.
/// </summary>
public sealed class MaintenancePlan
{
    public const int MaxItems = 30;

    private List<string> _items = [];

    private MaintenancePlan()
    {
        Number = string.Empty;
        Title = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>WP-2026-000001 (维保计划).</summary>
    public string Number { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid? ContractId { get; private set; }

    /// <summary>The one asset the plan is for; null for a customer-wide plan (all assets of its contract).</summary>
    public Guid? AssetId { get; private set; }

    public string? AssetSerial { get; private set; }

    public MaintenancePlanKind Kind { get; private set; }

    public string Title { get; private set; }

    public int IntervalMonths { get; private set; }

    public DateOnly FirstDueOn { get; private set; }

    /// <summary>Last day a visit may fall on (inclusive); the contract's end when the plan belongs to one.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>检查项目, in the order the report lists them.</summary>
    public IReadOnlyList<string> Items => _items;

    public MaintenancePlanStatus Status { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The interval a kind has unless the plan says otherwise.</summary>
    public static int DefaultInterval(MaintenancePlanKind kind) => kind switch
    {
        MaintenancePlanKind.QuarterlyInspection => 3,
        MaintenancePlanKind.YearlyMaintenance => 12,
        _ => 3,
    };

    /// <summary>
    /// 建立维保计划. With a contract the asset must be one it covers and the visits stay inside its period; without one the
    /// plan is for an asset under warranty (R-RV-2 "质保期内每季度预防性维护"), which the caller has checked.
    /// </summary>
    public static MaintenancePlan Create(Guid id, string number, Guid customerId, MaintenanceContract? contract, (Guid Id, string Serial)? asset,
        MaintenancePlanTerms terms, Actor by, DateTimeOffset now)
    {
        MaintenanceRules.EnsurePlanner(by, "createPlan");
        InvalidInput.Require(terms.Kind is not null, "kind", "请选择计划类型。");
        InvalidInput.Require(contract is not null || asset is not null, "assetId", "没有维保合同的计划须指定一台在保设备。");
        var today = ServiceZone.DateOf(now);
        InvalidInput.Require(terms.FirstDueOn is not null, "firstDueOn", "请填写首次维保日期。");
        InvalidInput.Require(terms.FirstDueOn >= today, "firstDueOn", "首次维保日期不能早于今天。");
        var interval = terms.IntervalMonths ?? DefaultInterval(terms.Kind!.Value);
        InvalidInput.Require(interval is >= 1 and <= 24, "intervalMonths", "维保间隔须在 1 至 24 个月之间。");
        var items = terms.Items.Select(i => i?.Trim() ?? string.Empty).Where(i => i.Length > 0).Distinct().ToList();
        InvalidInput.Require(items.Count > 0, "items", "请至少填写一个检查项目。");
        InvalidInput.Require(items.Count <= MaxItems, "items", $"检查项目最多 {MaxItems} 项。");
        InvalidInput.Require(items.All(i => i.Length <= 100), "items", "每个检查项目最多 100 个字。");
        var endsOn = terms.EndsOn;
        if (contract is not null)
        {
            InvalidInput.Require(contract.CustomerId == customerId, "contractId", "维保合同不属于该客户。");
            InvalidInput.Require(contract.SupplierId == by.OrganizationId, "contractId", "只能为本供应商的维保合同建立计划。");
            var status = contract.StatusOn(today);
            if (status is MaintenanceContractStatus.Expired or MaintenanceContractStatus.Terminated)
            {
                throw new WorkflowRuleViolation("R-MNT-1", $"维保合同 {contract.Number} 已{MaintenanceNames.ContractStatus(status)}，不能再建立计划。");
            }

            InvalidInput.Require(asset is null || contract.Covers(asset.Value.Id), "assetId", $"设备 {asset?.Serial} 不在维保合同 {contract.Number} 的覆盖范围内。");
            InvalidInput.Require(contract.CoversDate(terms.FirstDueOn!.Value), "firstDueOn",
                $"首次维保日期须在合同期内（{contract.StartsOn:yyyy-MM-dd} 至 {contract.EndsOn:yyyy-MM-dd}）。");
            endsOn = endsOn is { } e && e < contract.EndsOn ? e : contract.EndsOn;
        }

        InvalidInput.Require(endsOn is null || endsOn >= terms.FirstDueOn, "endsOn", "计划结束日期不能早于首次维保日期。");
        var plan = new MaintenancePlan
        {
            Id = id,
            Number = number,
            CustomerId = customerId,
            SupplierId = by.OrganizationId!.Value,
            ContractId = contract?.Id,
            AssetId = asset?.Id,
            AssetSerial = asset?.Serial,
            Kind = terms.Kind!.Value,
            Title = InvalidInput.OptionalText(terms.Title, "title", "计划名称", 200) ?? $"{MaintenanceNames.Kind(terms.Kind.Value)}{(asset is { } a ? $"（{a.Serial}）" : string.Empty)}",
            IntervalMonths = interval,
            FirstDueOn = terms.FirstDueOn!.Value,
            EndsOn = endsOn,
            _items = items,
            Status = MaintenancePlanStatus.Active,
            CreatedAt = now,
            CreatedBy = by.Name,
            UpdatedAt = now,
        };
        return plan;
    }

    /// <summary>
    /// The n-th visit's due date (0-based). Counted from the first date each time, so a plan starting on 31 January visits
    /// on 30 April, 31 July and 31 October rather than drifting to the 30th after the first short month.
    /// </summary>
    public DateOnly DueOn(int sequence) => FirstDueOn.AddMonths(sequence * IntervalMonths);

    /// <summary>The visits due from the first date through <paramref name="through"/> (inclusive) that the plan still makes.</summary>
    public IReadOnlyList<(int Sequence, DateOnly DueOn)> DueThrough(DateOnly through, MaintenanceContract? contract)
    {
        var visits = new List<(int, DateOnly)>();
        for (var n = 0; n < 1200; n++)
        {
            var due = DueOn(n);
            if (due > through || !Makes(due, contract))
            {
                break;
            }

            visits.Add((n + 1, due));
        }

        return visits;
    }

    /// <summary>The next <paramref name="count"/> visits due on or after <paramref name="from"/> (the preview).</summary>
    public IReadOnlyList<(int Sequence, DateOnly DueOn)> Upcoming(DateOnly from, int count, MaintenanceContract? contract)
    {
        var visits = new List<(int, DateOnly)>();
        for (var n = 0; n < 1200 && visits.Count < count; n++)
        {
            var due = DueOn(n);
            if (!Makes(due, contract))
            {
                break;
            }

            if (due >= from)
            {
                visits.Add((n + 1, due));
            }
        }

        return visits;
    }

    /// <summary>The due date that follows <paramref name="date"/> under the plan, if it still makes one (the report's next date, R-EXE-3).</summary>
    public DateOnly? NextAfter(DateOnly date, MaintenanceContract? contract) =>
        Upcoming(date.AddDays(1), 1, contract) is [var next] ? next.DueOn : null;

    /// <summary>A plan makes a visit on <paramref name="due"/> while active, before its end and inside its contract.</summary>
    public bool Makes(DateOnly due, MaintenanceContract? contract) =>
        (EndsOn is null || due <= EndsOn)
        && (EndedAt is not { } ended || due <= ServiceZone.DateOf(ended))
        && (contract is null || contract.CoversDate(due));

    /// <summary>结束计划: no visit is generated after today; visits already generated stay.</summary>
    public void End(Actor by, string? reason, DateTimeOffset now)
    {
        MaintenanceRules.EnsurePlanner(by, "endPlan", SupplierId);
        if (Status == MaintenancePlanStatus.Ended)
        {
            throw new TransitionRefused("endPlan", Status.ToString(), "维保计划已结束。");
        }

        EndReason = InvalidInput.Text(reason, "reason", "结束原因", 500);
        Status = MaintenancePlanStatus.Ended;
        EndedAt = now;
        UpdatedAt = now;
        Version++;
    }
}
