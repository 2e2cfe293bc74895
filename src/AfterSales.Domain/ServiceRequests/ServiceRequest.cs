using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.Policies;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>What a request's verbs read from outside the aggregate: its policy version and that policy's calendar.</summary>
public sealed record ServiceRules(PolicyFigures Policy, WorkingCalendar Calendar);

/// <summary>
/// 售后单: one after-sales case through 申请→处理→验收→归档. Owns its status, timeline, attachments and
/// deadlines; every change goes through a business verb that checks <see cref="ServiceRequestWorkflow"/>.
/// </summary>
public sealed partial class ServiceRequest
{
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<Attachment> _attachments = [];
    private readonly List<Deadline> _deadlines = [];
    private readonly List<DeadlineBreach> _breaches = [];
    private readonly List<LedgerEntry> _ledgerEntries = [];
    private readonly List<DeadlineAlert> _alerts = [];
    private List<AttachmentKind> _missingMaterials = [];
    private List<RejectionRecord> _rejections = [];

    private ServiceRequest()
    {
        Number = string.Empty;
        OrderNumber = string.Empty;
        Symptom = string.Empty;
        Contact = new ContactPerson(string.Empty, string.Empty);
    }

    public Guid Id { get; private set; }

    /// <summary>Human-readable number, e.g. SR-2026-000001.</summary>
    public string Number { get; private set; }

    public ServiceRequestStatus Status { get; private set; }

    public ServiceType Type { get; private set; }

