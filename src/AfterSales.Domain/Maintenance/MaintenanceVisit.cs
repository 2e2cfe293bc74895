using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Maintenance;

/// <summary>检查结果 of one plan item in the report (R-EXE-3).</summary>
public enum InspectionItemResult
{
    /// <summary>正常</summary>
    Ok,

    /// <summary>已处理</summary>
    Fixed,

    /// <summary>需跟进</summary>
    NeedsFollowUp,
}

/// <summary>One line of the report: the plan's item, its result and a note.</summary>
public sealed record InspectionItem(string Item, InspectionItemResult Result, string? Note);

/// <summary>What the engineer writes in the inspection record and report.</summary>
public sealed record MaintenanceReportInput(
    DateOnly? VisitedOn,
    IReadOnlyList<InspectionItemInput> Items,
    string? Findings,
    DateOnly? NextDueOn);

public sealed record InspectionItemInput(string? Item, InspectionItemResult? Result, string? Note);

/// <summary>
/// 维保（巡检）记录: one visit of a plan on its due date, generated exactly once (unique plan + due date), with the inspection
/// work order it created, the 7-day reminder (R-RV-2) and the 保养/巡检报告 (R-EXE-3) that must follow the visit within
/// 3 working days (R-MNT-1).
/// </summary>
public sealed class MaintenanceVisit
{
    private List<InspectionItem> _items = [];

    private MaintenanceVisit()
    {
        PlanNumber = string.Empty;
        WorkOrderNumber = string.Empty;
        ServiceRequestNumber = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string PlanNumber { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid? AssetId { get; private set; }

    /// <summary>1 for the plan's first visit.</summary>
    public int Sequence { get; private set; }

    public DateOnly DueOn { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    public Guid WorkOrderId { get; private set; }

    public string WorkOrderNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When both sides were reminded (R-RV-2); set once.</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public DateOnly? VisitedOn { get; private set; }

    /// <summary>The last day the report may be filed: the 3rd working day after the visit (R-MNT-1).</summary>
    public DateOnly? ReportDueOn { get; private set; }

    public DateTimeOffset? ReportFiledAt { get; private set; }

    public string? ReportFiledBy { get; private set; }

    public bool? ReportOnTime { get; private set; }

    public IReadOnlyList<InspectionItem> ReportItems => _items;

    public string? Findings { get; private set; }

    /// <summary>下次维保日期 (R-EXE-3).</summary>
    public DateOnly? NextDueOn { get; private set; }

    public int Version { get; private set; }

    public bool HasReport => ReportFiledAt is not null;

    public static MaintenanceVisit Generate(Guid id, MaintenancePlan plan, int sequence, DateOnly dueOn, Guid requestId, string requestNumber,
        Guid workOrderId, string workOrderNumber, DateTimeOffset now) => new()
    {
        Id = id,
        PlanId = plan.Id,
        PlanNumber = plan.Number,
        CustomerId = plan.CustomerId,
        SupplierId = plan.SupplierId,
        AssetId = plan.AssetId,
        Sequence = sequence,
        DueOn = dueOn,
        ServiceRequestId = requestId,
        ServiceRequestNumber = requestNumber,
        WorkOrderId = workOrderId,
        WorkOrderNumber = workOrderNumber,
        CreatedAt = now,
    };

    /// <summary>R-RV-2: from 7 days before the due date until the visit is reported, if nobody was reminded yet.</summary>
    public bool IsReminderDue(DateOnly today) => RemindedAt is null && !HasReport && today >= DueOn.AddDays(-MaintenanceRules.ReminderDays);

    public void MarkReminded(DateTimeOffset now)
    {
        if (RemindedAt is not null)
        {
            throw new TransitionRefused("remind", "reminded", "已提醒过。");
        }

        RemindedAt = now;
        Version++;
    }

    /// <summary>报告期限 of a visit on <paramref name="visitedOn"/>: 3 working days on the supplier's calendar (R-MNT-1).</summary>
    public static DateOnly ReportDueFor(DateOnly visitedOn, WorkingCalendar calendar) =>
        MaintenanceRules.AddWorkingDays(visitedOn, MaintenanceRules.ReportWorkingDays, calendar);

    /// <summary>
    /// 提交保养/巡检报告 (R-EXE-3, R-MNT-1): every plan item with its result (a follow-up needs a note), the findings and the
    /// next date (the plan's next due date unless the engineer sets one). Filed once; on time when filed by the 3rd working
    /// day after the visit.
    /// </summary>
    public void FileReport(Actor by, MaintenancePlan plan, MaintenanceReportInput input, DateOnly? planNextDue, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (by.Party != PartyKind.Supplier || by.OrganizationId != SupplierId || !(by.Has(Permissions.RequestsExecute) || by.Has(Permissions.WorkOrdersDispatch)))
        {
            throw new ActionNotPermitted("fileReport", "只有本供应商的工程师或调度人员可以提交维保报告。");
        }

        if (HasReport)
        {
            throw new TransitionRefused("fileReport", "reported", $"第 {Sequence} 次维保的报告已于 {ServiceZone.ToLocal(ReportFiledAt!.Value):yyyy-MM-dd HH:mm} 提交。");
        }

        var today = ServiceZone.DateOf(now);
        InvalidInput.Require(input.VisitedOn is not null, "visitedOn", "请填写实际维保日期。");
        InvalidInput.Require(input.VisitedOn <= today, "visitedOn", "实际维保日期不能晚于今天。");
        InvalidInput.Require(input.VisitedOn >= DueOn.AddDays(-MaintenanceRules.GenerationLeadDays), "visitedOn", "实际维保日期过早，与本次计划日期不符。");
        var items = new List<InspectionItem>();
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var name = plan.Items[i];
            var given = input.Items.FirstOrDefault(x => string.Equals(x.Item?.Trim(), name, StringComparison.Ordinal));
            InvalidInput.Require(given?.Result is not null, $"items[{i}].result", $"请填写检查项目「{name}」的结果。");
            var note = InvalidInput.OptionalText(given!.Note, $"items[{i}].note", "说明", 500);
            InvalidInput.Require(given.Result != InspectionItemResult.NeedsFollowUp || note is not null, $"items[{i}].note", $"检查项目「{name}」需跟进，请写明原因。");
            items.Add(new InspectionItem(name, given.Result!.Value, note));
        }

        var unknown = input.Items.FirstOrDefault(x => x.Item is null || !plan.Items.Contains(x.Item.Trim()));
        InvalidInput.Require(unknown is null, "items", $"检查项目「{unknown?.Item}」不在本计划中。");
        var next = input.NextDueOn ?? planNextDue;
        InvalidInput.Require(next is null || next > input.VisitedOn, "nextDueOn", "下次维保日期须晚于本次维保日期。");

        VisitedOn = input.VisitedOn;
        _items = items;
        Findings = InvalidInput.Text(input.Findings, "findings", "发现的问题与处理情况", 2000);
        NextDueOn = next;
        ReportDueOn = ReportDueFor(input.VisitedOn!.Value, calendar);
        ReportFiledAt = now;
        ReportFiledBy = by.Name;
        ReportOnTime = today <= ReportDueOn;
        Version++;
    }
}
