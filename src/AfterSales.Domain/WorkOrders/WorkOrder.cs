using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.WorkOrders;

/// <summary>The service request a work order belongs to, with the asset's site and its 生产高峰时段 (R-EXE-1) when known.</summary>
public sealed record WorkOrderRequest(Guid Id, string Number, ServiceRequestStatus Status, Guid CustomerId, Guid SupplierId, Guid? DealerId, string? SiteCity, string? SiteAddress,
    string? ProductionPeaks = null);

/// <summary>What the dispatcher writes when creating a work order.</summary>
public sealed record WorkOrderPlan(
    WorkOrderKind Kind,
    string? Summary,
    string? RequiredSkill,
    CertificateType? RequiredCertificate,
    string? SiteAccess,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? ScheduledEnd,
    string? RemoteToolLink,
    bool PeakAgreed = false);

/// <summary>
/// 工单 (issue 6 §1): one execution of a service request — a remote session, an on-site visit, a shipment, a return to
/// factory, a replacement, a loaner or an inspection — with its own status (<see cref="WorkOrderWorkflow"/>), assignee,
/// schedule and timeline. A request may have several; it completes only when none is open (R-WO-1).
/// </summary>
public sealed partial class WorkOrder
{
    private readonly List<WorkOrderEntry> _entries = [];