    public RequestChannel Channel { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid? DealerId { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; }

    public Guid? AssetId { get; private set; }

    public string? AssetSerial { get; private set; }

    /// <summary>The policy version in force when the request was created (R-SLA-1).</summary>
    public Guid PolicyId { get; private set; }

    public int PolicyVersion { get; private set; }

    public string Symptom { get; private set; }

    public DateTimeOffset? OccurredAt { get; private set; }

    public string? Impact { get; private set; }

    public string? SelfChecks { get; private set; }

    public ServiceMode RequestedResolution { get; private set; }

    public Urgency Urgency { get; private set; }

    /// <summary>故障等级 (R-IN-8); the level deadlines take their targets from it.</summary>
    public FaultLevel? FaultLevel { get; private set; }

    /// <summary>服务等级 A/B/C (R-IN-8).</summary>
    public ServiceLevel? ServiceLevel { get; private set; }

    /// <summary>The order's amount when the request was filed: per-day penalties are a share of it (R-PEN-1).</summary>
    public Money.Money OrderAmount { get; private set; } = Money.Money.Zero();

    /// <summary>Since when an equivalent loaner is owed because a critical fault was not fixed in time (R-EXE-7).</summary>
    public DateTimeOffset? LoanerOwedSince { get; private set; }

    public ContactPerson Contact { get; private set; }

    /// <summary>The warranty decision made at intake, with its basis (R-WTY-1).</summary>
    public WarrantyDecision? Warranty { get; private set; }

    public IReadOnlyList<AttachmentKind> MissingMaterials => _missingMaterials;

    public string? IntakeAnswer { get; private set; }

    public string? ReceiptNote { get; private set; }

    public Judgement? Judgement { get; private set; }

    public QuoteDecision? QuoteDecision { get; private set; }

    public ServiceRecord? ServiceRecord { get; private set; }

    public AcceptanceRecord? Acceptance { get; private set; }

    public IReadOnlyList<RejectionRecord> Rejections => _rejections;

    public RevisitRecord? Revisit { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency: every change increments it; a stale write is refused (409).</summary>
    public int Version { get; private set; }

    /// <summary>Number of timeline entries; lets a verb append without loading the whole timeline.</summary>
    public int TimelineLength { get; private set; }

    /// <summary>Due instant of the nearest open deadline: the supplier queue sorts on it (kept in step by every change).</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<Attachment> Attachments => _attachments;

    public IReadOnlyList<Deadline> Deadlines => _deadlines;

    public IReadOnlyList<DeadlineBreach> Breaches => _breaches;

    /// <summary>Penalties this request's late deadlines caused (R-PEN-3), added as they are assessed.</summary>
    public IReadOnlyList<LedgerEntry> LedgerEntries => _ledgerEntries;

    /// <summary>Deadline events raised by the last changes, for the application to turn into notifications.</summary>
    public IReadOnlyList<DeadlineAlert> PendingAlerts => _alerts;

    /// <summary>How the work is done: the plan's mode once judged, else what the customer asked for.</summary>
    public ServiceMode ServiceMode => Judgement?.Plan?.Mode ?? RequestedResolution;

    /// <summary>申请: files a request; intake validation follows at once (<see cref="Validate"/>).</summary>
    public static ServiceRequest Submit(
        Guid id,
        string number,
        ServiceRequestParties parties,
        ServiceRequestDetails details,
        ServicePolicy policy,
        WarrantyDecision? warranty,
        Actor by,
        DateTimeOffset now,
        ServiceRules rules)
    {
        var request = new ServiceRequest
        {
            Id = id,
            Number = number,
            Status = ServiceRequestStatus.Submitted,
            Type = details.Type,
            Channel = details.Channel,
            CustomerId = parties.CustomerId,
            SupplierId = parties.SupplierId,
            DealerId = parties.DealerId,
            OrderId = parties.OrderId,
            OrderNumber = parties.OrderNumber,
            AssetId = parties.AssetId,
            AssetSerial = parties.AssetSerial,
            PolicyId = policy.Id,
            PolicyVersion = policy.Version,
            Symptom = InvalidInput.Text(details.Symptom, "symptom", "故障现象", 2000),
            OccurredAt = details.OccurredAt,
            Impact = InvalidInput.OptionalText(details.Impact, "impact", "影响范围", 1000),
            SelfChecks = InvalidInput.OptionalText(details.SelfChecks, "selfChecks", "已尝试的自查操作", 1000),
            RequestedResolution = details.RequestedResolution,
            Urgency = details.Urgency,
            FaultLevel = details.FaultLevel,
            ServiceLevel = details.ServiceLevel,
            OrderAmount = parties.OrderAmount ?? Money.Money.Zero(),
            Contact = new ContactPerson(
                InvalidInput.Text(details.Contact.Name, "contact.name", "对接人", 50),
                InvalidInput.Text(details.Contact.Phone, "contact.phone", "联系电话", 30)),
            Warranty = warranty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        InvalidInput.Require(details.OccurredAt is null || details.OccurredAt <= now, "occurredAt", "发生时间不能晚于当前时间。");
        request.Record(by, "submit", null, ServiceRequestStatus.Submitted, null, now);
        request.SyncDeadlines(null, ServiceRequestStatus.Submitted, now, rules);
        return request;
    }

    /// <summary>Required materials the request still lacks (R-IN-4, R-IN-5).</summary>
    public IReadOnlyList<AttachmentKind> FindMissingMaterials(PolicyFigures policy) =>
        policy.RequiredMaterials.TryGetValue(Type, out var required)
            ? required.Where(kind => _attachments.All(a => a.Kind != kind)).ToList()
            : [];

    /// <summary>Voucher documents still missing before archiving (R-ARC-1).</summary>
    public IReadOnlyList<AttachmentKind> FindMissingVouchers(PolicyFigures policy) =>
        policy.VoucherKinds.Where(kind => _attachments.All(a => a.Kind != kind)).ToList();

    /// <summary>平台校验 (R-IN-5): missing materials send the request to needsInfo with the list.</summary>
    public void Validate(DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Validate, Actor.System);
        var missing = FindMissingMaterials(rules.Policy);
        _missingMaterials = [.. missing];
        MoveTo(ServiceRequestAction.Validate, missing.Count > 0 ? ServiceRequestStatus.NeedsInfo : ServiceRequestStatus.PendingReceipt,
            Actor.System, MissingNote(missing), now, rules);
    }

    /// <summary>补充材料: the customer re-submits; validation runs again (or, while verifying, the supplier is informed).</summary>
    public void SupplyInfo(Actor by, string? note, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.SupplyInfo, by);
        var text = InvalidInput.OptionalText(note, "note", "补充说明", 2000);
        if (Status == ServiceRequestStatus.Verifying)
        {
            MoveTo(ServiceRequestAction.SupplyInfo, ServiceRequestStatus.Verifying, by, text, now, rules);
            return;
        }

        var missing = FindMissingMaterials(rules.Policy);
        _missingMaterials = [.. missing];
        var combined = string.Join(" ", new[] { text, MissingNote(missing) }.Where(s => !string.IsNullOrEmpty(s)));
        MoveTo(ServiceRequestAction.SupplyInfo, missing.Count > 0 ? ServiceRequestStatus.NeedsInfo : ServiceRequestStatus.PendingReceipt,
            by, combined.Length == 0 ? null : combined, now, rules);
    }

    /// <summary>当场解答 (R-IN-7): a simple consultation answered and closed at intake.</summary>
    public void ResolveAtIntake(Actor by, string answer, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.ResolveAtIntake, by);
        IntakeAnswer = InvalidInput.Text(answer, "answer", "解答内容", 4000);
        MoveTo(ServiceRequestAction.ResolveAtIntake, ServiceRequestStatus.Closed, by, IntakeAnswer, now, rules);
    }

    /// <summary>受理 (R-JDG-1): the supplier takes the request, with a first cause analysis if known.</summary>
    public void Receive(Actor by, string? note, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Receive, by);
        ReceiptNote = InvalidInput.OptionalText(note, "note", "初步分析", 2000);
        MoveTo(ServiceRequestAction.Receive, ServiceRequestStatus.UnderAssessment, by, ReceiptNote, now, rules);
    }

    /// <summary>责任判定 (R-JDG-2, R-JDG-3): in warranty → plan; paid → itemised quote; or verify first.</summary>
    public void Judge(
        Actor by,
        Responsibility responsibility,
        JudgementOutcome outcome,
        string? analysis,
        ServicePlan? plan,
        Quote? quote,
        string? exclusion,
        DateTimeOffset now,
        ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Judge, by);
        InvalidInput.Require(!(Status == ServiceRequestStatus.Verifying && outcome == JudgementOutcome.NeedsVerification),
            "outcome", "核实阶段必须给出方案或报价。");
        var cleanExclusion = InvalidInput.OptionalText(exclusion, "exclusion", "除外条款", 200);
        var cleanAnalysis = InvalidInput.OptionalText(analysis, "analysis", "原因分析", 4000);
        ServicePlan? cleanPlan = null;
        if (plan is not null)
        {
            cleanPlan = plan with
            {
                Steps = InvalidInput.Text(plan.Steps, "plan.steps", "服务流程", 4000),
                Staff = [.. plan.Staff.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())],
            };
        }

        switch (outcome)
        {
            case JudgementOutcome.InWarranty:
                InvalidInput.Require(cleanPlan is not null, "plan", "属质保范围时必须出具服务方案。");
                InvalidInput.Require(quote is null || quote.Lines.Count == 0, "quote", "质保范围内的服务不收费，不能附报价。");
                quote = null;
                break;
            case JudgementOutcome.Paid:
                InvalidInput.Require(quote is not null && quote.Lines.Count > 0, "quote.lines", "付费服务报价单至少需要一行。");
                ValidateQuote(quote!);

                // R-WTY-4 / R-JDG-3: a covered fault goes on a paid quote only with a cited exclusion.
                if (Warranty?.Covered == true && cleanExclusion is null && responsibility is Responsibility.Quality or Responsibility.Production or Responsibility.SalesError or Responsibility.Undetermined)
                {
                    throw new WorkflowRuleViolation("R-WTY-4", "该设备在质保期内，判为付费服务必须引用除外条款（如人为损坏、不可抗力）。");
                }

                break;
            case JudgementOutcome.NeedsVerification:
                InvalidInput.Require(cleanAnalysis is not null, "analysis", "需进一步核实时，请写明需要客户补充的信息。");
                cleanPlan = null;
                quote = null;
                break;
        }

        Judgement = new Judgement(responsibility, outcome, cleanAnalysis, cleanPlan, quote, cleanExclusion, now, by.Name);
        var target = outcome switch
        {
            JudgementOutcome.InWarranty => ServiceRequestStatus.Planned,
            JudgementOutcome.Paid => ServiceRequestStatus.QuotePending,
            _ => ServiceRequestStatus.Verifying,
        };
        var note = outcome == JudgementOutcome.Paid ? $"报价合计 {quote!.Total}" : cleanAnalysis ?? cleanPlan?.Steps;
        MoveTo(ServiceRequestAction.Judge, target, by, note, now, rules);
    }

    /// <summary>确认报价 (R-QUO-1): the customer's electronic confirmation.</summary>
    public void AcceptQuote(Actor by, DateTimeOffset now, ServiceRules rules, ClientSession? session = null)
    {
        EnsureAllowed(ServiceRequestAction.AcceptQuote, by);
        EnsureQuoteValid(now);
        QuoteDecision = new QuoteDecision(true, now, by.Name, null) { UserId = by.UserId, Session = session };
        MoveTo(ServiceRequestAction.AcceptQuote, ServiceRequestStatus.Planned, by, $"确认报价 {Judgement!.Quote!.Total}", now, rules);
    }

    /// <summary>拒绝报价: the customer declines paid work; the request ends.</summary>
    public void DeclineQuote(Actor by, string reason, DateTimeOffset now, ServiceRules rules, ClientSession? session = null)
    {
        EnsureAllowed(ServiceRequestAction.DeclineQuote, by);
        var text = InvalidInput.Text(reason, "reason", "拒绝原因", 1000);
        QuoteDecision = new QuoteDecision(false, now, by.Name, text) { UserId = by.UserId, Session = session };
        CancelReason = text;
        MoveTo(ServiceRequestAction.DeclineQuote, ServiceRequestStatus.Cancelled, by, text, now, rules);
    }

    /// <summary>
    /// 开始服务: the engineer arrives or the remote session starts — only once the agreements the work needs are in place
    /// (R-QUO-3 service agreement, R-SEC-1 confidentiality agreement of the pair and the customer's authorisation).
    /// </summary>
    public void StartService(Actor by, string? note, DateTimeOffset now, ServiceRules rules, ConfidentialityAgreement? confidentiality = null)
    {
        EnsureAllowed(ServiceRequestAction.StartService, by);
        EnsureReadyToStart(rules.Policy, confidentiality, now);
        MoveTo(ServiceRequestAction.StartService, ServiceRequestStatus.InService, by, InvalidInput.OptionalText(note, "note", "备注", 1000), now, rules);
    }

    /// <summary>完成服务: the service record (what was done, parts, result).</summary>
    public void CompleteService(Actor by, string workDone, IReadOnlyList<PartUsed> parts, string result, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.CompleteService, by);
        var cleanParts = parts.Select((p, i) =>
        {
            InvalidInput.Require(p.Quantity > 0, $"partsUsed[{i}].quantity", "配件数量必须大于 0。");
            return new PartUsed(InvalidInput.Text(p.Name, $"partsUsed[{i}].name", "配件名称", 200), InvalidInput.OptionalText(p.PartNumber, $"partsUsed[{i}].partNumber", "配件编号", 100), p.Quantity);
        }).ToList();
        ServiceRecord = new ServiceRecord(
            InvalidInput.Text(workDone, "workDone", "服务内容", 4000),
            cleanParts,
            InvalidInput.Text(result, "result", "服务结果", 2000),
            now,
            by.Name);
        MoveTo(ServiceRequestAction.CompleteService, ServiceRequestStatus.PendingAcceptance, by, ServiceRecord.Result, now, rules);
    }

    /// <summary>验收合格 (R-ACC-1) with the customer's rating.</summary>
    public void Accept(Actor by, ServiceRating rating, string? comment, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Accept, by);
        InvalidInput.Require(rating.Timeliness is >= 1 and <= 5, "rating.timeliness", "响应时效评分须为 1–5。");
        InvalidInput.Require(rating.Expertise is >= 1 and <= 5, "rating.expertise", "专业性评分须为 1–5。");
        InvalidInput.Require(rating.Attitude is >= 1 and <= 5, "rating.attitude", "服务态度评分须为 1–5。");
        Acceptance = new AcceptanceRecord(rating, InvalidInput.OptionalText(comment, "comment", "评价", 2000), now, by.Name);
        MoveTo(ServiceRequestAction.Accept, ServiceRequestStatus.Accepted, by, $"评分 {rating.Average}", now, rules);
    }

    /// <summary>验收不合格 (R-ACC-2): failed items with evidence; re-service follows.</summary>
    public void Reject(Actor by, IReadOnlyList<string> failedItems, IReadOnlyList<Guid> evidenceAttachmentIds, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Reject, by);
        var items = failedItems.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        InvalidInput.Require(items.Count > 0, "failedItems", "请列出验收不合格的项目。");
        InvalidInput.Require(items.All(i => i.Length <= 500), "failedItems", "每个不合格项不能超过 500 个字符。");
        var unknown = evidenceAttachmentIds.Where(id => _attachments.All(a => a.Id != id)).ToList();
        InvalidInput.Require(unknown.Count == 0, "evidenceAttachmentIds", "佐证材料必须是本售后单已上传的附件。");
        _rejections = [.. _rejections, new RejectionRecord(items, [.. evidenceAttachmentIds], now, by.Name)];
        MoveTo(ServiceRequestAction.Reject, ServiceRequestStatus.Reservice, by, string.Join("；", items), now, rules);
    }

    /// <summary>回访 (R-RV-1): satisfaction at or below the policy's threshold reopens handling.</summary>
    public void RecordRevisit(Actor by, RevisitChannel channel, int satisfaction, string? notes, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Revisit, by);
        InvalidInput.Require(satisfaction is >= 1 and <= 5, "satisfaction", "满意度须为 1–5。");
        var reopened = satisfaction <= rules.Policy.ReopenAtSatisfaction;
        Revisit = new RevisitRecord(channel, satisfaction, InvalidInput.OptionalText(notes, "notes", "回访记录", 2000), reopened, now, by.Name);
        MoveTo(ServiceRequestAction.Revisit, reopened ? ServiceRequestStatus.Reservice : ServiceRequestStatus.Revisited, by,
            reopened ? $"满意度 {satisfaction}，客户不满意，重新处理" : $"满意度 {satisfaction}", now, rules);
    }

    /// <summary>归档 (R-ARC-1): refused until the policy's voucher set is attached.</summary>
    public void Archive(Actor by, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Archive, by);
        var missing = FindMissingVouchers(rules.Policy);
        if (missing.Count > 0)
        {
            throw new WorkflowRuleViolation("R-ARC-1", $"归档前须上传完整服务凭证，缺少：{string.Join("、", missing.Select(AttachmentKindNames.Chinese))}。");
        }

        MoveTo(ServiceRequestAction.Archive, ServiceRequestStatus.Closed, by, null, now, rules);
    }

    /// <summary>取消: allowed in the early states, always with a reason.</summary>
    public void Cancel(Actor by, string reason, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Cancel, by);
        CancelReason = InvalidInput.Text(reason, "reason", "取消原因", 1000);
        MoveTo(ServiceRequestAction.Cancel, ServiceRequestStatus.Cancelled, by, CancelReason, now, rules);
    }

    /// <summary>Adds an uploaded file; not allowed once the request is closed (R-ARC-2: the archive is immutable).</summary>
    public void AddAttachment(Attachment attachment, Actor by, DateTimeOffset now, ServiceRules rules)
    {
        EnsureCanAttach(by, rules);
        _attachments.Add(attachment);
        Record(by, "attachmentAdded", null, null, $"{AttachmentKindNames.Chinese(attachment.Kind)}：{attachment.FileName}", now);
    }

    /// <summary>Refuses an upload before any bytes are stored: wrong party, closed request, too many files.</summary>
    public void EnsureCanAttach(Actor by, ServiceRules rules)
    {
        EnsureParty(by, Permissions.AttachmentsUpload, "attachments.upload", [PartyKind.Customer, PartyKind.Supplier, PartyKind.Dealer, PartyKind.Platform]);
        if (ServiceRequestWorkflow.IsTerminal(Status))
        {
            throw new TransitionRefused("upload", Status.ToString(), "售后单已关闭或取消，不能再上传附件。");
        }

        if (_attachments.Count >= rules.Policy.Attachments.MaxFilesPerRequest)
        {
            throw new WorkflowRuleViolation("R-IN-4", $"每张售后单最多 {rules.Policy.Attachments.MaxFilesPerRequest} 个附件。");
        }
    }

    /// <summary>
    /// Records every open deadline past due as breached (R-SLA-4). Returns how many were newly recorded;
    /// a second call, or a second instance, records none.
    /// </summary>
    public int RecordBreaches(DateTimeOffset now, ServiceRules rules)
    {
        var count = 0;
        LapseWindows(now);
        foreach (var deadline in _deadlines.Where(d => d.IsOpen).ToList())
        {
            if (deadline.TryRecordBreach(now))
            {
                OnBreached(deadline, now, rules);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// One pass of the deadline monitor over this request: breaches past due, escalation steps that fell due,
    /// "at risk" warnings (R-SLA-3, R-SLA-4). Returns what happened; each thing happens once.
    /// </summary>
    public MonitorOutcome Monitor(DateTimeOffset now, ServiceRules rules)
    {
        var lapses = LapseWindows(now);
        var breaches = RecordBreaches(now, rules);
        var escalations = EscalateDue(now, rules);
        var warnings = 0;
        foreach (var deadline in _deadlines.Where(d => d.IsOpen).ToList())
        {
            if (deadline.TryWarn(now))
            {
                _alerts.Add(Alert(deadline, DeadlineAlertType.AtRisk, 0, EscalationTarget.Handler));
                Record(Actor.System, "deadlineAtRisk", null, null, DeadlineCatalog.For(deadline.Kind).IsWindow
                    ? $"{DeadlineKindNames.Chinese(deadline.Kind)}将于 {ServiceZone.ToLocal(deadline.DueAt):yyyy-MM-dd HH:mm} 结束，逾期未提出异议视为认可（R-DSP-2）"
                    : $"时效即将超时：{DeadlineKindNames.Chinese(deadline.Kind)}（应于 {ServiceZone.ToLocal(deadline.DueAt):yyyy-MM-dd HH:mm} 前）", now);
                warnings++;
            }
        }

        return new MonitorOutcome(breaches, escalations, warnings) { Lapses = lapses };
    }

    /// <summary>Takes the alerts raised so far, for notification in the same save.</summary>
    public IReadOnlyList<DeadlineAlert> DequeueAlerts()
    {
        var alerts = _alerts.ToList();
        _alerts.Clear();
        return alerts;
    }

    /// <summary>
    /// 调整故障/服务等级 (R-IN-8): the level deadlines take the new targets at once, counted from when the fault was
    /// reported, with their pauses — the due instants stay right when a level changes.
    /// </summary>
    public void ClassifyLevel(Actor by, FaultLevel? fault, ServiceLevel? service, string? note, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.ClassifyLevel, by);
        var text = InvalidInput.OptionalText(note, "note", "说明", 1000);
        FaultLevel = fault;
        ServiceLevel = service;
        foreach (var spec in DeadlineCatalog.Specs.Where(s => s.ByLevel))
        {
            var target = spec.TargetFor(this, rules.Policy);
            var open = _deadlines.FirstOrDefault(d => d.Kind == spec.Kind && d.IsOpen);
            if (open is not null)
            {
                if (target is { } newTarget)
                {
                    open.Recompute(newTarget, rules.Calendar, rules.Policy.WarningPercent);
                }
                else if (open.Close(now))
                {
                    OnBreached(open, now, rules);
                }
            }
            else if (target is { } t && spec.Covers(Status) && spec.AppliesTo(this) && _deadlines.All(d => d.Kind != spec.Kind))
            {
                var opened = Open(spec, t, CreatedAt, rules);
                opened.Recompute(t, rules.Calendar, rules.Policy.WarningPercent);
                if (spec.PausedIn.Contains(Status))
                {
                    opened.Pause(now);
                }
                else if (opened.TryRecordBreach(now))
                {
                    OnBreached(opened, now, rules);
                }
            }
        }

        var levels = $"故障等级：{(fault is { } f ? LevelNames.Chinese(f) : "未定")}；服务等级：{service?.ToString() ?? "未定"}";
        Record(by, ActionName(ServiceRequestAction.ClassifyLevel), null, null, text is null ? levels : $"{levels}。{text}", now);
        UpdateNextDue();
    }

    /// <summary>Recomputes every open deadline from its start and pauses on the current calendar (after a calendar edit).</summary>
    public void RecomputeDeadlines(ServiceRules rules)
    {
        foreach (var deadline in _deadlines.Where(d => d.IsOpen))
        {
            var target = DeadlineCatalog.For(deadline.Kind).TargetFor(this, rules.Policy) ?? deadline.Target;
            deadline.Recompute(target, rules.Calendar, rules.Policy.WarningPercent);
        }

        UpdateNextDue();
    }

    /// <summary>
    /// 工作日历已更新 (R-SLA-2): the open deadlines are recomputed on the edited calendar; when a due instant moved, the
    /// timeline says which and why. Returns whether any due instant moved.
    /// </summary>
    public bool ApplyCalendarEdit(string calendarName, int calendarVersion, DateTimeOffset now, ServiceRules rules)
    {
        var before = _deadlines.Where(d => d.IsOpen).ToDictionary(d => d.Id, d => d.DueAt);
        RecomputeDeadlines(rules);
        var moved = _deadlines.Where(d => d.IsOpen && before[d.Id] != d.DueAt)
            .Select(d => $"{DeadlineKindNames.Chinese(d.Kind)} {ServiceZone.ToLocal(before[d.Id]):yyyy-MM-dd HH:mm} → {ServiceZone.ToLocal(d.DueAt):yyyy-MM-dd HH:mm}")
            .ToList();
        if (moved.Count == 0)
        {
            return false;
        }

        Record(Actor.System, "calendarChanged", null, null,
            $"工作日历「{calendarName}」已更新（第 {calendarVersion} 版），时效重新计算：{string.Join("；", moved)}", now);
        return true;
    }

    /// <summary>
    /// 免除违约金 (R-PEN-3): only the platform waives, always with a reason; the penalty line stays, marked waived,
    /// and the request's timeline says so. The caller loads the line into <see cref="LedgerEntries"/> first.
    /// </summary>
    public void WaivePenalty(Guid ledgerEntryId, string reason, Actor by, DateTimeOffset now)
    {
        EnsureParty(by, Permissions.PenaltiesWaive, "waive", [PartyKind.Platform]);
        var entry = _ledgerEntries.FirstOrDefault(l => l.Id == ledgerEntryId)
            ?? throw new InvalidOperationException($"Ledger entry {ledgerEntryId} of request {Number} is not loaded.");
        entry.Waive(reason, by.Name, now);
        Record(by, "penaltyWaived", null, null, $"违约金已免除：{entry.Explanation}，计 {entry.Amount}。原因：{entry.WaiverReason}", now);
    }

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> now (the UI enables buttons with this).</summary>
    public bool CanDo(ServiceRequestAction action, Actor actor) =>
        ServiceRequestWorkflow.Permits(Status, action) && IsPartyAllowed(action, actor) && DisputeStepOpen(action, actor);

    private static string? MissingNote(IReadOnlyList<AttachmentKind> missing) =>
        missing.Count == 0 ? null : $"缺少材料：{string.Join("、", missing.Select(AttachmentKindNames.Chinese))}";

    private static void ValidateQuote(Quote quote)
    {
        for (var i = 0; i < quote.Lines.Count; i++)
        {
            var line = quote.Lines[i];
            InvalidInput.Require(!string.IsNullOrWhiteSpace(line.Description), $"quote.lines[{i}].description", "报价项目说明不能为空。");
            InvalidInput.Require(line.Quantity > 0, $"quote.lines[{i}].quantity", "数量必须大于 0。");
            InvalidInput.Require(line.UnitPrice.Amount >= 0, $"quote.lines[{i}].unitPrice", "单价不能为负数。");
            InvalidInput.Require(line.UnitPrice.Currency == quote.Currency, $"quote.lines[{i}].unitPrice.currency", "报价各行币种必须一致。");
        }

        InvalidInput.Require(quote.PartsLeadTimeDays is null or >= 0, "quote.partsLeadTimeDays", "备件周期不能为负数。");
    }

    private bool IsPartyAllowed(ServiceRequestAction action, Actor actor)
    {
        var permission = ServiceRequestWorkflow.RequiredPermission[action];
        if (actor == Actor.System)
        {
            return action == ServiceRequestAction.Validate;
        }

        return permission.Length > 0 && actor.Has(permission) && IsParty(actor, ServiceRequestWorkflow.Parties[action]);
    }

    private bool IsParty(Actor actor, PartyKind[] allowed)
    {
        if (actor.Party is not { } party || !allowed.Contains(party))
        {
            return false;
        }

        return party switch
        {
            PartyKind.Platform => true,
            PartyKind.Customer => actor.OrganizationId == CustomerId,
            PartyKind.Supplier => actor.OrganizationId == SupplierId,
            PartyKind.Dealer => DealerId is not null && actor.OrganizationId == DealerId,
            _ => false,
        };
    }

    private void EnsureParty(Actor actor, string permission, string actionName, PartyKind[] allowed)
    {
        if (actor != Actor.System && (!actor.Has(permission) || !IsParty(actor, allowed)))
        {
            throw new ActionNotPermitted(actionName, "您的角色不能执行此操作。");
        }
    }

    /// <summary>Party and permission first (403), then state (409): a customer pressing a supplier button learns it is not theirs.</summary>
    private void EnsureAllowed(ServiceRequestAction action, Actor actor)
    {
        if (!IsPartyAllowed(action, actor))
        {
            throw new ActionNotPermitted(ActionName(action), "您的角色不能执行此操作。");
        }

        if (!ServiceRequestWorkflow.Permits(Status, action))
        {
            throw new TransitionRefused(ActionName(action), Status.ToString(),
                $"当前状态为「{StatusNames.Chinese(Status)}」，不能执行「{ActionNames.Chinese(action)}」。");
        }
    }

    private void MoveTo(ServiceRequestAction action, ServiceRequestStatus to, Actor by, string? note, DateTimeOffset now, ServiceRules rules)
    {
        if (!ServiceRequestWorkflow.Transitions.TryGetValue((Status, action), out var targets) || !targets.Contains(to))
        {
            throw new TransitionRefused(ActionName(action), Status.ToString(), $"不能从「{StatusNames.Chinese(Status)}」转为「{StatusNames.Chinese(to)}」。");
        }

        Enter(action, to, by, note, now, rules);
    }

    /// <summary>Moves to <paramref name="to"/> once the move is known to be allowed: timeline, closing time, deadlines.</summary>
    private void Enter(ServiceRequestAction action, ServiceRequestStatus to, Actor by, string? note, DateTimeOffset now, ServiceRules rules)
    {
        // A window that ended before this move is deemed accepted first, never closed late as a breach (R-DSP-2).
        LapseWindows(now);
        var from = Status;
        Status = to;
        if (ServiceRequestWorkflow.IsTerminal(to))
        {
            ClosedAt = now;
        }

        Record(by, ActionName(action), from, to, note, now);
        SyncDeadlines(from, to, now, rules);
    }

    /// <summary>
    /// Opens the deadlines of the status entered, pauses those whose request now waits on the customer, resumes
    /// those it no longer waits for, and closes those of the statuses left (R-SLA-1).
    /// </summary>
    private void SyncDeadlines(ServiceRequestStatus? from, ServiceRequestStatus to, DateTimeOffset now, ServiceRules rules)
    {
        foreach (var deadline in _deadlines.Where(d => d.IsOpen).ToList())
        {
            var spec = DeadlineCatalog.For(deadline.Kind);
            if (spec.OpenedByVerb)
            {
                continue;
            }

            if (!spec.Covers(to))
            {
                if (deadline.Close(now))
                {
                    OnBreached(deadline, now, rules);
                }

                AssessOnClose(deadline, now, rules);
            }
            else if (spec.PausedIn.Contains(to))
            {
                deadline.Pause(now);
            }
            else
            {
                deadline.Resume(now, rules.Calendar, rules.Policy.WarningPercent);
            }
        }

        foreach (var spec in DeadlineCatalog.Specs)
        {
            var entering = spec.Covers(to) && (from is null || !spec.Covers(from.Value));
            if (!entering || !spec.AppliesTo(this) || spec.TargetFor(this, rules.Policy) is not { } target)
            {
                continue;
            }

            var opened = Open(spec, target, now, rules);
            if (spec.PausedIn.Contains(to))
            {
                opened.Pause(now);
            }
        }

        UpdateNextDue();
    }

    private Deadline Open(DeadlineSpec spec, DeadlineTarget target, DateTimeOffset start, ServiceRules rules)
    {
        var due = DeadlineCalculator.DueAt(start, target, rules.Calendar);
        var warning = DeadlineCalculator.WarningAt(start, due, rules.Policy.WarningPercent);
        var deadline = new Deadline(Guid.CreateVersion7(start), Id, spec.Kind, spec.OwedBy, target, start, due, warning);
        _deadlines.Add(deadline);
        return deadline;
    }

    private void UpdateNextDue() =>
        NextDueAt = _deadlines.Where(d => d.IsOpen && !d.IsPaused).Select(d => (DateTimeOffset?)d.DueAt).Min();

    /// <summary>
    /// A breach, recorded once: a timeline entry, the first escalation step, the penalties due at once, and for a
    /// critical fault not fixed in time the loaner it now owes (R-SLA-3, R-SLA-4, R-PEN-2, R-EXE-7).
    /// </summary>
    private void OnBreached(Deadline deadline, DateTimeOffset now, ServiceRules rules)
    {
        _breaches.Add(new DeadlineBreach(deadline, SupplierId, now));
        Record(Actor.System, "deadlineBreached", null, null,
            $"时效超时：{DeadlineKindNames.Chinese(deadline.Kind)}（{deadline.Target.ToChinese()}，应于 {ServiceZone.ToLocal(deadline.DueAt):yyyy-MM-dd HH:mm} 前）", now);
        _alerts.Add(Alert(deadline, DeadlineAlertType.Breached, 0, EscalationTarget.Handler));

        if (deadline.OwedBy != DeadlineParty.Customer && rules.Policy.Escalation.Count > 0)
        {
            deadline.Escalate(0, now + rules.Policy.Escalation[0].AfterBreach);
            EscalateDue(now, rules);
        }

        foreach (var rule in ChargeableRules(deadline, rules).Where(r => r.AssessedAtBreach))
        {
            Charge(deadline, rule, deadline.LateBy(now), now);
        }

        if (deadline.Kind == DeadlineKind.LevelFix && LoanerOwedSince is null)
        {
            // R-EXE-7 [004]: not fixed within the level's fix time → an equivalent loaner, free of charge.
            LoanerOwedSince = now;
            _alerts.Add(Alert(deadline, DeadlineAlertType.LoanerOwed, 0, EscalationTarget.Handler));
            Record(Actor.System, "loanerOwed", null, null, "故障未在时限内修复，须免费提供同档次备用设备（R-EXE-7）。", now);
        }
    }

    /// <summary>Penalties that need to know how late the deadline was met: assessed once, when it closes late.</summary>
    private void AssessOnClose(Deadline deadline, DateTimeOffset now, ServiceRules rules)
    {
        if (!deadline.IsBreached)
        {
            return;
        }

        foreach (var rule in ChargeableRules(deadline, rules).Where(r => !r.AssessedAtBreach))
        {
            Charge(deadline, rule, deadline.LateBy(now), now);
        }
    }

    private IEnumerable<PenaltyRule> ChargeableRules(Deadline deadline, ServiceRules rules) =>
        deadline.OwedBy is DeadlineParty.Supplier or DeadlineParty.Dealer
            ? rules.Policy.Penalties.Where(r => r.Kinds.Contains(deadline.Kind))
            : [];

    private void Charge(Deadline deadline, PenaltyRule rule, TimeSpan lateBy, DateTimeOffset now)
    {
        if (PenaltyCalculator.Assess(rule, lateBy, OrderAmount) is not { } assessment || assessment.Amount.Amount <= 0)
        {
            return;
        }

        var payer = deadline.OwedBy == DeadlineParty.Dealer && DealerId is { } dealer ? dealer : SupplierId;
        var counterparty = rule.Account == PenaltyAccount.CustomerCompensation ? CustomerId : (Guid?)null;
        _ledgerEntries.Add(LedgerEntry.ForPenalty(Guid.CreateVersion7(now), assessment, payer, counterparty, Id, Number, deadline, now));
        Record(Actor.System, "penaltyCharged", null, null, $"{assessment.Explanation}，计 {assessment.Amount}（{rule.RuleId}）", now);
    }

    /// <summary>Escalation steps that fell due: each tells the next level and is on the timeline (R-SLA-3).</summary>
    private int EscalateDue(DateTimeOffset now, ServiceRules rules)
    {
        var steps = rules.Policy.Escalation;
        var count = 0;
        foreach (var deadline in _deadlines.Where(d => d.IsOpen && d.IsBreached && d.NextEscalationAt is { } at && at <= now).ToList())
        {
            while (deadline.NextEscalationAt is { } due && due <= now && deadline.EscalationLevel < steps.Count)
            {
                var step = steps[deadline.EscalationLevel];
                var level = deadline.EscalationLevel + 1;
                var next = level < steps.Count ? deadline.BreachRecordedAt!.Value + steps[level].AfterBreach : (DateTimeOffset?)null;
                deadline.Escalate(level, next);
                _alerts.Add(Alert(deadline, DeadlineAlertType.Escalated, level, step.Notify));
                Record(Actor.System, "deadlineEscalated", null, null,
                    $"超时升级（第 {level} 级，通知{EscalationNames.Chinese(step.Notify)}）：{DeadlineKindNames.Chinese(deadline.Kind)}", now);
                count++;
            }
        }

        return count;
    }

    private static DeadlineAlert Alert(Deadline deadline, DeadlineAlertType type, int level, EscalationTarget notify) =>
        new(deadline.Id, deadline.Kind, deadline.OwedBy, type, level, notify, deadline.DueAt);

    private void Record(Actor by, string action, ServiceRequestStatus? from, ServiceRequestStatus? to, string? note, DateTimeOffset now)
    {
        TimelineLength++;
        _timeline.Add(new TimelineEntry(Guid.CreateVersion7(now), Id, TimelineLength, now, by, action, from, to, note));
        UpdatedAt = now;
        Version++;
    }

    public static string ActionName(ServiceRequestAction action)
    {
        var name = action.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