    private WorkOrder()
    {
        Number = string.Empty;
        ServiceRequestNumber = string.Empty;
        Summary = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>GD-2026-000001 (工单), gap-free per year.</summary>
    public string Number { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid? DealerId { get; private set; }

    public WorkOrderKind Kind { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    public int Version { get; private set; }

    public string Summary { get; private set; }

    public string? RequiredSkill { get; private set; }

    /// <summary>The qualification the work needs (R-EXE-2: electrician, maintenance certification …).</summary>
    public CertificateType? RequiredCertificate { get; private set; }

    public string? SiteCity { get; private set; }

    public string? SiteAddress { get; private set; }

    /// <summary>现场准入要求 (R-EXE-2): badges, safety induction, PPE, escort.</summary>
    public string? SiteAccess { get; private set; }

    /// <summary>生产高峰时段 at the site as last read from the asset (R-EXE-1): remote windows avoid them unless the customer agreed.</summary>
    public string? SiteProductionPeaks { get; private set; }

    /// <summary>Start of the agreed window (remote) or the planned visit.</summary>
    public DateTimeOffset? ScheduledStart { get; private set; }

    public DateTimeOffset? ScheduledEnd { get; private set; }

    public Guid? AssigneeUserId { get; private set; }

    public string? AssigneeName { get; private set; }

    public string? AssigneeBaseCity { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>到场时限 (R-EXE-2): 24 h same city, 48 h other city, from creation.</summary>
    public DateTimeOffset? ArrivalDueAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    /// <summary>Minutes the engineer arrived after <see cref="ArrivalDueAt"/> (R-EXE-8), 0 when on time.</summary>
    public int? LateMinutes { get; private set; }

    /// <summary>远程工具链接 (R-EXE-1).</summary>
    public string? RemoteToolLink { get; private set; }

    public DateTimeOffset? AuthorizedAt { get; private set; }

    public string? AuthorizedBy { get; private set; }

    /// <summary>试机记录 (R-EXE-2): e.g. 2 h continuous operation.</summary>
    public decimal? TestRunHours { get; private set; }

    public string? TestRunResult { get; private set; }

    /// <summary>原因说明 (R-EXE-2).</summary>
    public string? Cause { get; private set; }

    /// <summary>预防措施 (R-EXE-2).</summary>
    public string? Prevention { get; private set; }

    /// <summary>维修单客户签字人 (R-EXE-2).</summary>
    public string? SignedBy { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>The signed repair sheet (image/png) among the request's attachments.</summary>
    public Guid? SignatureAttachmentId { get; private set; }

    public RemoteOutcome? Outcome { get; private set; }

    public string? ConfirmationNote { get; private set; }

    /// <summary>The remote work order this one follows up ("needs follow-up", R-EXE-1).</summary>
    public Guid? FollowUpOfId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<WorkOrderEntry> Entries => _entries;

    public bool IsOpen => WorkOrderWorkflow.IsOpen(Status);

    /// <summary>Arrived after the due instant (R-EXE-2), or still not arrived past it.</summary>
    public bool IsLate(DateTimeOffset now) =>
        LateMinutes is > 0 || (CheckedInAt is null && IsOpen && ArrivalDueAt is { } due && now > due);

    /// <summary>创建工单: supplier staff, under a request that is past intake and not finished.</summary>
    public static WorkOrder Create(Guid id, string number, WorkOrderRequest request, WorkOrderPlan plan, Actor by, DateTimeOffset now, Guid? followUpOf = null)
    {
        if (!by.Has(Permissions.WorkOrdersDispatch) || by.Party != PartyKind.Supplier || by.OrganizationId != request.SupplierId)
        {
            throw new ActionNotPermitted("createWorkOrder", "只有本售后单供应商的客服或经理可以创建工单。");
        }

        if (request.Status is not (ServiceRequestStatus.Planned or ServiceRequestStatus.InService or ServiceRequestStatus.Reservice
            or ServiceRequestStatus.QuotePending or ServiceRequestStatus.UnderAssessment or ServiceRequestStatus.Verifying))
        {
            throw new TransitionRefused("createWorkOrder", request.Status.ToString(), $"售后单当前状态为「{StatusNames.Chinese(request.Status)}」，不能创建工单。");
        }

        var order = new WorkOrder
        {
            Id = id,
            Number = number,
            ServiceRequestId = request.Id,
            ServiceRequestNumber = request.Number,
            CustomerId = request.CustomerId,
            SupplierId = request.SupplierId,
            DealerId = request.DealerId,
            Kind = plan.Kind,
            Status = WorkOrderStatus.Created,
            Summary = InvalidInput.Text(plan.Summary, "summary", "工作内容", 2000),
            RequiredSkill = InvalidInput.OptionalText(plan.RequiredSkill, "requiredSkill", "所需技能", 50),
            RequiredCertificate = plan.RequiredCertificate,
            SiteCity = request.SiteCity,
            SiteAddress = request.SiteAddress,
            SiteProductionPeaks = request.ProductionPeaks,
            SiteAccess = InvalidInput.OptionalText(plan.SiteAccess, "siteAccess", "现场准入要求", 1000),
            FollowUpOfId = followUpOf,
            CreatedAt = now,
            CreatedBy = by.Name,
            UpdatedAt = now,
        };
        order.SetWindow(plan.ScheduledStart, plan.ScheduledEnd, plan.RemoteToolLink);
        var peak = order.PeakNote(plan.PeakAgreed);
        order.Record(by, "create", null, WorkOrderStatus.Created, $"{WorkOrderNames.Kind(plan.Kind)}：{order.Summary}{peak}", now);
        return order;
    }

    /// <summary>排期 (R-EXE-1: the agreed remote window and the tool link; on site the planned visit).</summary>
    // sitePeaks: the site's production peaks as the asset records them now (read again at every scheduling);
    // peakAgreed: the customer agreed to a remote window inside its production peak (R-EXE-1).
    public void Schedule(Actor by, DateTimeOffset? start, DateTimeOffset? end, string? toolLink, string? siteAccess, DateTimeOffset now,
        string? sitePeaks = null, bool peakAgreed = false)
    {
        var target = EnsureAllowed(WorkOrderAction.Schedule, by);
        InvalidInput.Require(start is not null, "scheduledStart", "请填写开始时间。");
        SetWindow(start, end, toolLink ?? RemoteToolLink);
        if (siteAccess is not null)
        {
            SiteAccess = InvalidInput.OptionalText(siteAccess, "siteAccess", "现场准入要求", 1000);
        }

        SiteProductionPeaks = sitePeaks;
        var peak = PeakNote(peakAgreed);
        MoveTo(WorkOrderAction.Schedule, target == WorkOrderStatus.Dispatched ? WorkOrderStatus.Dispatched : WorkOrderStatus.Scheduled, by, WindowText() + peak, now);
    }

    /// <summary>
    /// 派工 (R-EXE-2): the engineer must hold a valid certificate of the type the work needs — an expired one is refused,
    /// naming it. On-site work gets its arrival deadline from the engineer's base city against the site's.
    /// </summary>
    public void Dispatch(Actor by, EngineerProfile engineer, DateTimeOffset now, ArrivalPromise? promise = null)
    {
        promise ??= ArrivalPromise.None;
        EnsureAllowed(WorkOrderAction.Dispatch, by);
        InvalidInput.Require(engineer.OrganizationId == SupplierId, "engineerUserId", "只能派给本供应商的工程师。");
        var today = ServiceZone.DateOf(now);
        if (RequiredCertificate is { } type)
        {
            var held = engineer.Certificates.Where(c => c.Type == type).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
            if (held is null)
            {
                throw new WorkflowRuleViolation("R-EXE-2", $"工程师{engineer.Name}没有{WorkOrderNames.Certificate(type)}，该工单需要此资质，不能派工。");
            }

            if (!held.IsValidOn(today))
            {
                throw new WorkflowRuleViolation("R-EXE-2",
                    $"工程师{engineer.Name}的{WorkOrderNames.Certificate(type)}（编号 {held.Number}）已于 {held.ExpiresOn:yyyy-MM-dd} 过期，该工单需要有效的此类资质，不能派工。");
            }
        }

        AssigneeUserId = engineer.UserId;
        AssigneeName = engineer.Name;
        AssigneeBaseCity = engineer.BaseCity;
        DispatchedAt = now;
        if (Kind != WorkOrderKind.Remote)
        {
            ArrivalDueAt = promise.DueAt(this, engineer.BaseCity);
        }

        var due = ArrivalDueAt is { } at ? $"，应于 {ServiceZone.ToLocal(at):yyyy-MM-dd HH:mm} 前到场（{promise.Describe(this, engineer.BaseCity)}）" : string.Empty;
        MoveTo(WorkOrderAction.Dispatch, WorkOrderStatus.Dispatched, by, $"派工给 {engineer.Name}（{engineer.BaseCity}）{due}", now);
    }

    /// <summary>
    /// 客户授权远程服务 (R-EXE-1, R-SEC-1): the customer allows the remote session; where the pair keeps a confidentiality
    /// agreement it must be in force.
    /// </summary>
    public void Authorize(Actor by, ConfidentialityAgreement? confidentiality, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.Authorize, by);
        RequireKind(WorkOrderKind.Remote, "authorize", "只有远程服务工单需要客户授权。");
        if (confidentiality is not null && !confidentiality.IsInForceOn(ServiceZone.DateOf(now)))
        {
            throw new WorkflowRuleViolation("R-SEC-1", $"{confidentiality.Describe()}已不在有效期内，请先续签后再授权远程服务。");
        }

        AuthorizedAt = now;
        AuthorizedBy = by.Name;
        Record(by, "authorize", null, null, confidentiality is null ? "客户已授权远程服务" : $"客户已授权远程服务（{confidentiality.Describe()}）", now);
    }

    /// <summary>签到 (R-EXE-2): arrival on site, or the start of the remote session; lateness against the arrival deadline is kept.</summary>
    public void CheckIn(Actor by, string? note, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.CheckIn, by);
        if (Kind == WorkOrderKind.Remote && AuthorizedAt is null)
        {
            throw new WorkflowRuleViolation("R-EXE-1", "远程服务开始前须由客户授权本次远程会话。");
        }

        CheckedInAt = now;
        var text = InvalidInput.OptionalText(note, "note", "备注", 1000);
        string? lateness = null;
        if (ArrivalDueAt is { } due)
        {
            LateMinutes = now > due ? (int)Math.Ceiling((now - due).TotalMinutes) : 0;
            lateness = LateMinutes > 0 ? $"迟到 {WorkOrderNames.Duration(LateMinutes.Value)}（应于 {ServiceZone.ToLocal(due):yyyy-MM-dd HH:mm} 前到场）" : "按时到场";
        }

        MoveTo(WorkOrderAction.CheckIn, WorkOrderStatus.InProgress, by, Join(Kind == WorkOrderKind.Remote ? "远程会话开始" : "到场签到", lateness, text), now);
    }

    /// <summary>
    /// 记录 (R-EXE-1, R-EXE-2): a note, a remote step with a parameter change, the test run, the cause and prevention.
    /// Each goes on the work order's timeline.
    /// </summary>
    public void RecordProgress(Actor by, WorkOrderProgress progress, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.Record, by);
        var parts = new List<string>();
        if (InvalidInput.OptionalText(progress.Note, "note", "备注", 2000) is { } note)
        {
            parts.Add(note);
        }

        if (InvalidInput.OptionalText(progress.Step, "step", "操作步骤", 1000) is { } step)
        {
            var parameter = InvalidInput.OptionalText(progress.Parameter, "parameter", "参数", 100);
            var change = parameter is null ? string.Empty
                : $"；参数 {parameter}：{InvalidInput.OptionalText(progress.OldValue, "oldValue", "原值", 100) ?? "—"} → {InvalidInput.OptionalText(progress.NewValue, "newValue", "新值", 100) ?? "—"}";
            parts.Add($"步骤：{step}{change}");
        }
        else
        {
            InvalidInput.Require(progress.Parameter is null, "step", "记录参数修改时请写明操作步骤。");
        }

        if (progress.TestRunHours is { } hours)
        {
            InvalidInput.Require(hours is > 0 and <= 720, "testRunHours", "试机时长须在 0–720 小时之间。");
            TestRunHours = hours;
            TestRunResult = InvalidInput.Text(progress.TestRunResult, "testRunResult", "试机结果", 500);
            parts.Add($"试机 {hours:0.##} 小时：{TestRunResult}");
        }

        if (InvalidInput.OptionalText(progress.Cause, "cause", "原因说明", 2000) is { } cause)
        {
            Cause = cause;
            parts.Add($"原因：{cause}");
        }

        if (InvalidInput.OptionalText(progress.Prevention, "prevention", "预防措施", 2000) is { } prevention)
        {
            Prevention = prevention;
            parts.Add($"预防：{prevention}");
        }

        InvalidInput.Require(parts.Count > 0, "note", "请填写要记录的内容。");
        Record(by, progress.Step is null ? "record" : "step", null, null, string.Join("；", parts), now);
    }

    /// <summary>维修单签字 (R-EXE-2): the customer's name and drawn signature, stored as an image attachment of the request.</summary>
    public void SignRepairSheet(Actor by, string? signerName, Guid attachmentId, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.SignRepairSheet, by);
        SignedBy = InvalidInput.Text(signerName, "signerName", "签字人", 50);
        SignedAt = now;
        SignatureAttachmentId = attachmentId;
        Record(by, "signRepairSheet", null, null, $"维修单已由客户 {SignedBy} 签字确认", now);
    }

    /// <summary>
    /// 签退 (R-EXE-2): on-site work ends here and needs the customer's signed repair sheet; remote work waits for the
    /// customer's confirmation (R-EXE-1).
    /// </summary>
    public void CheckOut(Actor by, string? note, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.CheckOut, by);
        if (Kind == WorkOrderKind.OnSite && SignatureAttachmentId is null)
        {
            throw new WorkflowRuleViolation("R-EXE-2", "上门服务签退前须由客户在维修单上签字。");
        }

        CheckedOutAt = now;
        var text = InvalidInput.OptionalText(note, "note", "备注", 1000);
        var onSite = CheckedInAt is { } start ? $"，历时 {WorkOrderNames.Duration((int)Math.Round((now - start).TotalMinutes))}" : string.Empty;
        MoveTo(WorkOrderAction.CheckOut, Kind == WorkOrderKind.Remote ? WorkOrderStatus.AwaitingConfirmation : WorkOrderStatus.Done, by,
            Join((Kind == WorkOrderKind.Remote ? "远程服务结束，待客户确认" : "签退") + onSite, text), now);
    }

    /// <summary>
    /// 远程服务确认 (R-EXE-1): the customer confirms "completed" or "needs follow-up"; the latter asks the caller to open a
    /// follow-up remote work order (<see cref="FollowUpPlan"/>).
    /// </summary>
    public void Confirm(Actor by, RemoteOutcome? outcome, string? note, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.Confirm, by);
        InvalidInput.Require(outcome is not null, "outcome", "请选择确认结果：已完成或需后续跟进。");
        var text = InvalidInput.OptionalText(note, "note", "说明", 1000);
        InvalidInput.Require(outcome == RemoteOutcome.Completed || text is not null, "note", "需后续跟进时请写明未解决的问题。");
        Outcome = outcome;
        ConfirmationNote = text;
        MoveTo(WorkOrderAction.Confirm, WorkOrderStatus.Done, by, Join($"客户确认：{WorkOrderNames.Outcome(outcome!.Value)}", text), now);
    }

    /// <summary>The follow-up a "needs follow-up" confirmation opens: remote again, same request, the customer's words.</summary>
    public WorkOrderPlan FollowUpPlan() =>
        new(WorkOrderKind.Remote, $"跟进 {Number}：{ConfirmationNote}", RequiredSkill, RequiredCertificate, null, null, null, RemoteToolLink);

    /// <summary>Notes that this work order was opened as <paramref name="followUp"/>'s follow-up.</summary>
    public void NoteFollowUp(WorkOrder followUp, DateTimeOffset now) =>
        Record(Actor.System, "followUpOpened", null, null, $"已创建后续跟进工单 {followUp.Number}", now);

    /// <summary>取消 before the work starts, with a reason.</summary>
    public void Cancel(Actor by, string? reason, DateTimeOffset now)
    {
        EnsureAllowed(WorkOrderAction.Cancel, by);
        MoveTo(WorkOrderAction.Cancel, WorkOrderStatus.Cancelled, by, InvalidInput.Text(reason, "reason", "取消原因", 1000), now);
    }

    /// <summary>Whether <paramref name="by"/> may take <paramref name="action"/> now (the pages' buttons; the verbs decide).</summary>
    public bool CanDo(WorkOrderAction action, Actor by) =>
        WorkOrderWorkflow.Allows(Status, action) && IsPartyAllowed(action, by)
        && (action != WorkOrderAction.Authorize || (Kind == WorkOrderKind.Remote && AuthorizedAt is null));

    /// <summary>Refuses <paramref name="action"/> as its verb would (403, then 409) — before the caller loads or stores anything for it.</summary>
    public void EnsureMay(WorkOrderAction action, Actor by) => EnsureAllowed(action, by);

    /// <summary>Supplier staff who dispatch see every work order of their supplier; an engineer only the ones assigned to them.</summary>
    public bool IsVisibleTo(Actor by) =>
        by.Party != PartyKind.Supplier || by.Has(Permissions.WorkOrdersDispatch) || AssigneeUserId == by.UserId;

    private bool IsPartyAllowed(WorkOrderAction action, Actor by)
    {
        if (by.Party == PartyKind.Platform || !by.Has(WorkOrderWorkflow.RequiredPermission[action]) || by.Party != WorkOrderWorkflow.Parties[action])
        {
            return false;
        }

        var organization = by.Party == PartyKind.Customer ? CustomerId : SupplierId;
        if (by.OrganizationId != organization)
        {
            return false;
        }

        // R-EXE-2: the field verbs are the assigned engineer's; a dispatcher of the supplier may stand in.
        return !WorkOrderWorkflow.IsFieldAction(action) || AssigneeUserId == by.UserId || by.Has(Permissions.WorkOrdersDispatch);
    }

    private WorkOrderStatus EnsureAllowed(WorkOrderAction action, Actor by)
    {
        if (!IsPartyAllowed(action, by))
        {
            throw new ActionNotPermitted(WorkOrderNames.ActionName(action), WorkOrderWorkflow.IsFieldAction(action)
                ? "只有该工单的派工工程师（或本供应商的调度人员）可以执行此操作。"
                : "您的角色不能执行此操作。");
        }

        if (!WorkOrderWorkflow.Transitions.TryGetValue((Status, action), out var targets))
        {
            throw new TransitionRefused(WorkOrderNames.ActionName(action), Status.ToString(),
                $"工单当前状态为「{WorkOrderNames.Status(Status)}」，不能执行「{WorkOrderNames.Action(action)}」。");
        }

        return targets[0];
    }

    private void RequireKind(WorkOrderKind kind, string action, string message)
    {
        if (Kind != kind)
        {
            throw new TransitionRefused(action, Status.ToString(), message);
        }
    }

    private void SetWindow(DateTimeOffset? start, DateTimeOffset? end, string? toolLink)
    {
        InvalidInput.Require(start is null || end is null || end > start, "scheduledEnd", "结束时间须晚于开始时间。");
        ScheduledStart = start;
        ScheduledEnd = end;
        var link = InvalidInput.OptionalText(toolLink, "remoteToolLink", "远程工具链接", 500);
        InvalidInput.Require(link is null || Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http",
            "remoteToolLink", "远程工具链接须为 http(s) 地址。");
        RemoteToolLink = link;
    }

    /// <summary>
    /// R-EXE-1 [000]: a remote window avoids the customer's production peak. One that touches it is refused, naming the
    /// peak, unless the customer agreed — then the timeline says so.
    /// </summary>
    private string PeakNote(bool agreed)
    {
        if (Kind != WorkOrderKind.Remote || ScheduledStart is not { } start || Assets.ProductionPeaks.Parse(SiteProductionPeaks) is not { } peaks)
        {
            return string.Empty;
        }

        var touched = peaks.Touched(start, ScheduledEnd);
        if (touched.Count == 0)
        {
            return string.Empty;
        }

        var periods = string.Join("，", touched);
        return agreed
            ? $"；与客户生产高峰时段 {periods} 重叠，客户已同意"
            : throw new WorkflowRuleViolation("R-EXE-1", $"约定的远程时段与客户生产高峰时段 {periods} 重叠。请避开高峰，或在客户同意后勾选“客户同意在高峰时段进行”。");
    }

    private string WindowText()
    {
        var window = ScheduledStart is { } s
            ? $"{ServiceZone.ToLocal(s):yyyy-MM-dd HH:mm}{(ScheduledEnd is { } e ? $" – {ServiceZone.ToLocal(e):HH:mm}" : string.Empty)}"
            : "未定";
        return Kind == WorkOrderKind.Remote
            ? $"约定远程时段：{window}{(RemoteToolLink is null ? string.Empty : $"；远程工具：{RemoteToolLink}")}"
            : $"计划时间：{window}";
    }

    private void MoveTo(WorkOrderAction action, WorkOrderStatus to, Actor by, string? note, DateTimeOffset now)
    {
        if (!WorkOrderWorkflow.Transitions.TryGetValue((Status, action), out var targets) || !targets.Contains(to))
        {
            throw new TransitionRefused(WorkOrderNames.ActionName(action), Status.ToString(),
                $"工单不能从「{WorkOrderNames.Status(Status)}」转为「{WorkOrderNames.Status(to)}」。");
        }

        var from = Status;
        Status = to;
        if (!WorkOrderWorkflow.IsOpen(to))
        {
            ClosedAt = now;
        }

        Record(by, WorkOrderNames.ActionName(action), from, to, note, now);
    }

    private void Record(Actor by, string action, WorkOrderStatus? from, WorkOrderStatus? to, string? note, DateTimeOffset now)
    {
        _entries.Add(new WorkOrderEntry(Guid.CreateVersion7(now), Id, _entries.Count + 1, now, by.UserId, by.Name, action, from, to, note));
        UpdatedAt = now;
        Version++;
    }

    private static string Join(params string?[] parts) => string.Join("；", parts.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>What a field record says (R-EXE-1 step and parameter log; R-EXE-2 test run, cause and prevention).</summary>
public sealed record WorkOrderProgress(
    string? Note = null,
    string? Step = null,
    string? Parameter = null,
    string? OldValue = null,
    string? NewValue = null,
    decimal? TestRunHours = null,
    string? TestRunResult = null,
    string? Cause = null,
    string? Prevention = null);

/// <summary>One entry of a work order's own timeline: what, who, when.</summary>
public sealed class WorkOrderEntry
{
    private WorkOrderEntry()
    {
        ActorName = string.Empty;
        Action = string.Empty;
    }

    public WorkOrderEntry(Guid id, Guid workOrderId, int sequence, DateTimeOffset at, Guid? actorUserId, string actorName, string action, WorkOrderStatus? from, WorkOrderStatus? to, string? note)
    {
        Id = id;
        WorkOrderId = workOrderId;
        Sequence = sequence;
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        From = from;
        To = to;
        Note = note is { Length: > 2000 } ? note[..2000] : note;
    }

    public Guid Id { get; private set; }

    public Guid WorkOrderId { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public string Action { get; private set; }

    public WorkOrderStatus? From { get; private set; }

    public WorkOrderStatus? To { get; private set; }

    public string? Note { get; private set; }
}
